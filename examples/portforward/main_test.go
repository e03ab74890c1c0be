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

func TestPortForward(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", "tcp:0:interface=127.0.0.1", "--to", e2e.ServeTCP(t, e2e.Lines(func(l string) string { return strings.Repeat("=", len(l)) })))
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
