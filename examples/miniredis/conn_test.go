package main

import (
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/examples/internal/reqconn"
	"github.com/twistgo/twistgo/examples/internal/reqconn/reqconntest"
)

// sessions are connections' input and what each should produce.
var sessions = []struct {
	name   string
	in     string
	want   string
	closed bool
}{
	{"pipeline", resp("SET", "k", "v") + resp("GET", "k") + "PING\r\n" + resp("DEL", "k"), "+OK\r\n$1\r\nv\r\n+PONG\r\n:1\r\n", false},
	{"partial at end", resp("PING") + "*1\r\n$4\r\nPI", "+PONG\r\n", false},
	{"protocol error after command", resp("PING") + "*1\r\n:1\r\n" + resp("PING"), "+PONG\r\n-ERR Protocol error: expected '$', got ':'\r\n", true},
	{"bad count", "*x\r\n", "-ERR Protocol error: invalid multibulk length\r\n", true},
	{"bulk too long", "*1\r\n$65\r\n", "-ERR Protocol error: invalid bulk length\r\n", true},
	{"too many args", "*9\r\n", "-ERR Protocol error: invalid multibulk length\r\n", true},
	{"too big", "*8\r\n" + strings.Repeat("$60\r\n"+strings.Repeat("x", 60)+"\r\n", 4), "-ERR Protocol error: request larger than the input limit\r\n", true},
	{"inline too big", strings.Repeat("a", 300), "-ERR Protocol error: request larger than the input limit\r\n", true},
	{"quit", "PING\nQUIT\nPING\n", "+PONG\r\n+OK\r\n", true},
}

// runChunks feeds the chunks to a new connection and returns the replies and
// whether it closed.
func runChunks(t testing.TB, chunks [][]byte) (string, bool) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	for _, ch := range chunks {
		c.DataReceived(ch)
		if c.Buffered() > h.srv.lim.maxInput {
			t.Fatalf("buffered %d bytes, over the input limit %d", c.Buffered(), h.srv.lim.maxInput)
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
	buf := []byte(resp("SET", "k", "v") + "*2\r\n$3\r\nGET\r\n$1\r\n")
	c.DataReceived(buf)
	for i := range buf {
		buf[i] = '!' // the reactor reuses its read buffer
	}
	c.DataReceived([]byte("k\r\n"))
	if got, want := tr.Take(), "+OK\r\n$1\r\nv\r\n"; got != want {
		t.Errorf("replies %q, want %q", got, want)
	}
}

func TestOneWritePerRead(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	c.DataReceived([]byte(strings.Repeat("PING\r\n", 50)))
	if tr.Writes != 1 {
		t.Errorf("writes for 50 pipelined commands = %d, want 1", tr.Writes)
	}
}

func TestLargeValueWrittenDirectly(t *testing.T) {
	cfg := testConfig()
	cfg.lim = limits{maxBulk: 1 << 20, maxArgs: 8, maxInput: 2 << 20}
	cfg.maxMemory = 4 << 20
	h := newHarness(cfg)
	c, tr := h.connect()
	v := strings.Repeat("x", directBulk)
	send(c, tr, resp("SET", "k", v))
	if got, want := send(c, tr, resp("GET", "k")+resp("PING")), "$"+itoa(len(v))+"\r\n"+v+"\r\n+PONG\r\n"; got != want {
		t.Errorf("GET of a large value: got %d bytes, want %d", len(got), len(want))
	}
}

func TestIdleTimeout(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	h.clock.Advance(defaultIdleTimeout - time.Second)
	send(c, tr, "PING\r\n") // a complete command restarts the idle time
	h.clock.Advance(defaultIdleTimeout - time.Second)
	if tr.Closed() {
		t.Fatalf("closed %v after the last command; want open until %v", defaultIdleTimeout-time.Second, defaultIdleTimeout)
	}
	for _, b := range []byte("\r\n*0\r\nPIN") { // bytes that complete nothing, or an empty command, do not
		h.clock.Advance(100 * time.Millisecond)
		c.DataReceived([]byte{b})
	}
	h.clock.Advance(time.Second)
	if !tr.Closed() {
		t.Errorf("trickling connection open %v after its last command; want it closed", defaultIdleTimeout)
	}
	c.ConnectionLost(nil)
	if n := len(h.clock.DelayedCalls()); n != 0 {
		t.Errorf("pending calls after ConnectionLost = %d, want 0", n)
	}
}

func TestIdleTimeoutOff(t *testing.T) {
	cfg := testConfig()
	cfg.idleTimeout = 0
	h := newHarness(cfg)
	_, tr := h.connect()
	h.clock.Advance(24 * time.Hour)
	if tr.Closed() || len(h.clock.DelayedCalls()) != 0 {
		t.Errorf("with -idle-timeout 0: closed %v, pending calls %d; want open and none", tr.Closed(), len(h.clock.DelayedCalls()))
	}
}

func TestLingeringClose(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	send(c, tr, resp("PING")+"*1\r\n:1\r\n")
	if !tr.WriteClosed() || tr.Disconnecting() {
		t.Fatalf("after the last reply: write side closed %v, closing %v; want only the write side closed", tr.WriteClosed(), tr.Disconnecting())
	}
	if got := send(c, tr, resp("PING")); got != "" {
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
	big := strings.Repeat("x", 60)
	send(c, tr, resp("SET", "k", big))
	full := false
	tr.OnWrite = func() { // the transport's buffer fills on the first write
		if !full {
			full = true
			c.PauseProducing() // as the transport does past its high-water mark
		}
	}
	gets := reqconn.FlushAt/len(big) + 10 // more replies than one flush holds
	c.DataReceived([]byte(strings.Repeat(resp("GET", "k"), gets) + resp("ECHO", "last")))
	if !tr.ReadPaused() {
		t.Fatalf("transport reading not paused after its buffer filled")
	}
	c.DataReceived([]byte(resp("ECHO", "after"))) // read before the pause took effect
	got := tr.Take()
	if strings.Contains(got, "last") {
		t.Errorf("commands ran while paused")
	}
	c.ResumeProducing()
	got += tr.Take()
	if tr.ReadPaused() {
		t.Errorf("transport reading still paused after resume")
	}
	want := strings.Repeat("$60\r\n"+big+"\r\n", gets) + "$4\r\nlast\r\n$5\r\nafter\r\n"
	if got != want {
		t.Errorf("replies around the pause differ: got %d bytes, want %d", len(got), len(want))
	}
}

func TestNoAllocsPerCommand(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	pipeline := []byte(resp("SET", "key", "value") + resp("GET", "key") + "PING\r\n" + resp("INCR", "n") +
		resp("EXISTS", "key") + resp("MGET", "key", "n") + resp("ECHO", "x") + "*1\r\n$4\r\nPI")
	rest := []byte("NG\r\n")
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
	h := newHarness(testConfig())
	c, tr := h.connect()
	pipeline := []byte(strings.Repeat(resp("SET", "key", "value")+resp("GET", "key"), 32))
	b.ReportAllocs()
	b.SetBytes(int64(len(pipeline)))
	for b.Loop() {
		c.DataReceived(pipeline)
		tr.Clear()
	}
}
