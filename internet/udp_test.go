//go:build linux

package internet_test

import (
	"bytes"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// datagramProto is a test DatagramProtocol driven by hooks.
type datagramProto struct {
	tr       interfaces.DatagramTransport
	received func(d *datagramProto, data []byte, addr net.Addr)
	refused  chan struct{}
	started  chan struct{}
	stopped  chan struct{}
}

func newDatagramProto(received func(*datagramProto, []byte, net.Addr)) *datagramProto {
	return &datagramProto{received: received, refused: make(chan struct{}, 16),
		started: make(chan struct{}, 1), stopped: make(chan struct{}, 1)}
}

func (d *datagramProto) MakeConnection(t interfaces.DatagramTransport) { d.tr = t }
func (d *datagramProto) StartProtocol()                                { d.started <- struct{}{} }
func (d *datagramProto) StopProtocol()                                 { d.stopped <- struct{}{} }
func (d *datagramProto) ConnectionRefused()                            { d.refused <- struct{}{} }

func (d *datagramProto) DatagramReceived(data []byte, addr net.Addr) {
	if d.received != nil {
		d.received(d, data, addr)
	}
}

func listenUDP(t *testing.T, r *internet.Reactor, p interfaces.DatagramProtocol, opts interfaces.UDPListenOptions) (interfaces.DatagramTransport, *net.UDPAddr) {
	t.Helper()
	if opts.Interface == "" {
		opts.Interface = "127.0.0.1"
	}
	u := internettest.OnReactor(t, r, func() (interfaces.DatagramTransport, error) { return r.ListenUDP(0, p, opts) })
	return u, u.GetHost().(*net.UDPAddr)
}

func TestUDPEcho(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		server := newDatagramProto(func(d *datagramProto, data []byte, addr net.Addr) {
			if err := d.tr.Write(data, addr); err != nil {
				t.Errorf("echo Write: %v", err)
			}
		})
		port, addr := listenUDP(t, r, server, interfaces.UDPListenOptions{MaxPacketSize: 1000})
		internettest.Await(t, server.started)
		c, err := net.DialUDP("udp", nil, addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(internettest.Timeout))
		buf := make([]byte, 2000)
		for _, size := range []int{0, 1, 512, 1000} {
			msg := randomBytes(size)
			if _, err := c.Write(msg); err != nil {
				t.Fatal(err)
			}
			n, err := c.Read(buf)
			if err != nil || !bytes.Equal(buf[:n], msg) {
				t.Fatalf("echo of %d bytes: got %d bytes, %v", size, n, err)
			}
		}
		// A datagram longer than MaxPacketSize arrives truncated.
		if _, err := c.Write(randomBytes(1500)); err != nil {
			t.Fatal(err)
		}
		if n, err := c.Read(buf); err != nil || n != 1000 {
			t.Errorf("truncated echo: %d bytes, %v; want 1000", n, err)
		}
		writeErr := internettest.OnReactor(t, r, func() (error, error) { return port.Write(make([]byte, 1001), addr), nil })
		if !errors.Is(writeErr, interfaces.ErrMessageTooLong) {
			t.Errorf("Write over MaxPacketSize = %v, want ErrMessageTooLong", writeErr)
		}
		internettest.OnReactor(t, r, func() (any, error) { return nil, port.SetBroadcastAllowed(true) })
		stopped := internettest.OnReactor(t, r, func() (error, error) {
			_ = port.StopListening()
			return port.Write([]byte("x"), addr), nil
		})
		if !errors.Is(stopped, interfaces.ErrNotConnected) {
			t.Errorf("Write after StopListening = %v, want ErrNotConnected", stopped)
		}
		internettest.Await(t, server.stopped)
	})
}

// TestUDPConnectedRefused sends from a connected port to a port nothing
// listens on: the kernel's ICMP port unreachable comes back as
// ConnectionRefused (from a read) or ErrConnectionRefused (from a write).
func TestUDPConnectedRefused(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		closed, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
		if err != nil {
			t.Fatal(err)
		}
		deadPort := closed.LocalAddr().(*net.UDPAddr).Port
		_ = closed.Close()
		client := newDatagramProto(nil)
		port, _ := listenUDP(t, r, client, interfaces.UDPListenOptions{})
		internettest.OnReactor(t, r, func() (any, error) { return nil, port.Connect("127.0.0.1", deadPort) })
		if err := internettest.OnReactor(t, r, func() (error, error) { return port.Connect("127.0.0.1", deadPort), nil }); !errors.Is(err, interfaces.ErrInvalidArgument) {
			t.Errorf("second Connect = %v, want ErrInvalidArgument", err)
		}
		writeErr := internettest.OnReactor(t, r, func() (error, error) { return port.Write([]byte("anyone?"), nil), nil })
		if writeErr != nil {
			t.Fatalf("first Write = %v", writeErr)
		}
		internettest.Await(t, client.refused)
	})
}

func TestUDPIPv6(t *testing.T) {
	if !hasIPv6Loopback() {
		t.Skip("no ::1 on this host")
	}
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		got := make(chan string, 1)
		server := newDatagramProto(func(_ *datagramProto, data []byte, addr net.Addr) {
			got <- string(data) + " from " + addr.(*net.UDPAddr).IP.String()
		})
		_, addr := listenUDP(t, r, server, interfaces.UDPListenOptions{Interface: "::1"})
		c, err := net.DialUDP("udp", nil, addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Write([]byte("six")); err != nil {
			t.Fatal(err)
		}
		if msg := internettest.Await(t, got); msg != "six from ::1" {
			t.Errorf("received %q", msg)
		}
	})
}

func hasIPv6Loopback() bool {
	ln, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		return false
	}
	_ = ln.Close()
	return true
}
