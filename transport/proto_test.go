//go:build linux

package transport_test

import (
	"net"
	"os"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

// recorder is a test protocol: it keeps what it is told and runs the
// test's hooks.
type recorder struct {
	tr     *transport.Conn
	got    []byte
	events []string
	reason error
	lost   int

	made func(r *recorder)
	data func(r *recorder, b []byte)
}

func (r *recorder) MakeConnection(t interfaces.Transport) {
	r.tr = t.(*transport.Conn)
	r.events = append(r.events, "make")
}

func (r *recorder) ConnectionMade() {
	r.events = append(r.events, "made")
	if r.made != nil {
		r.made(r)
	}
}

func (r *recorder) DataReceived(b []byte) {
	r.got = append(r.got, b...)
	if r.data != nil {
		r.data(r, b)
	}
}

func (r *recorder) ConnectionLost(reason error) {
	r.lost++
	r.reason = reason
	r.events = append(r.events, "lost")
}

// halfRecorder is a recorder that is a HalfCloseableProtocol.
type halfRecorder struct {
	recorder
	readLost  func(h *halfRecorder)
	writeLost func(h *halfRecorder)
}

func (h *halfRecorder) ReadConnectionLost() {
	h.events = append(h.events, "readLost")
	if h.readLost != nil {
		h.readLost(h)
	}
}

func (h *halfRecorder) WriteConnectionLost() {
	h.events = append(h.events, "writeLost")
	if h.writeLost != nil {
		h.writeLost(h)
	}
}

// echo makes r write back what it receives.
func echo(r *recorder, b []byte) { r.tr.Write(b) }

// startPair connects protocols a and b over a socket pair of kind on l.
func startPair(t *testing.T, l *testLoop, kind string, a, b interfaces.Protocol) (*transport.Conn, *transport.Conn) {
	t.Helper()
	fa, fb := socketPair(t, kind)
	ca := transport.New(transport.Config{FD: fa, Loop: l, Protocol: a, Local: addrOf(kind), Peer: addrOf(kind)})
	cb := transport.New(transport.Config{FD: fb, Loop: l, Protocol: b, Local: addrOf(kind), Peer: addrOf(kind)})
	must(t, "start", ca.Start())
	must(t, "start", cb.Start())
	return ca, cb
}

func addrOf(kind string) net.Addr {
	if kind == "unix" {
		return &net.UnixAddr{Net: "unix"}
	}
	return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}
}

// checkFDs fails the test at cleanup if it leaked file descriptors.
func checkFDs(t *testing.T) {
	t.Helper()
	before := openFDs(t)
	t.Cleanup(func() {
		if after := openFDs(t); after != before {
			t.Errorf("open fds: %d before, %d after", before, after)
		}
	})
}

func openFDs(t *testing.T) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("cannot count fds: %v", err)
	}
	return len(ents)
}
