//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package internet

import (
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// TestAcceptedPeerAddress accepts real connections of each kind and checks
// the peer address read from the accept buffer, and from a buffer filled
// from getpeername(2)'s Sockaddr, against the client's own address.
func TestAcceptedPeerAddress(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name   string
		listen streamSocket
		dial   func(t *testing.T, host net.Addr) net.Conn
	}{
		{"tcp4", &tcpSocket{ip: netip.MustParseAddr("127.0.0.1")}, dialFrom("tcp4", nil)},
		{"tcp6", &tcpSocket{ip: netip.IPv6Loopback()}, dialFrom("tcp6", nil)},
		{"unix unnamed", &unixSocket{path: filepath.Join(dir, "a.sock")}, dialFrom("unix", nil)},
		{"unix named", &unixSocket{path: filepath.Join(dir, "b.sock")},
			dialFrom("unix", &net.UnixAddr{Name: filepath.Join(dir, "client.sock"), Net: "unix"})},
	}
	if abstractNames {
		name := "@twistgo-accept-" + strconv.Itoa(os.Getpid())
		cases = append(cases, struct {
			name   string
			listen streamSocket
			dial   func(t *testing.T, host net.Addr) net.Conn
		}{"unix abstract", &unixSocket{path: name + "-server"}, dialFrom("unix", &net.UnixAddr{Name: name + "-client", Net: "unix"})})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lfd, host, err := tc.listen.open(4)
			if err != nil {
				if tc.name == "tcp6" {
					t.Skipf("no IPv6 loopback: %v", err)
				}
				t.Fatal(err)
			}
			defer closeFD(lfd)
			c := tc.dial(t, host)
			var b acceptBuf
			fd, err := sysAccept(lfd, &b)
			if err != nil {
				t.Fatalf("accept: %v", err)
			}
			defer closeFD(fd)
			want := c.LocalAddr().String()
			if want == "@" {
				want = "" // the net package's spelling of an unnamed socket; ours is empty
			}
			if got := tc.listen.peer(&b); got.String() != want || got.Network() != c.LocalAddr().Network() {
				t.Errorf("peer from accept = %s %q, want %s %q", got.Network(), got, c.LocalAddr().Network(), want)
			}
			sa, err := unix.Getpeername(fd)
			if err != nil {
				t.Fatal(err)
			}
			var filled acceptBuf
			filled.fill(sa)
			if got := tc.listen.peer(&filled); got.String() != want {
				t.Errorf("peer from a filled buffer = %q, want %q", got, want)
			}
		})
	}
}

// dialFrom returns a dialer of network that binds the client to local
// first, if set.
func dialFrom(network string, local net.Addr) func(t *testing.T, host net.Addr) net.Conn {
	return func(t *testing.T, host net.Addr) net.Conn {
		t.Helper()
		d := net.Dialer{LocalAddr: local}
		c, err := d.Dial(network, host.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
}

// TestAcceptAllocations pins what accepting a connection costs: the
// protocol, the transport and the peer address, and no garbage.
func TestAcceptAllocations(t *testing.T) {
	if acceptAllocates {
		t.Skip("accept(2) goes through x/sys/unix on this platform, which allocates its Sockaddr")
	}
	const conns = 50
	_, p, built := newLoopbackPort(t)
	round := func(perConn uint64) {
		dialN(t, p, conns)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for want := *built + conns; *built < want; {
			_ = p.DoRead()
		}
		runtime.ReadMemStats(&after)
		// The count is process-wide: allow a few for goroutines left by
		// earlier tests.
		if n := after.Mallocs - before.Mallocs; perConn > 0 && n > perConn*conns+10 {
			t.Errorf("accepting %d connections made %d allocations; want at most %d each", conns, n, perConn)
		}
	}
	round(0) // the first round also grows the table and the loop's buffers
	round(3)
}

// newLoopbackPort returns a reactor that is not running, for its caller to
// drive by hand, with a TCP port on 127.0.0.1 and the count of protocols
// its factory built.
func newLoopbackPort(t *testing.T) (*Reactor, *Port, *int) {
	t.Helper()
	r, err := newReactor(reactorKinds[0], Options{NoSignalHandlers: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		r.disconnectAll()
		_ = r.Close()
	})
	built := new(int)
	f := protocol.ForProtocol(func() *protocol.Base { *built++; return &protocol.Base{} })
	lp, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1", Backlog: 128})
	if err != nil {
		t.Fatal(err)
	}
	return r, lp.(*Port), built
}

// dialN connects n clients to p; the test's cleanup closes them.
func dialN(t *testing.T, p *Port, n int) {
	t.Helper()
	dial := dialFrom("tcp4", nil)
	for range n {
		dial(t, p.GetHost())
	}
}
