// Calling into a running reactor from a test, and dialling it with the
// standard library.

package internettest

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/internet"
)

// OnReactor runs f on r's goroutine, waits up to Timeout for it, and
// returns its result; f's error, or a timeout, fails the test. r must be
// running (see RunReactor). Call it from the test goroutine (it may call
// t.Fatalf).
func OnReactor[T any](t testing.TB, r *internet.Reactor, f func() (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	v, err := internet.BlockingCallFromThread(ctx, r, func() (any, error) { return f() })
	if err != nil {
		t.Fatalf("on the reactor: %v", err)
	}
	res, _ := v.(T)
	return res
}

// Dial connects to address on network (as net.Dial does) within Timeout,
// sets a deadline of Timeout on every read and write, and closes the
// connection when the test ends. A failure to connect fails the test.
// Call it from the test goroutine (it may call t.Fatalf).
func Dial(t testing.TB, network, address string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout(network, address, Timeout)
	if err != nil {
		t.Fatalf("dial %s %s: %v", network, address, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	_ = c.SetDeadline(time.Now().Add(Timeout))
	return c
}
