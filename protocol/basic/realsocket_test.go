//go:build linux

package basic_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol"
)

// onReactor runs f on r's goroutine and returns its result.
func onReactor[T any](t *testing.T, r *internet.Reactor, f func() (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), internettest.Timeout)
	defer cancel()
	v, err := internet.BlockingCallFromThread(ctx, r, func() (any, error) { return f() })
	if err != nil {
		t.Fatalf("on the reactor: %v", err)
	}
	return v.(T)
}

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
		addr := onReactor(t, r, func() (net.Addr, error) {
			p, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1"})
			if err != nil {
				return nil, err
			}
			return p.GetHost(), nil
		})
		c, err := net.DialTimeout("tcp", addr.String(), internettest.Timeout)
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(internettest.Timeout))

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
