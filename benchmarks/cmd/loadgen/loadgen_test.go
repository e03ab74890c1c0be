package main

import (
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"
)

func TestPatternWindowsWrapAround(t *testing.T) {
	p := newPattern(7, 10)
	stream := make([]byte, 0, 35)
	for off := int64(0); off < 35; off++ {
		stream = append(stream, p.window(off, 1)[0])
	}
	for off := int64(0); off+10 <= 35; off++ {
		if got, want := string(p.window(off, 10)), string(stream[off:off+10]); got != want {
			t.Fatalf("window(%d, 10) = %x, want %x", off, got, want)
		}
	}
	if !p.verify(3, stream[3:33]) {
		t.Error("verify rejected the true stream across three periods")
	}
	bad := []byte(string(stream[3:33]))
	bad[17] ^= 1
	if p.verify(3, bad) {
		t.Error("verify accepted a stream with one flipped bit")
	}
	if p.verify(4, stream[3:33]) {
		t.Error("verify accepted the stream shifted by one byte")
	}
	if string(newPattern(8, 10).data) == string(p.data) {
		t.Error("two connections got the same pattern")
	}
}

func TestHistogramQuantilesWithinPrecision(t *testing.T) {
	var h histogram
	for v := int64(1); v <= 100000; v++ {
		h.record(v * 1000)
	}
	for _, tt := range []struct {
		q    float64
		want float64
	}{{0.5, 50e6}, {0.99, 99e6}, {1, 100e6}} {
		got := float64(h.quantile(tt.q))
		if got < tt.want*(1-1.0/64) || got > tt.want*(1+1.0/64) {
			t.Errorf("quantile(%v) = %v, want %v within 1/64", tt.q, got, tt.want)
		}
	}
	var empty histogram
	if got := empty.quantile(0.5); got != 0 {
		t.Errorf("empty quantile = %d, want 0", got)
	}
}

func TestHistogramBucketsCoverEveryValue(t *testing.T) {
	for _, v := range []uint64{0, 1, 63, 64, 65, 127, 128, 1 << 40, 1<<64 - 1} {
		i := bucketOf(v)
		lo, hi := bucketBounds(i)
		if i < 0 || i >= bucketCount || v < lo || v > hi {
			t.Errorf("value %d: bucket %d holds [%d, %d]", v, i, lo, hi)
		}
	}
}

func TestParseStatCPU(t *testing.T) {
	line := "4242 (a (weird) name) S 1 2 3 4 5 6 7 8 9 10 150 50 0 0 20 0 1 0 100 0 0\n"
	got, err := parseStatCPU(line)
	if want := (cpuTimes{user: 1500 * time.Millisecond, sys: 500 * time.Millisecond}); err != nil || got != want {
		t.Errorf("parseStatCPU = %+v, %v; want %+v", got, err, want)
	}
	if _, err := parseStatCPU("garbage"); err == nil {
		t.Error("parseStatCPU accepted garbage")
	}
}

func TestParseMachineBusy(t *testing.T) {
	got, err := parseMachineBusy("cpu  100 5 50 9000 40 3 2 10 7 0")
	if err != nil || got != 1700*time.Millisecond {
		t.Errorf("parseMachineBusy = %v, %v; want 1.7s", got, err)
	}
	if _, err := parseMachineBusy("cpu0 1 2 3"); err == nil {
		t.Error("parseMachineBusy accepted a short line")
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, tt := range []struct {
		addr string
		ok   bool
	}{{"127.0.0.1:9", true}, {"[::1]:9", true}, {"10.0.0.1:9", false}, {"127.0.0.1:0", false}} {
		if _, err := loopbackAddr(tt.addr); (err == nil) != tt.ok {
			t.Errorf("loopbackAddr(%q) error = %v, want ok=%v", tt.addr, err, tt.ok)
		}
	}
}

// startServer listens on loopback port 0 and serves every connection with
// handle until the test ends.
func startServer(t *testing.T, handle func(net.Conn)) *net.TCPAddr {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr)
}

// echoWith copies c back to itself, passing each chunk through alter.
func echoWith(alter func(total int, b []byte)) func(net.Conn) {
	return func(c net.Conn) {
		buf := make([]byte, 4096)
		total := 0
		for {
			n, err := c.Read(buf)
			if n > 0 {
				alter(total, buf[:n])
				total += n
				if _, err := c.Write(buf[:n]); err != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}
}

func TestEchoRunAgainstAnHonestServer(t *testing.T) {
	addr := startServer(t, echoWith(func(int, []byte) {}))
	for _, tt := range []struct{ size, inflight int }{{64, 1}, {64, 16}, {16 << 10, 1}} {
		cfg := echoConfig{addr: addr, conns: 4, size: tt.size, inflight: tt.inflight, warmup: 20 * time.Millisecond, duration: 150 * time.Millisecond, drain: 5 * time.Second, pid: os.Getpid()}
		r, err := runEcho(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if r.errors != 0 || r.msgs == 0 || r.total < r.msgs || r.hist.total != uint64(r.msgs) {
			t.Errorf("%+v: errors %d (%v), msgs %d, total %d, latencies %d", tt, r.errors, r.firstErr, r.msgs, r.total, r.hist.total)
		}
		if r.serverCPU < 0 {
			t.Errorf("%+v: server CPU not sampled", tt)
		}
	}
}

func TestEchoRunCatchesACorruptingServer(t *testing.T) {
	addr := startServer(t, echoWith(func(total int, b []byte) {
		if total < 5000 && total+len(b) >= 5000 {
			b[5000-total-1] ^= 0x20
		}
	}))
	cfg := echoConfig{addr: addr, conns: 2, size: 64, inflight: 4, warmup: 0, duration: 5 * time.Second, drain: time.Second}
	r, err := runEcho(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if r.errors != 2 || r.firstErr == nil || !strings.Contains(r.firstErr.Error(), "differ") {
		t.Errorf("errors %d, first %v; want one mismatch per connection", r.errors, r.firstErr)
	}
}

func TestEchoRunCatchesAServerThatHangsUp(t *testing.T) {
	addr := startServer(t, func(c net.Conn) {
		buf := make([]byte, 64)
		c.Read(buf)
	})
	cfg := echoConfig{addr: addr, conns: 3, size: 64, inflight: 1, warmup: 0, duration: 5 * time.Second, drain: time.Second}
	r, err := runEcho(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if r.errors != 3 || r.msgs != 0 {
		t.Errorf("errors %d, msgs %d; want 3 errors and no messages", r.errors, r.msgs)
	}
}

func TestIdleRunProvesEveryConnection(t *testing.T) {
	addr := startServer(t, echoWith(func(int, []byte) {}))
	r, err := runIdle(idleConfig{addr: addr, conns: 50, pid: os.Getpid()})
	if err != nil {
		t.Fatal(err)
	}
	if r.opened != 50 || r.errors != 0 || r.rssBefore <= 0 || r.rssAfter <= 0 {
		t.Errorf("got %+v", r)
	}
	_, err = runIdle(idleConfig{addr: addr, conns: 1, pid: -1})
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("idle run with no such pid: err = %v, want not-exist", err)
	}
}
