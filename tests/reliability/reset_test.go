//go:build linux

package reliability_test

import (
	"bytes"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// streamPattern is the stream servers send: byte i is i%251, so a lost,
// repeated or reordered chunk shows. Any piece of up to pieceSize bytes
// at any offset is one slice of it.
var streamPattern = func() []byte {
	b := make([]byte, 251+pieceSize)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}()

const pieceSize = 16 << 10

// patternAt returns the pieceSize bytes of the stream at offset off.
func patternAt(off int) []byte { return streamPattern[off%251 : off%251+pieceSize] }

// checkPattern fails the test unless b is the stream from offset 0.
func checkPattern(t *testing.T, b []byte) {
	t.Helper()
	want := bytes.Repeat(streamPattern[:251], len(b)/251+1)[:len(b)]
	if bytes.Equal(b, want) {
		return
	}
	for i := range b {
		if b[i] != want[i] {
			t.Fatalf("stream byte %d is %d, want %d", i, b[i], want[i])
		}
	}
}

// pump streams the pattern to its transport for ever, as a streaming
// producer: it writes until paused, and stops when told.
type pump struct {
	tr      interfaces.Transport
	off     int
	paused  bool
	stopped chan struct{}
}

func (p *pump) produce() {
	for !p.paused && !p.tr.Disconnecting() {
		p.tr.Write(patternAt(p.off))
		p.off += pieceSize
	}
}

func (p *pump) PauseProducing()  { p.paused = true }
func (p *pump) ResumeProducing() { p.paused = false; p.produce() }
func (p *pump) StopProducing()   { close(p.stopped) }

// TestPeerResetMidWrite resets connections while the server is writing to
// them, with a producer and with a large buffered reply. The server must
// see ErrConnectionLost wrapping ECONNRESET or EPIPE (no SIGPIPE, no
// panic), stop the producer, and go on serving its other connection and
// new ones; the bytes the peer got before the reset are the right ones.
func TestPeerResetMidWrite(t *testing.T) {
	tests := []struct {
		name  string
		start func(t *testing.T, p *proto, stopped chan struct{})
	}{
		{"streaming producer", func(t *testing.T, p *proto, stopped chan struct{}) {
			pm := &pump{tr: p.tr, stopped: stopped}
			if err := p.tr.RegisterProducer(pm, true); err != nil {
				t.Errorf("RegisterProducer: %v", err)
			}
			pm.produce()
		}},
		{"buffered reply", func(t *testing.T, p *proto, stopped chan struct{}) {
			close(stopped) // no producer to stop
			writeReply(p)
		}},
		{"buffered reply, not reading", func(t *testing.T, p *proto, stopped chan struct{}) {
			// With reading paused, only the write path can see the reset.
			close(stopped)
			p.tr.PauseProducing()
			writeReply(p)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
				internettest.RunReactor(t, r)
				lost := make(chan error, 1)
				stopped := make(chan struct{})
				built := 0
				addr := listen(t, r, &factory{build: func(net.Addr) interfaces.Protocol {
					built++
					if built > 1 {
						return &proto{data: echo}
					}
					return &proto{
						made: func(p *proto) { tc.start(t, p, stopped) },
						lost: func(_ *proto, reason error) { lost <- reason },
					}
				}})
				victim := dial(t, addr)
				// A small receive buffer keeps most of the stream in the
				// server, so the reset finds it writing.
				if err := victim.SetReadBuffer(32 << 10); err != nil {
					t.Fatal(err)
				}
				bystander := dial(t, addr)
				echoOver(t, bystander, "before the reset")

				got := make([]byte, 256<<10)
				if _, err := io.ReadFull(victim, got); err != nil {
					t.Fatalf("reading the stream: %v", err)
				}
				checkPattern(t, got)
				resetConn(t, victim)

				reason := internettest.Await(t, lost)
				if !isLost(reason, syscall.ECONNRESET, syscall.EPIPE) {
					t.Errorf("ConnectionLost(%v), want ErrConnectionLost wrapping ECONNRESET or EPIPE", reason)
				}
				t.Logf("ConnectionLost(%v)", reason)
				internettest.Await(t, stopped)
				echoOver(t, bystander, "after the reset")
				echoOver(t, dial(t, addr), "a new connection")
			})
		})
	}
}

// writeReply writes a 32 MiB reply at once: more than the kernel buffers
// hold, so most of it waits in the transport.
func writeReply(p *proto) {
	for off := 0; off < 32<<20; off += pieceSize {
		p.tr.Write(patternAt(off))
	}
}

// resetConn closes c with a reset (RST) instead of an orderly FIN.
func resetConn(t *testing.T, c *net.TCPConn) {
	t.Helper()
	if err := c.SetLinger(0); err != nil {
		t.Fatalf("SetLinger: %v", err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}
