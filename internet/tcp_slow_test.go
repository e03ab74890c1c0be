//go:build linux

package internet_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/transport"
)

// pattern is a random block of prime length, stored twice so that any
// run of up to patternLen bytes at any offset is one slice of it: the
// stream's byte at offset i is pattern[i%patternLen].
var pattern = func() []byte {
	b := randomBytes(patternLen)
	return append(b, b...)
}()

const patternLen = 65521

// patternAt returns the n <= patternLen bytes of the stream at offset off.
func patternAt(off, n int) []byte {
	o := off % patternLen
	return pattern[o : o+n]
}

// pump is a streaming producer writing total bytes of the pattern on its
// connection, pausing when told, and closing when done.
type pump struct {
	conn        *transport.Conn
	total, sent int
	paused      bool
	maxBuffered int
	firstPause  chan struct{}
}

const pumpPiece = 32 << 10

// slowReaderTimeout bounds the whole transfer of TestTCPSlowReader.
const slowReaderTimeout = 2 * time.Minute

func (p *pump) produce() {
	for !p.paused && p.sent < p.total {
		n := min(pumpPiece, p.total-p.sent)
		p.conn.Write(patternAt(p.sent, n))
		p.sent += n
		p.maxBuffered = max(p.maxBuffered, p.conn.BufferedOutput())
	}
	if p.sent == p.total && !p.paused {
		p.conn.UnregisterProducer()
		p.conn.LoseConnection()
	}
}

func (p *pump) PauseProducing() {
	p.paused = true
	select {
	case p.firstPause <- struct{}{}:
	default:
	}
}

func (p *pump) ResumeProducing() { p.paused = false; p.produce() }
func (p *pump) StopProducing()   {}

// TestTCPSlowReader streams 512 MiB to a client that does not read at
// first: the producer is paused and the server's buffered output stays
// near the high-water mark; then the client reads every byte.
func TestTCPSlowReader(t *testing.T) {
	const total = 512 << 20
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		pm := &pump{total: total, firstPause: make(chan struct{}, 1)}
		lost := make(chan error, 1)
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{
				made: func(p *proto) {
					pm.conn = p.tr
					if err := p.tr.RegisterProducer(pm, true); err != nil {
						t.Error(err)
					}
					pm.produce()
				},
				lost: func(_ *proto, reason error) { lost <- reason },
			}
		}}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{})
		c := internettest.Dial(t, "tcp", addr.String())
		// Half a GiB takes seconds under the race detector.
		_ = c.SetDeadline(time.Now().Add(slowReaderTimeout))
		internettest.Await(t, pm.firstPause)
		sent := internettest.OnReactor(t, r, func() (int, error) { return pm.sent, nil })
		if sent >= total {
			t.Fatalf("producer paused only after all %d bytes", sent)
		}
		if n := readPattern(t, c); n != total {
			t.Errorf("client received %d bytes, want %d", n, total)
		}
		if reason := internettest.Await(t, lost); !errors.Is(reason, interfaces.ErrConnectionDone) {
			t.Errorf("server reason = %v", reason)
		}
		maxBuffered := internettest.OnReactor(t, r, func() (int, error) { return pm.maxBuffered, nil })
		if limit := transport.DefaultHighWater + pumpPiece; maxBuffered > limit {
			t.Errorf("server buffered up to %d bytes, want at most %d", maxBuffered, limit)
		}
		t.Logf("paused after %d bytes; server buffered at most %d bytes", sent, maxBuffered)
	})
}

// readPattern reads c to EOF, checking the bytes follow the pattern, and
// returns how many arrived.
func readPattern(t *testing.T, c net.Conn) int {
	t.Helper()
	buf := make([]byte, 256<<10)
	off := 0
	for {
		n, err := c.Read(buf)
		for i := 0; i < n; i += patternLen {
			k := min(patternLen, n-i)
			if !bytes.Equal(buf[i:i+k], patternAt(off+i, k)) {
				t.Fatalf("wrong bytes at offset %d", off+i)
			}
		}
		off += n
		if errors.Is(err, io.EOF) {
			return off
		}
		if err != nil {
			t.Fatalf("read at offset %d: %v", off, err)
		}
	}
}
