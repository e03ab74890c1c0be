package main

import (
	"errors"
	"io"
	"net"
	"net/http"
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

// expect reads one response and checks its status, body and Connection
// header.
func (c *client) expect(method string, status int, body, connection string) {
	c.t.Helper()
	_ = c.Conn.SetReadDeadline(time.Now().Add(e2e.Timeout))
	resp, err := http.ReadResponse(c.R, &http.Request{Method: method})
	if err != nil {
		c.t.Fatalf("read response: %v", err)
	}
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("read body: %v", err)
	}
	conn := resp.Header.Get("Connection")
	if resp.Close && conn == "" {
		conn = "close" // net/http takes "Connection: close" out of the header
	}
	if resp.StatusCode != status || string(got) != body || conn != connection {
		c.t.Fatalf("response %d %q, Connection %q; want %d %q, Connection %q",
			resp.StatusCode, got, conn, status, body, connection)
	}
	if resp.Header.Get("Server") != serverName || resp.Header.Get("Date") == "" || resp.Header.Get("Content-Length") == "" {
		c.t.Fatalf("response headers %v lack Server, Date or Content-Length", resp.Header)
	}
}

const (
	hello     = "Hello, World!"
	helloJSON = `{"message":"Hello, World!"}`
)

func TestServe(t *testing.T) {
	bin := e2e.Build(t, ".")
	for _, reactor := range internet.Names() {
		t.Run(reactor, func(t *testing.T) {
			p := e2e.Start(t, bin, "--listen", loopback, "--reactor", reactor)
			addr := p.Addr()
			c := dial(t, addr)
			c.Send(get("/plaintext") + get("/json") + reqWith("HEAD", "/json", "HTTP/1.1", "Host: a") + get("/nope") +
				reqWith("POST", "/json", "HTTP/1.1", "Host: a", "Content-Length: 4") + "body" + get("/plaintext"))
			c.expect("GET", 200, hello, "")
			c.expect("GET", 200, helloJSON, "")
			c.expect("HEAD", 200, "", "")
			c.expect("GET", 404, "404 Not Found\n", "")
			c.expect("POST", 405, "405 Method Not Allowed\n", "")
			c.expect("GET", 200, hello, "")

			old := dial(t, addr)
			old.Send(reqWith("GET", "/json", "HTTP/1.0", "Connection: keep-alive") + reqWith("GET", "/plaintext", "HTTP/1.0"))
			old.expect("GET", 200, helloJSON, "keep-alive")
			old.expect("GET", 200, hello, "close")
			old.ExpectEOF()

			bad := dial(t, addr)
			bad.Send(get("/json") + "GET /json HTTP/1.1 junk\r\n\r\n" + get("/json"))
			bad.expect("GET", 200, helloJSON, "")
			bad.expect("GET", 400, "400 Bad Request\n", "close")
			bad.ExpectEOF()

			big := dial(t, addr)
			big.Send(get("/json", "X-Big: "+strings.Repeat("x", defaultMaxHeaderBytes)))
			big.expect("GET", 431, "431 Request Header Fields Too Large\n", "close")
			big.ExpectEOF()

			c.Send(get("/json", "Connection: close"))
			c.expect("GET", 200, helloJSON, "close")
			c.ExpectEOF()
			e2e.StopCleanly(t, p)
		})
	}
}

func TestNetHTTPClient(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", loopback)
	base := "http://" + p.Addr()
	tr := &http.Transport{MaxIdleConnsPerHost: 1}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: e2e.Timeout}
	for i, tc := range []struct{ path, ctype, body string }{
		{"/plaintext", "text/plain", hello},
		{"/json", "application/json", helloJSON},
		{"/plaintext", "text/plain", hello},
	} {
		resp, err := hc.Get(base + tc.path)
		if err != nil {
			t.Fatalf("GET %s: %v", tc.path, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || string(body) != tc.body || resp.Header.Get("Content-Type") != tc.ctype {
			t.Errorf("request %d, GET %s: %q %q, %v; want %q %q", i, tc.path, body, resp.Header.Get("Content-Type"), err, tc.body, tc.ctype)
		}
	}
	resp, err := hc.Post(base+"/json", "text/plain", strings.NewReader(strings.Repeat("p", 100<<10)))
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /json: %d, Allow %q; want 405 and GET, HEAD", resp.StatusCode, resp.Header.Get("Allow"))
	}
	if code := p.StopWith(os.Interrupt); code != 0 {
		t.Errorf("exit status after SIGINT = %d, want 0", code)
	}
}

func TestManyPipelinedRequests(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", loopback)
	c := dial(t, p.Addr())
	const n = 20000 // about 4 MB of responses, while the client does not read
	go func() { _, _ = io.WriteString(c.Conn, strings.Repeat(get("/plaintext"), n)) }()
	for range n {
		c.expect("GET", 200, hello, "")
	}
	e2e.StopCleanly(t, p)
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
	slow.Send("GET /plaintext HTTP/1.1\r\n")
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
			_, _ = slow.Conn.Write([]byte("X")) // a header field that never ends
			busy.Send(get("/json"))
			busy.expect("GET", 200, helloJSON, "")
		}
	}
	busy.Send(get("/plaintext"))
	busy.expect("GET", 200, hello, "")
	e2e.StopCleanly(t, p)
}

func TestBadFlags(t *testing.T) {
	bin := e2e.Build(t, ".")
	for _, args := range [][]string{
		{"--nope"},
		{"--max-headers", "0"},
		{"--idle-timeout", "soon"},
		{"extra"},
		{"--listen", "carrier-pigeon:1"},
		{"--listen", "tcp:99999"},
		{"--reactor", "nope"},
	} {
		code, stdout, stderr := e2e.Run(t, bin, args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "httpplain: ") {
			t.Errorf("%q: status %d, stdout %q, stderr %q; want 2 and one line on stderr", args, code, stdout, stderr)
		}
	}
	if code, _, stderr := e2e.Run(t, bin, "-h"); code != 0 || !strings.Contains(stderr, "-max-header-bytes") {
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
