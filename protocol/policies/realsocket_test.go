//go:build linux

package policies_test

import (
	"io"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/policies"
)

// TestPoliciesOverRealSockets serves an echo protocol behind a connection
// limit and an idle timeout on every reactor: the connection over the
// limit is refused, and the idle one is closed by the reactor's timer.
func TestPoliciesOverRealSockets(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		limited := policies.NewLimitTotalConnectionsFactory(protocol.ForProtocol(func() *echo { return &echo{} }), 1)
		f := policies.NewTimeoutFactory(r, limited, 50*time.Millisecond)
		addr := internettest.OnReactor(t, r, func() (net.Addr, error) {
			p, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1"})
			if err != nil {
				return nil, err
			}
			return p.GetHost(), nil
		})
		dial := func() net.Conn { return internettest.Dial(t, "tcp", addr.String()) }

		first := dial()
		defer first.Close()
		if _, err := io.WriteString(first, "ping"); err != nil {
			t.Fatalf("write: %v", err)
		}
		got := make([]byte, 4)
		if _, err := io.ReadFull(first, got); err != nil || string(got) != "ping" {
			t.Fatalf("echo %q, %v", got, err)
		}

		second := dial() // accepted by the kernel, refused by the factory
		defer second.Close()
		if n, err := second.Read(got); err == nil {
			t.Errorf("a connection over the limit read %q", got[:n])
		}

		// Now idle: the timeout closes the first connection.
		if rest, err := io.ReadAll(first); err != nil || len(rest) != 0 {
			t.Errorf("idle connection: read %q, %v; want a clean close", rest, err)
		}
		if n := internettest.OnReactor(t, r, func() (int, error) { return limited.ConnectionCount(), nil }); n != 0 {
			t.Errorf("ConnectionCount after the timeout = %d, want 0", n)
		}
	})
}
