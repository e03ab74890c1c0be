package main

import (
	"bufio"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestMain(m *testing.M) { e2e.Main(m) }

func TestEchoServer(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", "tcp:0:interface=127.0.0.1")
	c, err := net.DialTimeout("tcp", p.Addr(), e2e.Timeout)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(e2e.Timeout))
	in := bufio.NewReader(c)
	for _, msg := range []string{"hello\n", "twistgo echoes\n"} {
		if _, err := c.Write([]byte(msg)); err != nil {
			t.Fatal(err)
		}
		got, err := in.ReadString('\n')
		if err != nil || got != msg {
			t.Errorf("echo of %q = %q, %v", msg, got, err)
		}
	}
	if code := p.Stop(); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

func TestEchoServerPortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	listen := "tcp:" + portOf(l.Addr()) + ":interface=127.0.0.1"
	code, _, stderr := e2e.Run(t, e2e.Build(t, "."), "--listen", listen)
	if code != 1 {
		t.Errorf("exit code %d, want 1; stderr:\n%s", code, stderr)
	}
}

func portOf(a net.Addr) string {
	_, port, _ := net.SplitHostPort(a.String())
	return port
}
