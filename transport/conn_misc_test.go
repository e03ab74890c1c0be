//go:build linux

package transport_test

import (
	"errors"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

func TestPanicInDataReceivedCostsOneConnection(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	badClient := &recorder{made: func(r *recorder) { r.tr.Write([]byte("boom")) }}
	badServer := &recorder{data: func(*recorder, []byte) { panic("bad protocol") }}
	startPair(t, l, "tcp", badClient, badServer)
	client := &recorder{made: func(r *recorder) { r.tr.Write([]byte("fine")) }}
	server := &recorder{data: echo}
	startPair(t, l, "tcp", client, server)
	l.runUntil("bad server lost", func() bool { return badServer.lost == 1 && badClient.lost == 1 })
	var pe *interfaces.PanicError
	if !errors.As(badServer.reason, &pe) || pe.Value != "bad protocol" {
		t.Errorf("bad server reason = %s, want the *PanicError", describe(badServer.reason))
	}
	l.runUntil("echo on the other connection", func() bool { return string(client.got) == "fine" })
	if server.lost != 0 || client.lost != 0 {
		t.Errorf("the healthy connection was lost: %v / %v", server.reason, client.reason)
	}
	l.shutdown()
}

func TestPanicInConnectionMade(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	fa, fb := socketPair(t, "unix")
	defer unix.Close(fb)
	p := &recorder{made: func(r *recorder) {
		r.tr.Write([]byte("never sent"))
		panic("made")
	}}
	c := transport.New(transport.Config{FD: fa, Loop: l, Protocol: p, Local: addrOf("unix"), Peer: addrOf("unix")})
	if err := c.Start(); err != nil {
		t.Fatalf("Start = %v, want nil", err)
	}
	var pe *interfaces.PanicError
	if p.lost != 1 || !errors.As(p.reason, &pe) || c.Fileno() != -1 {
		t.Errorf("after a panic in ConnectionMade: lost %d, reason %s, fileno %d", p.lost, describe(p.reason), c.Fileno())
	}
}

func TestPanicInConnectionLostIsContained(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	fa, fb := socketPair(t, "unix")
	defer unix.Close(fb)
	p := &panicOnLost{}
	owner := &countingOwner{}
	c := transport.New(transport.Config{FD: fa, Loop: l, Protocol: p, Local: addrOf("unix"), Peer: addrOf("unix"), Owner: owner})
	must(t, "start", c.Start())
	c.ConnectionLost(interfaces.ErrConnectionLost)
	if owner.ended != 1 || owner.conn != c || !errors.Is(owner.reason, interfaces.ErrConnectionLost) || c.Fileno() != -1 {
		t.Errorf("owner told %d times (conn %p, reason %v), fileno %d; want once, with %p and the reason, and -1",
			owner.ended, owner.conn, owner.reason, c.Fileno(), c)
	}
}

type panicOnLost struct{ recorder }

// countingOwner records what its connection told it.
type countingOwner struct {
	ended  int
	conn   *transport.Conn
	reason error
}

func (o *countingOwner) ConnectionEnded(c *transport.Conn, reason error) {
	o.ended++
	o.conn, o.reason = c, reason
}

func (p *panicOnLost) ConnectionLost(error) { panic("lost") }

func TestTCPOptions(t *testing.T) {
	l := newTestLoop(t)
	tcpClient, tcpServer := &recorder{}, &recorder{}
	startPair(t, l, "tcp", tcpClient, tcpServer)
	unixClient, unixServer := &recorder{}, &recorder{}
	startPair(t, l, "unix", unixClient, unixServer)
	must(t, "SetTCPNoDelay", tcpClient.tr.SetTCPNoDelay(true))
	must(t, "SetTCPKeepAlive", tcpClient.tr.SetTCPKeepAlive(true))
	if v, err := unix.GetsockoptInt(tcpClient.tr.Fileno(), unix.IPPROTO_TCP, unix.TCP_NODELAY); err != nil || v == 0 {
		t.Errorf("TCP_NODELAY = %d, %v after SetTCPNoDelay(true)", v, err)
	}
	if err := unixClient.tr.SetTCPNoDelay(true); !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("SetTCPNoDelay on a UNIX socket = %v, want ErrUnsupported", err)
	}
	if err := unixClient.tr.SetTCPKeepAlive(true); !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("SetTCPKeepAlive on a UNIX socket = %v, want ErrUnsupported", err)
	}
	l.shutdown()
	if err := tcpClient.tr.SetTCPNoDelay(true); !errors.Is(err, interfaces.ErrNotConnected) {
		t.Errorf("SetTCPNoDelay after close = %v, want ErrNotConnected", err)
	}
}

// TestEchoAllocatesNothing drives one echo round trip per run: the peer
// writes, the connection reads, echoes and flushes, the peer reads back.
func TestEchoAllocatesNothing(t *testing.T) {
	if raceEnabled {
		// The output chunks are recycled through a sync.Pool, and under the
		// race detector sync.Pool drops a random quarter of what it is
		// given, by design, so allocations are not zero there.
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	for _, size := range []int{64, 4 << 10, 64 << 10} {
		t.Run(sizeName(size), func(t *testing.T) {
			l := newTestLoop(t)
			fa, fb := socketPair(t, "unix")
			defer unix.Close(fb)
			must(t, "SO_SNDBUF", unix.SetsockoptInt(fb, unix.SOL_SOCKET, unix.SO_SNDBUF, 1<<20))
			must(t, "SO_RCVBUF", unix.SetsockoptInt(fb, unix.SOL_SOCKET, unix.SO_RCVBUF, 1<<20))
			server := &recorder{}
			c := transport.New(transport.Config{FD: fa, Loop: l, Protocol: &echoOnly{server}, Local: addrOf("unix"), Peer: addrOf("unix")})
			must(t, "start", c.Start())
			defer l.shutdown()
			msg := make([]byte, size)
			back := make([]byte, size)
			roundTrip := func() {
				if _, err := unix.Write(fb, msg); err != nil {
					t.Fatalf("write: %v", err)
				}
				for got := 0; got < size; {
					_ = c.DoRead()
					n, err := unix.Read(fb, back[got:])
					if err != nil && err != unix.EAGAIN {
						t.Fatalf("read: %v", err)
					}
					got += max(n, 0)
				}
			}
			roundTrip()
			if allocs := testing.AllocsPerRun(200, roundTrip); allocs != 0 {
				t.Errorf("%v allocations per echoed message, want 0", allocs)
			}
		})
	}
}

// echoOnly forwards to a recorder without keeping the bytes.
type echoOnly struct{ r *recorder }

func (e *echoOnly) MakeConnection(t interfaces.Transport) { e.r.MakeConnection(t) }
func (e *echoOnly) ConnectionMade()                       {}
func (e *echoOnly) DataReceived(b []byte)                 { e.r.tr.Write(b) }
func (e *echoOnly) ConnectionLost(reason error)           { e.r.ConnectionLost(reason) }
