//go:build linux

package wire_test

import (
	"io"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/wire"
)

// TestServicesOverRealSockets runs TCP Echo and Time and UDP Echo on every
// reactor and talks to them with the standard library.
func TestServicesOverRealSockets(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		local := interfaces.TCPListenOptions{Interface: "127.0.0.1"}
		addrs := internettest.OnReactor(t, r, func() ([3]net.Addr, error) {
			echo, err := r.ListenTCP(0, protocol.ForProtocol(func() *wire.Echo { return &wire.Echo{} }), local)
			if err != nil {
				return [3]net.Addr{}, err
			}
			tm, err := r.ListenTCP(0, protocol.ForProtocol(func() *wire.Time { return &wire.Time{Clock: r} }), local)
			if err != nil {
				return [3]net.Addr{}, err
			}
			udp, err := r.ListenUDP(0, &wire.EchoUDP{}, interfaces.UDPListenOptions{Interface: "127.0.0.1"})
			if err != nil {
				return [3]net.Addr{}, err
			}
			return [3]net.Addr{echo.GetHost(), tm.GetHost(), udp.GetHost()}, nil
		})

		t.Run("echo", func(t *testing.T) {
			c := internettest.Dial(t, "tcp", addrs[0].String())
			defer c.Close()
			if _, err := io.WriteString(c, "hello"); err != nil {
				t.Fatalf("write: %v", err)
			}
			got := make([]byte, 5)
			if _, err := io.ReadFull(c, got); err != nil || string(got) != "hello" {
				t.Errorf("echo %q, %v", got, err)
			}
		})
		t.Run("time", func(t *testing.T) {
			before := uint32(time.Now().Unix() + 2208988800)
			c := internettest.Dial(t, "tcp", addrs[1].String())
			defer c.Close()
			got, err := io.ReadAll(c)
			after := uint32(time.Now().Unix() + 2208988800)
			if err != nil || len(got) != 4 {
				t.Fatalf("read %x, %v; want 4 bytes and a close", got, err)
			}
			if s := uint32(got[0])<<24 | uint32(got[1])<<16 | uint32(got[2])<<8 | uint32(got[3]); s < before || s > after {
				t.Errorf("seconds since 1900 = %d, want within [%d, %d]", s, before, after)
			}
		})
		t.Run("udp echo", func(t *testing.T) {
			c := internettest.Dial(t, "udp", addrs[2].String())
			defer c.Close()
			if _, err := io.WriteString(c, "datagram"); err != nil {
				t.Fatalf("write: %v", err)
			}
			got := make([]byte, 64)
			n, err := c.Read(got)
			if err != nil || string(got[:n]) != "datagram" {
				t.Errorf("echo %q, %v", got[:n], err)
			}
		})
	})
}
