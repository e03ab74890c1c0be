// intFramer: the engine of the Int8/16/32 string receivers, which read
// strings behind a big-endian length prefix.

package basic

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/twistgo/twistgo/interfaces"
)

// intConfig is what the framer needs from the receiver that embeds it.
type intConfig struct {
	size int // prefix length in bytes: 1, 2 or 4
	max  int // longest payload accepted
	h    StringHandler
	t    interfaces.Transport
}

// intFramer holds the state of one length-prefixed stream. The payload of
// a string that lies whole in the data being delivered is handed out in
// place; only an unfinished prefix and payload are copied into buf, which
// never holds more than size+max bytes.
type intFramer struct {
	buf     []byte // an unfinished prefix and its payload
	skip    uint64 // bytes of a refused payload still to discard
	pending []byte // input held while paused or while a string is handled
	paused  bool
	busy    bool
	err     error
	header  [4]byte // SendString's prefix
}

func (f *intFramer) dataReceived(c intConfig, data []byte) {
	if f.busy || f.paused {
		f.pending = append(f.pending, data...)
		return
	}
	f.busy = true
	defer func() { f.busy = false }()
	f.hold(f.parse(c, data))
	f.drain(c)
}

// drain parses held input until it is used up or parsing stops.
func (f *intFramer) drain(c intConfig) {
	for len(f.pending) > 0 && !f.paused {
		held := f.pending
		f.pending = nil
		f.hold(f.parse(c, held))
	}
}

// hold puts input that parsing stopped before in front of the held input.
func (f *intFramer) hold(rest []byte) {
	if len(rest) == 0 {
		return
	}
	held := make([]byte, 0, len(rest)+len(f.pending))
	f.pending = append(append(held, rest...), f.pending...)
}

// parse consumes data, delivering each complete string, and returns what
// is left when it stops because the receiver was paused.
func (f *intFramer) parse(c intConfig, data []byte) []byte {
	for len(data) > 0 {
		switch {
		case f.paused:
			return data
		case c.t != nil && c.t.Disconnecting():
			f.pending = nil
			return nil
		case f.skip > 0:
			n := min(f.skip, uint64(len(data)))
			f.skip -= n
			data = data[n:]
		case len(f.buf) == 0 && len(data) >= c.size:
			data = f.parseInPlace(c, data)
		default:
			data = f.accumulate(c, data)
		}
	}
	return nil
}

// parseInPlace handles a prefix at the start of data, delivering the
// string without copying if its payload is all there.
func (f *intFramer) parseInPlace(c intConfig, data []byte) []byte {
	n := prefix(data, c.size)
	if n > uint64(c.max) {
		f.refuse(c, n)
		return data[c.size:]
	}
	if uint64(len(data)-c.size) < n {
		return f.accumulate(c, data)
	}
	end := c.size + int(n)
	f.deliver(c, data[c.size:end])
	return data[end:]
}

// accumulate copies an unfinished prefix and payload into buf, delivering
// the string once it is complete.
func (f *intFramer) accumulate(c intConfig, data []byte) []byte {
	if len(f.buf) < c.size {
		k := min(c.size-len(f.buf), len(data))
		f.buf = append(f.buf, data[:k]...)
		data = data[k:]
		if len(f.buf) < c.size {
			return data
		}
		if n := prefix(f.buf, c.size); n > uint64(c.max) {
			f.buf = f.buf[:0]
			f.refuse(c, n)
			return data
		}
	}
	want := c.size + int(prefix(f.buf, c.size))
	k := min(want-len(f.buf), len(data))
	f.buf = append(f.buf, data[:k]...)
	if len(f.buf) == want {
		s := f.buf[c.size:]
		f.buf = f.buf[:0] // s stays intact: nothing is appended while it is handled
		f.deliver(c, s)
	}
	return data[k:]
}

func (f *intFramer) deliver(c intConfig, s []byte) {
	if c.h != nil {
		c.h.StringReceived(s)
	}
}

// refuse reports a length over the maximum and skips its payload.
func (f *intFramer) refuse(c intConfig, n uint64) {
	if f.err == nil {
		f.err = fmt.Errorf("%w: %d bytes, limit %d", ErrLengthLimitExceeded, n, c.max)
	}
	f.skip = n
	if x, ok := c.h.(LengthLimitExceededHandler); ok {
		x.LengthLimitExceeded(int(min(n, math.MaxInt)))
	} else if c.t != nil {
		c.t.LoseConnection()
	}
}

func (f *intFramer) send(c intConfig, s []byte) error {
	if uint64(len(s)) >= 1<<(8*c.size) {
		return fmt.Errorf("%w: %d bytes in a %d-byte prefix", ErrStringTooLong, len(s), c.size)
	}
	switch c.size {
	case 1:
		f.header[0] = byte(len(s))
	case 2:
		binary.BigEndian.PutUint16(f.header[:], uint16(len(s)))
	default:
		binary.BigEndian.PutUint32(f.header[:], uint32(len(s)))
	}
	c.t.Write(f.header[:c.size])
	c.t.Write(s)
	return nil
}

func (f *intFramer) pause(t interfaces.Transport) {
	f.paused = true
	if t != nil {
		t.PauseProducing()
	}
}

func (f *intFramer) resume(c intConfig) {
	f.paused = false
	if c.t != nil {
		c.t.ResumeProducing()
	}
	if !f.busy {
		f.busy = true
		defer func() { f.busy = false }()
		f.drain(c)
	}
}

func (f *intFramer) stop(t interfaces.Transport) {
	f.paused = true
	f.pending = nil
	if t != nil {
		t.StopProducing()
	}
}

// prefix decodes the big-endian length at the start of b.
func prefix(b []byte, size int) uint64 {
	switch size {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(binary.BigEndian.Uint16(b))
	}
	return uint64(binary.BigEndian.Uint32(b))
}
