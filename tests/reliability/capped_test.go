//go:build linux

package reliability_test

import (
	"fmt"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// TestCappedPortQueuesAFlood sends 32 clients at once to a port with
// MaxConnections 8. The server must never hold more than 8 of them, must
// reach the cap, and must serve every client in turn as earlier ones
// leave: the rest wait in the listen queue, none is refused.
func TestCappedPortQueuesAFlood(t *testing.T) {
	const limit, clients = 8, 32
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		open, most := 0, 0
		addr := listen(t, r, &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{
				made: func(*proto) { open++; most = max(most, open) },
				data: echo,
				lost: func(*proto, error) { open-- },
			}
		}}, interfaces.TCPListenOptions{MaxConnections: limit})

		var wg sync.WaitGroup
		errs := make(chan error, clients)
		for i := range clients {
			wg.Go(func() { errs <- echoOnce(addr, fmt.Sprintf("client %d", i)) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		if got := internettest.OnReactor(t, r, func() (int, error) { return most, nil }); got != limit {
			t.Errorf("the server held up to %d connections at once, want exactly the cap %d", got, limit)
		}
	})
}

// echoOnce connects to addr, checks one echo of msg and closes.
func echoOnce(addr, msg string) error {
	c, err := net.DialTimeout("tcp", addr, internettest.Timeout)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(internettest.Timeout))
	if _, err := c.Write([]byte(msg)); err != nil {
		return err
	}
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil || string(got) != msg {
		return fmt.Errorf("%s: echo %q, %v", msg, got, err)
	}
	return nil
}
