//go:build linux

package portforward_test

import (
	"bytes"
	"errors"
	"net"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/portforward"
)

const (
	relayTotal   = 64 << 20  // bytes sent through the proxy
	sinkStep     = 256 << 10 // the sink pauses after each of these
	sinkPause    = time.Millisecond
	memoryBudget = 16 << 20 // heap growth allowed while relaying
)

// The stream's byte at offset i is i mod 251: a prime period, so a lost or
// repeated block of a power-of-two size shows. reference holds the pattern
// from offset 0 for longer than any read, so the sink compares whole reads
// with memequal rather than byte by byte (the race detector is slow).
const period = 251

var reference = func() []byte {
	b := make([]byte, period+256<<10)
	for i := range b {
		b[i] = byte(i % period)
	}
	return b
}()

// matches reports whether data is the stream at offset off.
func matches(data []byte, off int) bool {
	for len(data) > 0 {
		n := min(len(data), len(reference)-period)
		start := off % period
		if !bytes.Equal(data[:n], reference[start:start+n]) {
			return false
		}
		data, off = data[n:], off+n
	}
	return true
}

// sinkResult is what the slow sink saw.
type sinkResult struct {
	bytes    int
	badAt    int // offset of the first read with a wrong byte, or -1
	reason   error
	peakHeap uint64
}

// slowSink reads like a slow consumer: it pauses its transport after every
// sinkStep bytes and resumes a little later. It checks the pattern and
// samples the heap as it goes.
type slowSink struct {
	protocol.Base
	clock    interfaces.ReactorTime
	done     chan<- sinkResult
	res      sinkResult
	nextStop int
	sample   []metrics.Sample
}

func (s *slowSink) DataReceived(data []byte) {
	if s.res.badAt < 0 && !matches(data, s.res.bytes) {
		s.res.badAt = s.res.bytes
	}
	s.res.bytes += len(data)
	if s.res.bytes >= s.nextStop {
		s.nextStop += sinkStep
		s.res.peakHeap = max(s.res.peakHeap, heapBytes(s.sample))
		s.Transport.PauseProducing()
		s.clock.CallLater(sinkPause, s.Transport.ResumeProducing)
	}
}

func (s *slowSink) ConnectionLost(reason error) {
	s.res.reason = reason
	s.done <- s.res
}

// heapBytes reads the bytes held by heap objects, live or not yet swept.
func heapBytes(sample []metrics.Sample) uint64 {
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

func newSample() []metrics.Sample {
	return []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
}

// TestProxyRelays64MiBThroughASlowConsumer sends 64 MiB from a fast
// writer through the proxy to a sink that keeps pausing, and checks every
// byte arrives in order while the heap stays within a budget far below the
// payload: the sink's pauses must reach the writer as back-pressure.
func TestProxyRelays64MiBThroughASlowConsumer(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		done := make(chan sinkResult, 1)
		sinkFactory := protocol.ForProtocol(func() *slowSink {
			return &slowSink{clock: r, done: done, res: sinkResult{badAt: -1}, nextStop: sinkStep, sample: newSample()}
		})
		local := interfaces.TCPListenOptions{Interface: "127.0.0.1"}
		proxyAddr := internettest.OnReactor(t, r, func() (net.Addr, error) {
			backend, err := r.ListenTCP(0, sinkFactory, local)
			if err != nil {
				return nil, err
			}
			f := portforward.NewProxyFactory(r, "127.0.0.1", backend.GetHost().(*net.TCPAddr).Port)
			proxy, err := r.ListenTCP(0, f, local)
			if err != nil {
				return nil, err
			}
			return proxy.GetHost(), nil
		})

		runtime.GC()
		baseline := heapBytes(newSample())
		conn, err := net.DialTimeout("tcp", proxyAddr.String(), internettest.Timeout)
		if err != nil {
			t.Fatalf("dial the proxy: %v", err)
		}
		defer conn.Close()
		sent := make(chan error, 1)
		go func() { sent <- writePattern(conn, relayTotal) }()

		res := awaitRelay(t, done)
		if err := awaitRelay(t, sent); err != nil {
			t.Fatalf("writing: %v", err)
		}
		if res.bytes != relayTotal || res.badAt >= 0 {
			t.Fatalf("sink got %d bytes (first wrong byte at %d), want %d intact", res.bytes, res.badAt, relayTotal)
		}
		if !errors.Is(res.reason, interfaces.ErrConnectionDone) {
			t.Errorf("sink's connection ended with %v, want ErrConnectionDone", res.reason)
		}
		if growth := int64(res.peakHeap) - int64(baseline); growth > memoryBudget {
			t.Errorf("heap grew by %d MiB while relaying, budget %d MiB", growth>>20, memoryBudget>>20)
		}
		t.Logf("heap growth at most %d KiB relaying %d MiB", (int64(res.peakHeap)-int64(baseline))>>10, relayTotal>>20)
	})
}

// relayTimeout bounds the relay: 64 MiB under the race detector on a
// busy two-core machine takes seconds, more than internettest.Timeout
// leaves room for.
const relayTimeout = 2 * time.Minute

// awaitRelay returns the next value from ch, or fails the test after
// relayTimeout.
func awaitRelay[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	timer := time.NewTimer(relayTimeout)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v
	case <-timer.C:
		t.Fatalf("relay not done within %v", relayTimeout)
		var zero T
		return zero
	}
}

// writePattern writes the first n bytes of the stream to c, then closes
// it, which ends the relay. Each write starts at a multiple of the period,
// so every write is a prefix of the same block.
func writePattern(c net.Conn, n int) error {
	block := reference[:period*256]
	for off := 0; off < n; off += len(block) {
		_ = c.SetWriteDeadline(time.Now().Add(relayTimeout))
		if _, err := c.Write(block[:min(len(block), n-off)]); err != nil {
			return err
		}
	}
	return c.Close()
}
