package main

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestMain(m *testing.M) { e2e.Main(m) }

// twist builds the command once per test run and returns its path.
func twist(t *testing.T) string {
	t.Helper()
	return e2e.Build(t, ".")
}

// loopback is the --listen value every test uses: a free port on
// 127.0.0.1 only.
const loopback = "tcp:0:interface=127.0.0.1"

// start runs twist with args and returns the process and the address of
// its first endpoint.
func start(t *testing.T, args ...string) (*e2e.Proc, string) {
	t.Helper()
	p := e2e.Start(t, twist(t), args...)
	return p, p.Addr()
}

// stop sends SIGTERM and fails the test unless twist exits 0.
func stop(t *testing.T, p *e2e.Proc) {
	t.Helper()
	if code := p.Stop(); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

// dial connects to addr over network with every I/O bounded by
// e2e.Timeout.
func dial(t *testing.T, network, addr string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout(network, addr, e2e.Timeout)
	if err != nil {
		t.Fatalf("dial %s %s: %v", network, addr, err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.SetDeadline(time.Now().Add(e2e.Timeout)); err != nil {
		t.Fatal(err)
	}
	return c
}

// checkOneErrorLine fails the test unless stderr is exactly one line
// starting "twist: " and containing every part, with no stack trace.
func checkOneErrorLine(t *testing.T, stderr string, parts ...string) {
	t.Helper()
	line, rest, _ := strings.Cut(stderr, "\n")
	if rest != "" || !strings.HasPrefix(line, "twist: ") {
		t.Errorf("stderr = %q, want one line starting \"twist: \"", stderr)
	}
	for _, part := range parts {
		if !strings.Contains(line, part) {
			t.Errorf("stderr %q does not mention %q", line, part)
		}
	}
}
