package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/examples/internal/reqconn"
	"github.com/twistgo/twistgo/examples/internal/reqconn/reqconntest"
)

// date is the Date header on the test clock, which starts at the epoch.
const date = "Thu, 01 Jan 1970 00:00:00 GMT"

// response is the expected response: conn is the Connection header's
// value or "", and head leaves the body out.
func response(status, ctype, body, conn string, head bool) string {
	s := "HTTP/1.1 " + status + "\r\nServer: twistgo\r\nDate: " + date + "\r\nContent-Type: " + ctype +
		"\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n"
	if conn != "" {
		s += "Connection: " + conn + "\r\n"
	}
	if status == "405 Method Not Allowed" {
		s += "Allow: GET, HEAD\r\n"
	}
	s += "\r\n"
	if !head {
		s += body
	}
	return s
}

var (
	plain    = response("200 OK", "text/plain", "Hello, World!", "", false)
	json     = response("200 OK", "application/json", `{"message":"Hello, World!"}`, "", false)
	notFound = response("404 Not Found", "text/plain", "404 Not Found\n", "", false)
	notAllow = response("405 Method Not Allowed", "text/plain", "405 Method Not Allowed\n", "", false)
)

// closing is the response to a request the server cannot read past.
func closing(status string) string {
	return response(status, "text/plain", status+"\n", "close", false)
}

// get is a GET request for target with a Host field and extra fields.
func get(target string, fields ...string) string {
	return reqWith("GET", target, "HTTP/1.1", append([]string{"Host: test"}, fields...)...)
}

func reqWith(method, target, version string, fields ...string) string {
	s := method + " " + target + " " + version + "\r\n"
	for _, f := range fields {
		s += f + "\r\n"
	}
	return s + "\r\n"
}

var sessions = []struct {
	name   string
	in     string
	want   string
	closed bool
}{
	{"plaintext", get("/plaintext"), plain, false},
	{"pipeline", get("/plaintext") + get("/json") + get("/nope") + get("/plaintext?a=b"), plain + json + notFound + plain, false},
	{"head", reqWith("HEAD", "/json", "HTTP/1.1", "Host: a"), response("200 OK", "application/json", `{"message":"Hello, World!"}`, "", true), false},
	{"http/1.0 closes", reqWith("GET", "/plaintext", "HTTP/1.0") + get("/json"), response("200 OK", "text/plain", "Hello, World!", "close", false), true},
	{"http/1.0 keep-alive", reqWith("GET", "/plaintext", "HTTP/1.0", "Connection: keep-alive") + get("/json"),
		response("200 OK", "text/plain", "Hello, World!", "keep-alive", false) + json, false},
	{"connection close", get("/json", "Connection: close") + get("/json"), response("200 OK", "application/json", `{"message":"Hello, World!"}`, "close", false), true},
	{"body consumed", reqWith("POST", "/plaintext", "HTTP/1.1", "Host: a", "Content-Length: 5") + "GET /" + get("/json"), notAllow + json, false},
	{"long body", reqWith("PUT", "/x", "HTTP/1.1", "Host: a", "Content-Length: 100") + strings.Repeat("b", 100) + get("/json"), notFound + json, false},
	{"expect continue", reqWith("POST", "/json", "HTTP/1.1", "Host: a", "Expect: 100-continue", "Content-Length: 2") + "ab",
		"HTTP/1.1 100 Continue\r\n\r\n" + notAllow, false},
	{"unknown method", reqWith("BREW", "/plaintext", "HTTP/1.1", "Host: a") + get("/json"),
		response("501 Not Implemented", "text/plain", "501 Not Implemented\n", "", false) + json, false},
	{"blank lines first", "\r\n\n" + get("/json"), json, false},
	{"partial at end", get("/json") + "GET /plaintext HTTP/1.1\r\nHost: a\r\n", json, false},
	{"malformed", get("/json") + "GET /json\r\n\r\n" + get("/json"), json + closing("400 Bad Request"), true},
	{"no host", reqWith("GET", "/json", "HTTP/1.1"), closing("400 Bad Request"), true},
	{"two hosts", get("/json", "Host: b"), closing("400 Bad Request"), true},
	{"chunked", reqWith("POST", "/json", "HTTP/1.1", "Host: a", "Transfer-Encoding: chunked") + "0\r\n\r\n", closing("501 Not Implemented"), true},
	{"chunked and length", reqWith("POST", "/json", "HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", "Content-Length: 5"), closing("400 Bad Request"), true},
	{"body too large", reqWith("POST", "/json", "HTTP/1.1", "Host: a", "Content-Length: 101"), closing("413 Content Too Large"), true},
	{"line too long", get("/" + strings.Repeat("a", 64)), closing("414 URI Too Long"), true},
	{"head too large", get("/", "X: "+strings.Repeat("a", 256)), closing("431 Request Header Fields Too Large"), true},
	{"too many fields", get("/", "A: 1", "B: 2", "C: 3", "D: 4", "E: 5", "F: 6"), closing("431 Request Header Fields Too Large"), true},
	{"http/2", reqWith("GET", "/json", "HTTP/2.0", "Host: a"), closing("505 HTTP Version Not Supported"), true},
	{"head of bad request", reqWith("HEAD", "/json", "HTTP/1.1"), response("400 Bad Request", "text/plain", "400 Bad Request\n", "close", true), true},
}

// runChunks feeds the chunks to a new connection and returns the responses and
// whether it closed.
func runChunks(t testing.TB, chunks [][]byte) (string, bool) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	for _, ch := range chunks {
		c.DataReceived(ch)
		if c.Buffered() > h.srv.lim.maxHeaderBytes {
			t.Fatalf("buffered %d bytes, over the head limit %d", c.Buffered(), h.srv.lim.maxHeaderBytes)
		}
	}
	return tr.Take(), tr.Closed()
}

func TestSessionsEveryChunking(t *testing.T) {
	for _, tc := range sessions {
		t.Run(tc.name, func(t *testing.T) {
			run := func(chunks [][]byte) (string, bool) { return runChunks(t, chunks) }
			reqconntest.AnswersEveryChunking(t, []byte(tc.in), tc.want, tc.closed, run)
		})
	}
}

func TestDataReceivedDoesNotKeepInput(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	buf := []byte(get("/json") + "GET /plain")
	c.DataReceived(buf)
	for i := range buf {
		buf[i] = '!' // the reactor reuses its read buffer
	}
	c.DataReceived([]byte("text HTTP/1.1\r\nHost: a\r\n\r\n"))
	if got, want := tr.Take(), json+plain; got != want {
		t.Errorf("responses:\n%q\nwant\n%q", got, want)
	}
}

func TestOneWritePerRead(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	c.DataReceived([]byte(strings.Repeat(get("/plaintext"), 50)))
	if tr.Writes != 1 {
		t.Errorf("writes for 50 pipelined requests = %d, want 1", tr.Writes)
	}
}

func TestDateFollowsClock(t *testing.T) {
	cfg := testConfig()
	cfg.idleTimeout = 0
	h := newHarness(cfg)
	c, tr := h.connect()
	h.clock.Advance(86400*366*time.Second + 1500*time.Millisecond)
	got := send(c, tr, get("/plaintext"))
	if want := "Date: Sat, 02 Jan 1971 00:00:01 GMT\r\n"; !strings.Contains(got, want) {
		t.Errorf("response %q lacks %q", got, want)
	}
}

func TestIdleTimeout(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	h.clock.Advance(defaultIdleTimeout - time.Second)
	send(c, tr, get("/json")) // an answered request restarts the idle time
	h.clock.Advance(defaultIdleTimeout - time.Second)
	if tr.Closed() {
		t.Fatalf("closed %v after the last request; want open until %v", defaultIdleTimeout-time.Second, defaultIdleTimeout)
	}
	for _, b := range []byte("GET /") { // bytes that complete nothing do not
		h.clock.Advance(100 * time.Millisecond)
		c.DataReceived([]byte{b})
	}
	h.clock.Advance(time.Second)
	if !tr.Closed() {
		t.Errorf("trickling connection open %v after its last request; want it closed", defaultIdleTimeout)
	}
	c.ConnectionLost(nil)
	if n := len(h.clock.DelayedCalls()); n != 0 {
		t.Errorf("pending calls after ConnectionLost = %d, want 0", n)
	}
}

func TestLingeringClose(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	send(c, tr, get("/json", "Connection: close")+get("/json"))
	if !tr.WriteClosed() || tr.Disconnecting() {
		t.Fatalf("after the last response: write side closed %v, closing %v; want only the write side closed", tr.WriteClosed(), tr.Disconnecting())
	}
	if got := send(c, tr, get("/json")); got != "" {
		t.Errorf("input after the close was answered: %q", got)
	}
	h.clock.Advance(reqconn.LingerTime - time.Millisecond)
	if tr.Disconnecting() {
		t.Fatalf("closed before reqconn.LingerTime passed")
	}
	h.clock.Advance(time.Millisecond)
	if !tr.Disconnecting() {
		t.Fatalf("still open after reqconn.LingerTime")
	}
	c.ConnectionLost(nil)
	if n := len(h.clock.DelayedCalls()); n != 0 {
		t.Errorf("pending calls after ConnectionLost = %d, want 0", n)
	}
}

func TestBackPressure(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	if tr.RegisteredProducer() != c.Conn {
		t.Fatalf("registered producer = %v, want the connection", tr.RegisteredProducer())
	}
	full := false
	tr.OnWrite = func() { // the transport's buffer fills on the first write
		if !full {
			full = true
			c.PauseProducing() // as the transport does past its high-water mark
		}
	}
	n := reqconn.FlushAt/len(plain) + 10 // more responses than one flush holds
	c.DataReceived([]byte(strings.Repeat(get("/plaintext"), n) + get("/json")))
	if !tr.ReadPaused() {
		t.Fatalf("transport reading not paused after its buffer filled")
	}
	c.DataReceived([]byte(get("/nope"))) // read before the pause took effect
	got := tr.Take()
	if strings.Contains(got, "message") {
		t.Errorf("requests answered while paused")
	}
	c.ResumeProducing()
	got += tr.Take()
	if tr.ReadPaused() {
		t.Errorf("transport reading still paused after resume")
	}
	if want := strings.Repeat(plain, n) + json + notFound; got != want {
		t.Errorf("responses around the pause differ: got %d bytes, want %d", len(got), len(want))
	}
}

func TestNoAllocsPerRequest(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	pipeline := []byte(get("/plaintext") + get("/json") + get("/x") + reqWith("POST", "/json", "HTTP/1.1", "Host: a", "Content-Length: 1") + "x" + "GET /plain")
	rest := []byte("text HTTP/1.1\r\nHost: a\r\n\r\n")
	c.DataReceived(pipeline)
	c.DataReceived(rest)
	allocs := testing.AllocsPerRun(100, func() {
		c.DataReceived(pipeline)
		c.DataReceived(rest)
		tr.Clear()
	})
	if allocs != 0 {
		t.Errorf("allocations per pipeline = %v, want 0", allocs)
	}
}

func BenchmarkPipeline(b *testing.B) {
	for _, path := range []string{"/plaintext", "/json"} {
		b.Run(path[1:], func(b *testing.B) {
			h := newHarness(testConfig())
			c, tr := h.connect()
			req := "GET " + path + " HTTP/1.1\r\nHost: server\r\nUser-Agent: bench\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n"
			pipeline := []byte(strings.Repeat(req, 16))
			b.ReportAllocs()
			b.SetBytes(int64(len(pipeline)))
			for b.Loop() {
				c.DataReceived(pipeline)
				tr.Clear()
			}
		})
	}
}
