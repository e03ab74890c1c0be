package main

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestPortForward(t *testing.T) {
	t.Parallel()
	p, addr := start(t, "--listen", loopback, "portforward", "--to", e2e.ServeTCP(t, e2e.Lines(strings.ToUpper)))
	for range 2 { // each client gets its own upstream connection
		c := dial(t, "tcp", addr)
		in := bufio.NewReader(c)
		for _, msg := range []string{"through the tunnel", "and back"} {
			io.WriteString(c, msg+"\n")
			if got, err := in.ReadString('\n'); err != nil || got != strings.ToUpper(msg)+"\n" {
				t.Fatalf("reply to %q = %q, %v", msg, got, err)
			}
		}
		c.(*net.TCPConn).CloseWrite()
		if rest, err := io.ReadAll(c); err != nil || len(rest) != 0 {
			t.Errorf("after closing: read %q, %v; want EOF", rest, err)
		}
	}
	stop(t, p)
}

func TestPortForwardNobodyHome(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	to := l.Addr().String()
	l.Close() // nothing listens there now
	p, addr := start(t, "--listen", loopback, "portforward", "--to", to)
	c := dial(t, "tcp", addr)
	// The forwarder cannot reach the target and drops the client.
	if rest, err := io.ReadAll(c); len(rest) != 0 {
		t.Errorf("read %q, %v; want the connection closed", rest, err)
	}
	stop(t, p)
}
