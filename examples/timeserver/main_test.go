package main

import (
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestMain(m *testing.M) { e2e.Main(m) }

// checkTime fails the test unless reply is one RFC 3339 line within a
// minute of now.
func checkTime(t *testing.T, reply string) {
	t.Helper()
	line, ok := strings.CutSuffix(reply, "\r\n")
	got, err := time.Parse(time.RFC3339Nano, line)
	if !ok || err != nil {
		t.Fatalf("reply %q is not an RFC 3339 line: %v", reply, err)
	}
	if d := time.Since(got); d < -time.Minute || d > time.Minute {
		t.Errorf("reply %s is %v away from now", line, d)
	}
}

func TestTimeServer(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."),
		"--listen", "tcp:0:interface=127.0.0.1", "--listen", "udp:0:interface=127.0.0.1")
	tcpAddr, _ := e2e.ListenAddr(p.WaitLine("listening on", "transport=tcp"))
	udpAddr, _ := e2e.ListenAddr(p.WaitLine("listening on", "transport=udp"))

	t.Run("tcp", func(t *testing.T) {
		c, err := net.DialTimeout("tcp", tcpAddr, e2e.Timeout)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(e2e.Timeout))
		if _, err := c.Write([]byte("what time is it?\n")); err != nil {
			t.Fatal(err)
		}
		reply, err := io.ReadAll(c) // the server hangs up after replying
		if err != nil {
			t.Fatal(err)
		}
		checkTime(t, string(reply))
	})
	t.Run("udp", func(t *testing.T) {
		c, err := net.Dial("udp", udpAddr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(e2e.Timeout))
		if _, err := c.Write([]byte("time?")); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 100)
		n, err := c.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		checkTime(t, string(buf[:n]))
	})
	if code := p.Stop(); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

func TestTimeServerBadEndpoint(t *testing.T) {
	code, _, stderr := e2e.Run(t, e2e.Build(t, "."), "--listen", "udp:x")
	if code != 2 || !strings.Contains(stderr, `"udp:x"`) {
		t.Errorf("exit %d, stderr %q; want 2 and the bad endpoint named", code, stderr)
	}
}
