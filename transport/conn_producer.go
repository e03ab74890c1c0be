//go:build unix

// Flow control: the producer feeding this connection, and the water marks
// that pause and resume it.

package transport

import (
	"fmt"

	"github.com/twistgo/twistgo/interfaces"
)

// RegisterProducer makes p the producer of this connection's output;
// streaming says whether it is a push producer.
//
// A streaming producer is told PauseProducing once when buffered output
// passes the high-water mark and ResumeProducing once when it drains to the
// low-water mark, so buffered output stays near the high-water mark however
// slowly the peer reads. A pull producer is told ResumeProducing at once
// and then each time the socket is writable with nothing buffered; it holds
// a LoseConnection until it is unregistered. If the connection is gone, p
// is told StopProducing instead.
//
// It returns ErrProducerRegistered if a producer is registered already.
// Call only on the reactor goroutine.
//
// Twisted: FileDescriptor.registerProducer.
func (t *Conn) RegisterProducer(p interfaces.Producer, streaming bool) error {
	if t.producer != nil {
		return interfaces.ErrProducerRegistered
	}
	if t.closed {
		p.StopProducing()
		return nil
	}
	t.producer, t.streaming, t.producerPaused = p, streaming, false
	if !streaming {
		p.ResumeProducing()
		return nil
	}
	t.pauseIfHigh()
	return nil
}

// UnregisterProducer forgets the registered producer; no-op if none. A
// close waiting for the producer goes ahead. Call only on the reactor
// goroutine.
//
// Twisted: FileDescriptor.unregisterProducer.
func (t *Conn) UnregisterProducer() {
	if t.producer == nil {
		return
	}
	t.producer, t.producerPaused = nil, false
	if t.disconnecting || t.writeDisconnecting {
		t.kick()
	}
}

// SetWaterMarks sets the output buffer limits that throttle a streaming
// producer: it is paused when more than high bytes are buffered and resumed
// when at most low are. The defaults are DefaultHighWater and
// DefaultLowWater. Without a producer the limits have no effect: Write
// never drops data.
//
// It returns an error wrapping interfaces.ErrInvalidArgument unless
// 0 <= low <= high. Call only on the reactor goroutine.
//
// Twisted: FileDescriptor.bufferSize, split into two marks.
func (t *Conn) SetWaterMarks(high, low int) error {
	if low < 0 || high < low {
		return fmt.Errorf("%w: water marks high %d, low %d", interfaces.ErrInvalidArgument, high, low)
	}
	t.high, t.low = high, low
	t.pauseIfHigh()
	return nil
}

// BufferedOutput returns how many bytes are waiting to be sent. Call only
// on the reactor goroutine.
func (t *Conn) BufferedOutput() int { return t.out.n }

// pauseIfHigh pauses a running streaming producer once the buffer passes
// the high-water mark.
func (t *Conn) pauseIfHigh() {
	if t.producer == nil || !t.streaming || t.producerPaused || t.out.n <= t.high {
		return
	}
	t.producerPaused = true
	t.producer.PauseProducing()
}

// resumeIfLow resumes a paused streaming producer once the buffer has
// drained to the low-water mark. Its writes are flushed by the caller.
func (t *Conn) resumeIfLow() {
	if t.producer == nil || !t.producerPaused || t.out.n > t.low {
		return
	}
	t.producerPaused = false
	prev := t.inCallback
	t.inCallback = true
	t.producer.ResumeProducing()
	t.inCallback = prev
}
