// The producer side of StringTransport: registration and the state a
// protocol left the transport's reading in.

package transporttest

import "github.com/twistgo/twistgo/interfaces"

// ProducerState is what a StringTransport, as the producer of the data its
// protocol reads, was last asked to do.
//
// Twisted: StringTransport.producerState.
type ProducerState int

// The states of a StringTransport's producer side.
const (
	// Producing is the initial state, and the state after ResumeProducing.
	Producing ProducerState = iota
	// Paused is the state after PauseProducing.
	Paused
	// Stopped is the state after StopProducing; it is final.
	Stopped
)

// String returns "producing", "paused" or "stopped".
func (s ProducerState) String() string {
	switch s {
	case Producing:
		return "producing"
	case Paused:
		return "paused"
	case Stopped:
		return "stopped"
	}
	return "unknown"
}

// RegisterProducer records p as the producer of the data written to t.
// As a real transport does, it calls ResumeProducing on a pull producer at
// once, and StopProducing instead of registering when t was aborted.
// It returns interfaces.ErrProducerRegistered if a producer is registered.
//
// Twisted: StringTransport.registerProducer.
func (t *StringTransport) RegisterProducer(p interfaces.Producer, streaming bool) error {
	if t.producer != nil {
		return interfaces.ErrProducerRegistered
	}
	if t.aborted {
		p.StopProducing()
		return nil
	}
	t.producer, t.streaming = p, streaming
	if !streaming {
		p.ResumeProducing()
	}
	return nil
}

// UnregisterProducer forgets the registered producer; no-op if none.
//
// Twisted: StringTransport.unregisterProducer.
func (t *StringTransport) UnregisterProducer() { t.producer, t.streaming = nil, false }

// Producer returns the registered producer (nil if none) and whether it was
// registered as streaming.
//
// Twisted: StringTransport.producer, StringTransport.streaming.
func (t *StringTransport) Producer() (p interfaces.Producer, streaming bool) {
	return t.producer, t.streaming
}

// PauseProducing records that the protocol asked the transport to stop
// reading. It has no effect once stopped.
//
// Twisted: StringTransport.pauseProducing.
func (t *StringTransport) PauseProducing() {
	if t.state != Stopped {
		t.state = Paused
	}
}

// ResumeProducing records that the protocol asked the transport to read
// again. It has no effect once stopped.
//
// Twisted: StringTransport.resumeProducing.
func (t *StringTransport) ResumeProducing() {
	if t.state != Stopped {
		t.state = Producing
	}
}

// StopProducing records that the transport was told to stop for good.
//
// Twisted: StringTransport.stopProducing.
func (t *StringTransport) StopProducing() { t.state = Stopped }

// ProducerState reports the state the producer calls left t in.
//
// Twisted: StringTransport.producerState.
func (t *StringTransport) ProducerState() ProducerState { return t.state }
