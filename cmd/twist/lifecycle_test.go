package main

import (
	"io"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/twistgo/twistgo/tests/e2e"
)

// TestSignals checks the graceful shutdown: ports closed, shutdown
// triggers run (they log "stopped listening"), open connections closed,
// exit code 0.
func TestSignals(t *testing.T) {
	for _, sig := range []os.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			p, addr := start(t, "--listen", loopback, "echo")
			c := dial(t, "tcp", addr)
			if _, err := io.WriteString(c, "x"); err != nil {
				t.Fatal(err)
			}
			if _, err := io.ReadFull(c, make([]byte, 1)); err != nil {
				t.Fatal(err) // the connection is up before the signal
			}
			if code := p.StopWith(sig); code != 0 {
				t.Errorf("exit code after %v = %d, want 0", sig, code)
			}
			p.WaitLine("stopped listening on " + addr)
			if n, err := c.Read(make([]byte, 1)); err == nil {
				t.Errorf("read %d bytes after shutdown, want the connection closed", n)
			}
			if !strings.Contains(p.Stderr(), "level=INFO") || strings.Contains(p.Stderr(), "goroutine ") {
				t.Errorf("stderr holds no log lines, or a stack trace:\n%s", p.Stderr())
			}
		})
	}
}

// TestListenLines checks one "listening on HOST:PORT" line per endpoint,
// each with the real port and the service's name.
func TestListenLines(t *testing.T) {
	t.Parallel()
	args := []string{"--listen", loopback, "--listen", loopback}
	want := 2
	if l, err := net.Listen("tcp6", "[::1]:0"); err == nil {
		l.Close()
		args = append(args, "--listen", `tcp6:0:interface=\:\:1`)
		want++
	}
	p := e2e.Start(t, twist(t), append(args, "discard")...)
	seen := map[string]bool{}
	for _, addr := range p.Addrs(want) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil || port == "0" || seen[addr] || (host != "127.0.0.1" && host != "::1") {
			t.Errorf("listening address %q: want loopback, a real port, once", addr)
		}
		seen[addr] = true
		dial(t, "tcp", addr) // each one accepts
	}
	if got := strings.Count(p.Stderr(), "listening on"); got != want {
		t.Errorf("%d listening lines, want %d", got, want)
	}
	if line := p.WaitLine("listening on"); !strings.Contains(line, "service=discard") {
		t.Errorf("listening line %q does not name the service", line)
	}
	stop(t, p)
}

// TestUNIXEndpoint runs a service on a UNIX socket, whose log line names
// the path.
func TestUNIXEndpoint(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/echo.sock"
	p := e2e.Start(t, twist(t), "--listen", "unix:"+path, "echo")
	p.WaitLine("listening on "+path, "transport=unix")
	c := dial(t, "unix", path)
	if _, err := io.WriteString(c, "over a unix socket"); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len("over a unix socket"))
	if _, err := io.ReadFull(c, got); err != nil || string(got) != "over a unix socket" {
		t.Errorf("echo = %q, %v", got, err)
	}
	stop(t, p)
}
