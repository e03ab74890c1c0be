//go:build linux

package reliability_test

import (
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/transport"
)

// lineEcho sends back each line it receives.
type lineEcho struct {
	basic.LineReceiver
	done func(error)
}

func (p *lineEcho) LineReceived(line []byte) { p.SendLine(line) }
func (p *lineEcho) ConnectionLost(error)     { p.done(p.Err()) }

// lineOnlyEcho sends back each line it receives.
type lineOnlyEcho struct {
	basic.LineOnlyReceiver
	done func(error)
}

func (p *lineOnlyEcho) LineReceived(line []byte) { p.SendLine(line) }
func (p *lineOnlyEcho) ConnectionLost(error)     { p.done(p.Err()) }

// netstringEcho sends back each netstring it receives.
type netstringEcho struct {
	basic.NetstringReceiver
	done func(error)
}

func (p *netstringEcho) StringReceived(s []byte) { p.SendString(s) }
func (p *netstringEcho) ConnectionLost(error)    { p.done(p.Err()) }

// int32Echo sends back each length-prefixed string it receives.
type int32Echo struct {
	basic.Int32StringReceiver
	done func(error)
}

func (p *int32Echo) StringReceived(s []byte) { _ = p.SendString(s) }
func (p *int32Echo) ConnectionLost(error)    { p.done(p.Err()) }

// TestOversizedFrameClosesOnlyItsConnection sends each receiver a frame
// far over its default limit over a real socket. The receiver must close
// that connection with Err saying why, and go on answering a
// well-behaved client of the same server.
func TestOversizedFrameClosesOnlyItsConnection(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	tests := []struct {
		name      string
		build     func(done func(error)) interfaces.Protocol
		good, bad string
		want      error
	}{
		{"LineReceiver", func(done func(error)) interfaces.Protocol {
			p := &lineEcho{done: done}
			p.Handler = p
			return p
		}, "hello\r\n", huge, basic.ErrLineTooLong},
		{"LineOnlyReceiver", func(done func(error)) interfaces.Protocol {
			p := &lineOnlyEcho{done: done}
			p.Handler = p
			return p
		}, "hello\r\n", huge, basic.ErrLineTooLong},
		{"NetstringReceiver", func(done func(error)) interfaces.Protocol {
			p := &netstringEcho{done: done}
			p.Handler = p
			return p
		}, "5:hello,", "1048576:" + huge, basic.ErrLengthLimitExceeded},
		{"Int32StringReceiver", func(done func(error)) interfaces.Protocol {
			p := &int32Echo{done: done}
			p.Handler = p
			return p
		}, "\x00\x00\x00\x05hello", "\x00\x10\x00\x00" + huge, basic.ErrLengthLimitExceeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
				internettest.RunReactor(t, r)
				errs := make(chan error, 2)
				addr := listen(t, r, &factory{build: func(net.Addr) interfaces.Protocol {
					return tc.build(func(err error) { errs <- err })
				}})
				good := dial(t, addr)
				echoOver(t, good, tc.good)

				bad := dial(t, addr)
				var wg sync.WaitGroup
				wg.Go(func() { _, _ = bad.Write([]byte(tc.bad)) }) // fails once the server closes
				peerSeesClose(t, bad)
				if err := internettest.Await(t, errs); !errors.Is(err, tc.want) {
					t.Errorf("the receiver's Err() = %v, want %v", err, tc.want)
				}
				_ = bad.Close()
				wg.Wait()
				echoOver(t, good, tc.good)
			})
		})
	}
}

// TestEchoToPeerNotReadingStaysBounded writes 16 MiB to an echo server
// without reading the echo until the server has paused. The echo protocol
// registers its transport as the producer of its own output, so the
// transport stops reading once its output passes the high-water mark:
// the server's buffered output must stay within the high-water mark plus
// one read while TCP flow control holds the sender back, and once the
// peer reads, every byte must come back in order.
func TestEchoToPeerNotReadingStaysBounded(t *testing.T) {
	const total = 16 << 20
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		maxBuffered := 0
		paused := make(chan struct{})
		addr := listen(t, r, &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{
				made: func(p *proto) { _ = p.tr.RegisterProducer(p.tr, true) },
				data: func(p *proto, b []byte) {
					p.tr.Write(b)
					n := p.tr.(*transport.Conn).BufferedOutput()
					if n > transport.DefaultHighWater && maxBuffered <= transport.DefaultHighWater {
						close(paused) // Write has just paused reading
					}
					maxBuffered = max(maxBuffered, n)
				},
			}
		}})
		c := dial(t, addr)
		// A small receive buffer keeps the kernel from holding most of
		// the echo, so the server's own buffer fills and reading pauses.
		if err := c.SetReadBuffer(32 << 10); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		wg.Go(func() {
			for off := 0; off < total; off += pieceSize {
				if _, err := c.Write(patternAt(off)); err != nil {
					t.Errorf("write at %d: %v", off, err)
					return
				}
			}
		})
		internettest.Await(t, paused)
		got := make([]byte, total)
		if _, err := io.ReadFull(c, got); err != nil {
			t.Fatalf("reading the echo: %v", err)
		}
		wg.Wait()
		checkPattern(t, got)
		most := internettest.OnReactor(t, r, func() (int, error) { return maxBuffered, nil })
		if limit := transport.DefaultHighWater + internet.DefaultReadBufferSize; most > limit {
			t.Errorf("the server buffered up to %d bytes of output, want at most %d", most, limit)
		}
	})
}
