//go:build linux

package transport_test

import (
	"errors"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

// streamer is a streaming producer writing total bytes of a pattern in
// 4 KiB pieces whenever it is not paused.
type streamer struct {
	conn                   *transport.Conn
	total, sent            int
	paused                 bool
	pauses, resumes, stops int
	maxBuffered            int
}

const piece = 4 << 10

func (s *streamer) produce() {
	var buf [piece]byte
	for !s.paused && s.sent < s.total {
		n := min(piece, s.total-s.sent)
		fillPattern(buf[:n], s.sent)
		s.conn.Write(buf[:n])
		s.sent += n
		s.maxBuffered = max(s.maxBuffered, s.conn.BufferedOutput())
	}
	if s.sent == s.total {
		s.conn.UnregisterProducer()
		s.conn.LoseConnection()
	}
}

func (s *streamer) PauseProducing()  { s.paused = true; s.pauses++ }
func (s *streamer) ResumeProducing() { s.paused = false; s.resumes++; s.produce() }
func (s *streamer) StopProducing()   { s.stops++ }

func fillPattern(b []byte, off int) {
	for i := range b {
		b[i] = byte((off + i) % 251)
	}
}

// patternChecker is a protocol counting received bytes and checking they
// follow fillPattern's pattern.
type patternChecker struct {
	recorder
	n, bad int
}

func (p *patternChecker) DataReceived(b []byte) {
	for i, c := range b {
		if c != byte((p.n+i)%251) {
			p.bad++
		}
	}
	p.n += len(b)
}

func TestStreamingProducerBoundsBuffer(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			checkFDs(t)
			l := newTestLoop(t)
			const total = 4 << 20
			client := &patternChecker{}
			client.made = func(r *recorder) { r.tr.PauseProducing() }
			s := &streamer{total: total}
			server := &recorder{made: func(r *recorder) {
				s.conn = r.tr
				must(t, "register", r.tr.RegisterProducer(s, true))
				s.produce()
			}}
			startPair(t, l, kind, client, server)
			// The kernel's buffers take some bytes after each pause; wait
			// until they are full and the producer stays paused.
			sent := -1
			l.runUntil("producer paused for good", func() bool {
				stuck := s.paused && s.sent == sent
				sent = s.sent
				return stuck
			})
			if s.pauses != s.resumes+1 || s.sent >= total {
				t.Fatalf("paused %d times, resumed %d times, after %d bytes", s.pauses, s.resumes, s.sent)
			}
			l.call(client.tr.ResumeProducing)
			l.runUntil("everything received", func() bool { return client.lost == 1 && server.lost == 1 })
			if client.n != total || client.bad != 0 {
				t.Errorf("client got %d bytes (%d wrong), want %d", client.n, client.bad, total)
			}
			if limit := transport.DefaultHighWater + piece; s.maxBuffered > limit {
				t.Errorf("buffered output reached %d bytes, want at most %d", s.maxBuffered, limit)
			}
			if s.pauses != s.resumes || s.stops != 0 {
				t.Errorf("pauses %d, resumes %d, stops %d; want balanced and no stop", s.pauses, s.resumes, s.stops)
			}
		})
	}
}

func TestStreamingProducerStoppedAtClose(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	s := &streamer{}
	client := &recorder{}
	server := &recorder{made: func(r *recorder) {
		must(t, "register", r.tr.RegisterProducer(s, true))
		if err := r.tr.RegisterProducer(s, true); !errors.Is(err, interfaces.ErrProducerRegistered) {
			t.Errorf("second RegisterProducer = %v, want ErrProducerRegistered", err)
		}
		r.tr.LoseConnection() // an unpaused streaming producer does not hold the close
	}}
	startPair(t, l, "tcp", client, server)
	l.runUntil("both lost", func() bool { return client.lost == 1 && server.lost == 1 })
	if s.stops != 1 {
		t.Errorf("StopProducing called %d times, want 1", s.stops)
	}
	late := &streamer{}
	must(t, "register after close", server.tr.RegisterProducer(late, true))
	if late.stops != 1 {
		t.Errorf("producer registered after the close: StopProducing called %d times, want 1", late.stops)
	}
}

// puller is a pull producer writing one piece per ResumeProducing.
type puller struct {
	conn    *transport.Conn
	left    int
	resumes int
}

func (p *puller) PauseProducing() { panic("PauseProducing called on a pull producer") }
func (p *puller) StopProducing()  {}

func (p *puller) ResumeProducing() {
	p.resumes++
	if p.left == 0 {
		p.conn.UnregisterProducer()
		return
	}
	p.left--
	var buf [1024]byte
	fillPattern(buf[:], 1024*p.resumes-1024)
	p.conn.Write(buf[:])
}

func TestPullProducerHoldsClose(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	p := &puller{left: 10}
	client := &patternChecker{}
	server := &recorder{made: func(r *recorder) {
		p.conn = r.tr
		must(t, "register", r.tr.RegisterProducer(p, false))
		r.tr.LoseConnection()
	}}
	startPair(t, l, "unix", client, server)
	l.runUntil("both lost", func() bool { return client.lost == 1 && server.lost == 1 })
	if client.n != 10*1024 || client.bad != 0 || p.resumes != 11 {
		t.Errorf("client got %d bytes (%d wrong) after %d resumes; want 10240 after 11", client.n, client.bad, p.resumes)
	}
	if !errors.Is(server.reason, interfaces.ErrConnectionDone) {
		t.Errorf("server reason = %s", describe(server.reason))
	}
}

func TestPauseProducingStopsReading(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	client := &recorder{made: func(r *recorder) { r.tr.Write([]byte("hello")) }}
	server := &recorder{made: func(r *recorder) { r.tr.PauseProducing() }}
	startPair(t, l, "tcp", client, server)
	for range 10 {
		l.turn(0)
	}
	if len(server.got) != 0 {
		t.Fatalf("paused transport delivered %q", server.got)
	}
	l.call(server.tr.ResumeProducing)
	l.runUntil("data after resume", func() bool { return string(server.got) == "hello" })
	l.call(server.tr.StopProducing)
	l.runUntil("both lost", func() bool { return client.lost == 1 && server.lost == 1 })
}

func TestSetWaterMarks(t *testing.T) {
	l := newTestLoop(t)
	client, server := &recorder{}, &recorder{}
	startPair(t, l, "unix", client, server)
	defer l.shutdown()
	for _, tc := range []struct{ high, low int }{{10, 20}, {10, -1}} {
		if err := client.tr.SetWaterMarks(tc.high, tc.low); !errors.Is(err, interfaces.ErrInvalidArgument) {
			t.Errorf("SetWaterMarks(%d, %d) = %v, want ErrInvalidArgument", tc.high, tc.low, err)
		}
	}
	s := &streamer{conn: client.tr}
	must(t, "register", client.tr.RegisterProducer(s, true))
	l.call(func() {
		client.tr.PauseProducing()
		server.tr.PauseProducing()
		for range 100 {
			client.tr.Write(make([]byte, 100))
		}
		must(t, "water marks", client.tr.SetWaterMarks(50, 0))
	})
	if s.pauses != 1 {
		t.Errorf("PauseProducing called %d times while over the mark, want once", s.pauses)
	}
}
