//go:build linux

package internet_test

import (
	"io"
	"net"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// With MaxConnections 2, a third client waits in the listen queue and is
// served only once one of the first two has gone: the server sees two
// connections made, one lost, then the third made. Without the limit the
// third would be made before the loss (the round trip on the second
// connection gives the loop a turn in which the listening socket is
// readable).
func TestTCPMaxConnections(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		events := make(chan string, 8)
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{
				made: func(*proto) { events <- "made" },
				data: func(p *proto, b []byte) { p.tr.Write(b) },
				lost: func(*proto, error) { events <- "lost" },
			}
		}}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{MaxConnections: 2})

		first := internettest.Dial(t, "tcp", addr.String())
		second := internettest.Dial(t, "tcp", addr.String())
		var got []string
		got = append(got, internettest.Await(t, events), internettest.Await(t, events))
		third := internettest.Dial(t, "tcp", addr.String())
		send(t, third, "queued")
		send(t, second, "served")
		expectEcho(t, second, "served") // a loop turn with the third client waiting
		_ = first.Close()
		got = append(got, internettest.Await(t, events), internettest.Await(t, events))
		expectEcho(t, third, "queued")

		if diff := cmp.Diff([]string{"made", "made", "lost", "made"}, got); diff != "" {
			t.Errorf("server events (-want +got):\n%s", diff)
		}
	})
}

// send writes msg on c.
func send(t *testing.T, c net.Conn, msg string) {
	t.Helper()
	if _, err := io.WriteString(c, msg); err != nil {
		t.Fatalf("write: %v", err)
	}
}

// expectEcho reads len(msg) bytes from c and compares them with msg.
func expectEcho(t *testing.T, c net.Conn, msg string) {
	t.Helper()
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil || string(got) != msg {
		t.Fatalf("read %q, %v; want %q", got, err, msg)
	}
}
