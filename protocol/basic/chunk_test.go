package basic_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// chunking is one way of cutting an input into reads.
type chunking struct {
	name   string
	chunks [][]byte
}

// chunkings returns in whole, byte by byte, and cut in two at every offset.
// Inputs longer than 4 KiB are cut at every offset near their ends and near
// the given interesting offsets, and every 509 bytes elsewhere: the middle
// of a long run has nothing new to show, and the race detector is slow.
func chunkings(in []byte, near ...int) []chunking {
	out := []chunking{{"whole", [][]byte{in}}}
	if len(in) > 1 {
		bytewise := make([][]byte, len(in))
		for i := range in {
			bytewise[i] = in[i : i+1]
		}
		out = append(out, chunking{"byte by byte", bytewise})
	}
	near = append(near, 0, len(in))
	for i := 1; i < len(in); i++ {
		if len(in) > 4096 && i%509 != 0 && !isNear(i, near) {
			continue
		}
		out = append(out, chunking{fmt.Sprintf("cut at %d", i), [][]byte{in[:i], in[i:]}})
	}
	return out
}

func isNear(i int, points []int) bool {
	for _, p := range points {
		if i >= p-24 && i <= p+24 {
			return true
		}
	}
	return false
}

// feed hands each chunk to p as a fresh copy and scribbles over the copy
// once DataReceived returns, so a receiver that keeps the caller's memory
// shows up as corrupted frames.
func feed(p interfaces.Protocol, chunks [][]byte) {
	for _, c := range chunks {
		read := bytes.Clone(c)
		p.DataReceived(read)
		for len(read) > 0 { // copy, not a byte loop: the race detector is slow
			read = read[copy(read, scribble):]
		}
	}
}

// scribble is what feed overwrites a read with after delivering it.
var scribble = bytes.Repeat([]byte{'#'}, 4096)

// eventer is a protocol under test that records what its handler saw.
type eventer interface {
	interfaces.Protocol
	Events() []string
}

// checkEveryChunking runs newP on every chunking of in and compares the
// recorded events with want.
func checkEveryChunking(t *testing.T, newP func() eventer, in string, want []string) {
	t.Helper()
	for _, c := range chunkings([]byte(in)) {
		p := newP()
		transporttest.Connect(p, transporttest.NewStringTransport())
		feed(p, c.chunks)
		if diff := cmp.Diff(want, p.Events()); diff != "" {
			t.Errorf("%s: events (-want +got):\n%s", c.name, diff)
			return
		}
	}
}

// events records protocol events, merging consecutive raw chunks so the
// record does not depend on how the input was cut.
type events struct{ list []string }

func (e *events) add(s string) { e.list = append(e.list, s) }

func (e *events) raw(data []byte) {
	if n := len(e.list); n > 0 && len(e.list[n-1]) >= 4 && e.list[n-1][:4] == "raw:" {
		e.list[n-1] += string(data)
		return
	}
	e.list = append(e.list, "raw:"+string(data))
}

func (e *events) Events() []string { return e.list }
