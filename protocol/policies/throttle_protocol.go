// ThrottlingProtocol: counts a connection's traffic and applies the
// factory's throttling, in agreement with the protocol's and the
// transport's own flow control.

package policies

import (
	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.TCPTransport = (*ThrottlingProtocol)(nil)

// ThrottlingProtocol is the ProtocolWrapper of a ThrottlingFactory: it
// counts the bytes read and written, and pauses reading and the registered
// producer when the factory throttles. Call only on the reactor goroutine.
//
// Twisted: policies.ThrottlingProtocol.
type ThrottlingProtocol struct {
	ProtocolWrapper

	factory *ThrottlingFactory

	// Reading: the transport is paused while the protocol or the
	// throttle wants it paused.
	userPausedRead bool
	throttledRead  bool
	readPaused     bool // what the transport was last told

	// Writing: the protocol's producer, registered with the transport
	// through gate.
	gate *producerGate
}

// MakeConnection starts the wrapped protocol with p as its transport.
//
// Twisted: ProtocolWrapper.makeConnection.
func (p *ThrottlingProtocol) MakeConnection(t interfaces.Transport) {
	p.MakeConnectionAs(t, p)
	if p.factory.unthrottleRead != nil {
		p.throttleReads(true) // joined while the factory throttles
	}
	if p.factory.unthrottleWrite != nil {
		p.throttleWrites(true)
	}
}

// DataReceived counts data against the read limit and forwards it.
//
// Twisted: ThrottlingProtocol.dataReceived.
func (p *ThrottlingProtocol) DataReceived(data []byte) {
	p.factory.read += len(data)
	p.ProtocolWrapper.DataReceived(data)
}

// Write counts data against the write limit and forwards it.
//
// Twisted: ThrottlingProtocol.write.
func (p *ThrottlingProtocol) Write(data []byte) {
	p.factory.written += len(data)
	p.ProtocolWrapper.Write(data)
}

// WriteSequence counts data against the write limit and forwards it.
//
// Twisted: ThrottlingProtocol.writeSequence.
func (p *ThrottlingProtocol) WriteSequence(data [][]byte) {
	for _, b := range data {
		p.factory.written += len(b)
	}
	p.ProtocolWrapper.WriteSequence(data)
}

// PauseProducing records that the protocol wants reading paused.
//
// Twisted: ProtocolWrapper.pauseProducing.
func (p *ThrottlingProtocol) PauseProducing() {
	p.userPausedRead = true
	p.applyRead()
}

// ResumeProducing records that the protocol wants reading resumed; the
// transport resumes unless the throttle holds it.
//
// Twisted: ProtocolWrapper.resumeProducing.
func (p *ThrottlingProtocol) ResumeProducing() {
	p.userPausedRead = false
	p.applyRead()
}

// RegisterProducer registers producer with the transport through a gate
// that also answers to the throttle. It returns
// interfaces.ErrProducerRegistered if one is registered.
//
// Twisted: ThrottlingProtocol.registerProducer.
func (p *ThrottlingProtocol) RegisterProducer(producer interfaces.Producer, streaming bool) error {
	if p.gate != nil {
		return interfaces.ErrProducerRegistered
	}
	g := &producerGate{producer: producer, streaming: streaming, throttled: p.factory.unthrottleWrite != nil}
	p.gate = g
	if err := p.Transport.RegisterProducer(g, streaming); err != nil {
		p.gate = nil
		return err
	}
	g.apply()
	return nil
}

// UnregisterProducer unregisters the protocol's producer.
//
// Twisted: ThrottlingProtocol.unregisterProducer.
func (p *ThrottlingProtocol) UnregisterProducer() {
	p.gate = nil
	p.Transport.UnregisterProducer()
}

func (p *ThrottlingProtocol) throttleReads(on bool) {
	p.throttledRead = on
	p.applyRead()
}

func (p *ThrottlingProtocol) throttleWrites(on bool) {
	if p.gate != nil {
		p.gate.throttled = on
		p.gate.apply()
	}
}

// applyRead tells the transport to pause or resume when the combined
// wish changes.
func (p *ThrottlingProtocol) applyRead() {
	want := p.userPausedRead || p.throttledRead
	if want == p.readPaused || p.Transport == nil {
		return
	}
	p.readPaused = want
	if want {
		p.Transport.PauseProducing()
	} else {
		p.Transport.ResumeProducing()
	}
}

// producerGate is what the transport sees as the producer: it runs the
// protocol's producer only when neither the transport nor the throttle
// holds it back.
type producerGate struct {
	producer  interfaces.Producer
	streaming bool
	consumer  bool // the transport asked a streaming producer to pause
	throttled bool
	paused    bool // what the producer was last told (streaming)
	wantsMore bool // the transport asked a pull producer for more while throttled
}

func (g *producerGate) PauseProducing() {
	g.consumer = true
	g.apply()
}

func (g *producerGate) ResumeProducing() {
	if !g.streaming {
		g.wantsMore = true
	}
	g.consumer = false
	g.apply()
}

func (g *producerGate) StopProducing() { g.producer.StopProducing() }

// apply brings the producer in line with the transport and the throttle.
func (g *producerGate) apply() {
	if !g.streaming {
		if g.wantsMore && !g.throttled {
			g.wantsMore = false
			g.producer.ResumeProducing()
		}
		return
	}
	want := g.consumer || g.throttled
	if want == g.paused {
		return
	}
	g.paused = want
	if want {
		g.producer.PauseProducing()
	} else {
		g.producer.ResumeProducing()
	}
}
