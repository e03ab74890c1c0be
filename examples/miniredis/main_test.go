package main

import (
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/tests/e2e"
)

func TestMain(m *testing.M) { e2e.Main(m) }

// loopback is the endpoint every test listens on.
const loopback = "tcp:0:interface=127.0.0.1"

// client is a connection to the program with this program's reply check.
type client struct {
	*e2e.Client
	t *testing.T
}

func dial(t *testing.T, addr string) *client { return &client{e2e.Dial(t, addr), t} }

// expect reads exactly len(want) bytes and compares them with want.
func (c *client) expect(want string) {
	c.t.Helper()
	_ = c.Conn.SetReadDeadline(time.Now().Add(e2e.Timeout))
	got := make([]byte, len(want))
	if n, err := io.ReadFull(c.R, got); err != nil {
		c.t.Fatalf("read: %v after %q; want %q", err, got[:n], want)
	}
	if string(got) != want {
		c.t.Fatalf("got %q, want %q", got, want)
	}
}

func TestServe(t *testing.T) {
	bin := e2e.Build(t, ".")
	for _, reactor := range internet.Names() {
		t.Run(reactor, func(t *testing.T) {
			p := e2e.Start(t, bin, "--listen", loopback, "--reactor", reactor)
			c := dial(t, p.Addr())
			c.Send(resp("SET", "k", "v", "EX", "100") + resp("GET", "k") + "PING\r\n" + resp("INCR", "n") +
				"INCRBY n 41\r\n" + resp("MGET", "k", "n", "x") + resp("CLIENT", "SETNAME", "e2e") + resp("COMMAND", "DOCS"))
			c.expect("+OK\r\n$1\r\nv\r\n+PONG\r\n:1\r\n:42\r\n*3\r\n$1\r\nv\r\n$2\r\n42\r\n$-1\r\n+OK\r\n*0\r\n")
			c.Send(resp("NOPE", "a"))
			c.expect("-ERR unknown command 'NOPE', with args beginning with: 'a' \r\n")

			other := dial(t, p.Addr()) // shares the store
			other.Send(resp("GET", "n") + "*1\r\n$x\r\n" + resp("PING"))
			other.expect("$2\r\n42\r\n-ERR Protocol error: invalid bulk length\r\n")
			other.ExpectEOF()

			c.Send("PING\r\n")
			c.expect("+PONG\r\n")
			e2e.StopCleanly(t, p)
		})
	}
}

func TestLargePipeline(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", loopback)
	c := dial(t, p.Addr())
	value := strings.Repeat("v", 100<<10)
	const n = 200 // 20 MB of replies, written while the client is not reading
	go func() {
		var b strings.Builder
		b.WriteString(resp("SET", "big", value))
		for range n {
			b.WriteString(resp("GET", "big"))
		}
		_, _ = io.WriteString(c.Conn, b.String())
	}()
	c.expect("+OK\r\n")
	for range n {
		c.expect("$" + strconv.Itoa(len(value)) + "\r\n" + value + "\r\n")
	}
	e2e.StopCleanly(t, p)
}

func TestTwoEndpoints(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", loopback, "--listen", loopback)
	addrs := p.Addrs(2)
	if addrs[0] == addrs[1] {
		t.Fatalf("both endpoints on %s", addrs[0])
	}
	for _, addr := range addrs {
		c := dial(t, addr)
		c.Send("PING\r\n")
		c.expect("+PONG\r\n")
	}
	if code := p.StopWith(os.Interrupt); code != 0 {
		t.Errorf("exit status after SIGINT = %d, want 0", code)
	}
}

func TestSlowClientClosedByIdleTimeout(t *testing.T) {
	const idle = 400 * time.Millisecond
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", loopback, "--idle-timeout", idle.String())
	start := time.Now() // before the server can start the slow client's idle clock
	slow, busy := dial(t, p.Addr()), dial(t, p.Addr())

	closed := make(chan error, 1)
	go func() {
		_ = slow.Conn.SetReadDeadline(time.Now().Add(e2e.Timeout))
		_, err := slow.R.ReadByte()
		closed <- err
	}()
	tick := time.NewTicker(idle / 8) // paces the clients; nothing waits on it for a result
	defer tick.Stop()
	for waiting := true; waiting; {
		select {
		case err := <-closed:
			// A reset is a close too: the server may close with our
			// bytes unread.
			if !errors.Is(err, io.EOF) && !errors.Is(err, syscall.ECONNRESET) {
				t.Fatalf("slow client: read %v, want EOF or a reset", err)
			}
			if since := time.Since(start); since < idle {
				t.Errorf("slow client closed after %v, before the idle timeout %v", since, idle)
			}
			waiting = false
		case <-tick.C:
			_, _ = slow.Conn.Write([]byte("x")) // an inline command that never ends
			busy.Send("PING\r\n")
			busy.expect("+PONG\r\n")
		}
	}
	busy.Send(resp("ECHO", "still here"))
	busy.expect("$10\r\nstill here\r\n")
	e2e.StopCleanly(t, p)
}

func TestBadFlags(t *testing.T) {
	bin := e2e.Build(t, ".")
	for _, args := range [][]string{
		{"--nope"},
		{"--max-args", "0"},
		{"--idle-timeout", "soon"},
		{"extra"},
		{"--listen", "carrier-pigeon:1"},
		{"--listen", "tcp:99999"},
		{"--reactor", "nope"},
	} {
		code, stdout, stderr := e2e.Run(t, bin, args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "miniredis: ") {
			t.Errorf("%q: status %d, stdout %q, stderr %q; want 2 and one line on stderr", args, code, stdout, stderr)
		}
	}
	if code, _, stderr := e2e.Run(t, bin, "-h"); code != 0 || !strings.Contains(stderr, "-max-input") {
		t.Errorf("-h: status %d, stderr %q; want 0 and the flags", code, stderr)
	}
}

func TestPortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	code, _, stderr := e2e.Run(t, e2e.Build(t, "."), "--listen", "tcp:"+port+":interface=127.0.0.1")
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "address already in use") {
		t.Errorf("status %d, stderr %q; want 1 and one line naming the cause", code, stderr)
	}
}
