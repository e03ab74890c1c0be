//go:build linux

package basic_test

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"strings"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol"
)

// TestLineReceiverOverRealSockets runs the shouting line server of
// ExampleLineReceiver on every reactor: lines sent in awkward pieces come
// back whole, and a line over MaxLength closes the connection.
func TestLineReceiverOverRealSockets(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		f := protocol.ForProtocol(func() *shout {
			s := newShout()
			s.MaxLength = 1000
			return s
		})
		addr := internettest.OnReactor(t, r, func() (net.Addr, error) {
			p, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1"})
			if err != nil {
				return nil, err
			}
			return p.GetHost(), nil
		})
		c := internettest.Dial(t, "tcp", addr.String())

		long := strings.Repeat("q", 1000)
		for _, piece := range []string{"hel", "lo\r", "\nwor", "ld\r\n" + long, "\r\n"} {
			if _, err := io.WriteString(c, piece); err != nil {
				t.Fatalf("write: %v", err)
			}
		}
		want := "HELLO\r\nWORLD\r\n" + strings.ToUpper(long) + "\r\n"
		got := make([]byte, len(want))
		if _, err := io.ReadFull(c, got); err != nil || string(got) != want {
			t.Fatalf("read %q (%v), want %q", got, err, want)
		}

		if _, err := c.Write(bytes.Repeat([]byte("x"), 1003)); err != nil {
			t.Fatalf("write: %v", err)
		}
		rest, err := io.ReadAll(bufio.NewReader(c))
		if err != nil || len(rest) != 0 {
			t.Errorf("after a too-long line: read %q, %v; want a clean close", rest, err)
		}
	})
}
