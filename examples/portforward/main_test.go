package main

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestMain(m *testing.M) { e2e.Main(m) }

// upstream serves, with the standard library, a service that answers each
// line with its length, and returns its address.
func upstream(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				in := bufio.NewScanner(c)
				for in.Scan() {
					io.WriteString(c, strings.Repeat("=", len(in.Text()))+"\n")
				}
			}()
		}
	}()
	return l.Addr().String()
}

func TestPortForward(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", "tcp:0:interface=127.0.0.1", "--to", upstream(t))
	c, err := net.DialTimeout("tcp", p.Addr(), e2e.Timeout)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(e2e.Timeout))
	in := bufio.NewReader(c)
	for _, msg := range []string{"relayed", "both ways"} {
		io.WriteString(c, msg+"\n")
		want := strings.Repeat("=", len(msg)) + "\n"
		if got, err := in.ReadString('\n'); err != nil || got != want {
			t.Fatalf("reply to %q = %q, %v; want %q", msg, got, err, want)
		}
	}
	if code := p.Stop(); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

func TestPortForwardBadTarget(t *testing.T) {
	for _, to := range []string{"", "localhost", "localhost:0", ":80"} {
		code, _, stderr := e2e.Run(t, e2e.Build(t, "."), "--to", to)
		if code != 2 || !strings.HasPrefix(stderr, "portforward: --to") {
			t.Errorf("--to %q: exit %d, stderr %q; want 2 and a message about --to", to, code, stderr)
		}
	}
}
