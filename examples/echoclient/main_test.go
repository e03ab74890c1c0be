package main

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestMain(m *testing.M) { e2e.Main(m) }

// echoServer serves echo on a loopback port with the standard library and
// returns the client endpoint string for it.
func echoServer(t *testing.T) string {
	t.Helper()
	addr := e2e.ServeTCP(t, func(c net.Conn) { io.Copy(c, c) })
	return "tcp:" + addr
}

func portOf(a net.Addr) string {
	_, port, _ := net.SplitHostPort(a.String())
	return port
}

func TestEchoClient(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"arguments", []string{"one", "two words", "three"}, "one\ntwo words\nthree\n"},
		{"default lines", nil, strings.Join(defaultLines, "\n") + "\n"},
	}
	bin := e2e.Build(t, ".")
	connect := echoServer(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := e2e.Run(t, bin, append([]string{"--connect", connect}, tc.args...)...)
			if code != 0 || stdout != tc.want {
				t.Errorf("exit %d, stdout %q; want 0, %q; stderr:\n%s", code, stdout, tc.want, stderr)
			}
		})
	}
}

func TestEchoClientRefused(t *testing.T) {
	// A port that was just free: nothing listens there now.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	connect := "tcp:127.0.0.1:" + portOf(l.Addr())
	l.Close()
	code, stdout, stderr := e2e.Run(t, e2e.Build(t, "."), "--connect", connect, "hi")
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	line, rest, _ := strings.Cut(stderr, "\n")
	if rest != "" || !strings.HasPrefix(line, "echoclient: cannot connect to 127.0.0.1:") || !strings.Contains(line, "refused") {
		t.Errorf("stderr = %q, want one line saying the connection was refused", stderr)
	}
}

func TestEchoClientServerHangsUp(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		// Read both lines, so closing sends FIN rather than RST, then
		// echo only the first and hang up.
		in := bufio.NewReader(c)
		first, _ := in.ReadString('\n')
		in.ReadString('\n')
		c.Write([]byte(first))
		c.Close()
	}()
	code, stdout, stderr := e2e.Run(t, e2e.Build(t, "."), "--connect", "tcp:127.0.0.1:"+portOf(l.Addr()), "a", "b")
	if code != 1 || stdout != "a\n" || !strings.Contains(stderr, "after 1 of 2 echoes") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, %q and the count of echoes", code, stdout, stderr, "a\n")
	}
}
