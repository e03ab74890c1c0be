// A test's connection to a program under test, and the checks of a clean
// stop.

package e2e

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// Client is a test's TCP connection to a program, read through R so a test
// can read lines or exact byte counts. Call it from the test goroutine (its
// methods may call t.Fatalf).
type Client struct {
	t    testing.TB
	Conn net.Conn
	R    *bufio.Reader
}

// Dial connects to addr within Timeout and closes the connection when the
// test ends. A failure to connect fails the test.
func Dial(t testing.TB, addr string) *Client {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, Timeout)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return &Client{t: t, Conn: c, R: bufio.NewReader(c)}
}

// Send writes s.
func (c *Client) Send(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.Conn, s); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// ExpectEOF checks, within Timeout, that the program closes the connection
// with nothing more to read.
func (c *Client) ExpectEOF() {
	c.t.Helper()
	_ = c.Conn.SetReadDeadline(time.Now().Add(Timeout))
	if b, err := c.R.ReadByte(); err != io.EOF {
		c.t.Fatalf("read %q, %v; want EOF", b, err)
	}
}

// StopCleanly sends SIGTERM and checks that the program exits 0, logged
// exactly one "listening on" line, and printed no stack trace.
func StopCleanly(t testing.TB, p *Proc) {
	t.Helper()
	if code := p.Stop(); code != 0 {
		t.Errorf("exit status after SIGTERM = %d, want 0", code)
	}
	if n := strings.Count(p.Stderr(), "listening on"); n != 1 {
		t.Errorf("%d lines say listening on; want 1", n)
	}
	if strings.Contains(p.Stderr(), "goroutine ") {
		t.Errorf("stderr holds a stack trace")
	}
}
