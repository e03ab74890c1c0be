package main

import (
	"bytes"
	"math/rand/v2"
)

// A pattern is the byte stream one connection sends: a random block of
// period bytes repeated for ever. It is stored twice over so that any window
// of at most period bytes is one contiguous slice, which makes both sending
// and checking a plain slice operation.
type pattern struct {
	period int
	data   []byte
}

// newPattern returns the stream for the connection numbered seed.
func newPattern(seed uint64, period int) *pattern {
	rng := rand.New(rand.NewPCG(seed, 0x7477697374676f))
	data := make([]byte, 2*period)
	for i := 0; i < period; i += 8 {
		v := rng.Uint64()
		for j := 0; j < 8 && i+j < period; j++ {
			data[i+j] = byte(v >> (8 * j))
		}
	}
	copy(data[period:], data[:period])
	return &pattern{period: period, data: data}
}

// window returns the stream bytes [off, off+n). n must not exceed period.
// The slice aliases the pattern: do not modify it.
func (p *pattern) window(off int64, n int) []byte {
	start := int(off % int64(p.period))
	return p.data[start : start+n]
}

// verify reports whether got equals the stream bytes starting at off.
func (p *pattern) verify(off int64, got []byte) bool {
	for len(got) > 0 {
		n := min(len(got), p.period)
		if !bytes.Equal(got[:n], p.window(off, n)) {
			return false
		}
		got = got[n:]
		off += int64(n)
	}
	return true
}
