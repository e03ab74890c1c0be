package main

import (
	"io"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestHello(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", "tcp:0:interface=127.0.0.1")
	for range 3 { // each client gets its own greeting
		c, err := net.DialTimeout("tcp", p.Addr(), e2e.Timeout)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(e2e.Timeout))
		got, err := io.ReadAll(c) // to EOF: the server hangs up
		c.Close()
		if err != nil || string(got) != "hello\r\n" {
			t.Errorf("read %q, %v; want %q and EOF", got, err, "hello\r\n")
		}
	}
	if code := p.Stop(); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}
