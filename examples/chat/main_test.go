package main

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/tests/e2e"
)

// client is one chat connection seen from the test.
type client struct {
	t  *testing.T
	c  net.Conn
	in *bufio.Reader
}

func dial(t *testing.T, addr string) *client {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, e2e.Timeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(e2e.Timeout))
	return &client{t: t, c: c, in: bufio.NewReader(c)}
}

func (cl *client) send(line string) {
	cl.t.Helper()
	if _, err := cl.c.Write([]byte(line + "\r\n")); err != nil {
		cl.t.Fatal(err)
	}
}

// expect reads one line and fails the test unless it is want.
func (cl *client) expect(want string) {
	cl.t.Helper()
	got, err := cl.in.ReadString('\n')
	if got = strings.TrimSuffix(got, "\n"); err != nil || got != want {
		cl.t.Fatalf("read %q, %v; want %q", got, err, want)
	}
}

func TestChat(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", "tcp:0:interface=127.0.0.1")
	addr := p.Addr()

	alice, bob := dial(t, addr), dial(t, addr)
	alice.expect("What's your name?")
	bob.expect("What's your name?")
	alice.send("alice")
	alice.expect("Welcome, alice!")
	bob.send("alice")
	bob.expect("Name taken, please choose another.")
	bob.send("bob")
	bob.expect("Welcome, bob!")

	alice.send("hi bob")
	bob.expect("<alice> hi bob")
	bob.send("hi alice")
	alice.expect("<bob> hi alice") // alice's own line never came back to her

	bob.c.Close()
	alice.expect("bob has left")

	if code := p.Stop(); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}
