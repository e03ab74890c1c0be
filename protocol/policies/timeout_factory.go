// TimeoutFactory and TimeoutProtocol: an idle timeout around any protocol.

package policies

import (
	"net"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// DefaultTimeoutPeriod is TimeoutFactory's idle period when none is given.
const DefaultTimeoutPeriod = 30 * time.Minute

// DefaultAbortDelay is how long a timed-out connection may take to send
// its remaining output before it is aborted, when none is given.
const DefaultAbortDelay = 15 * time.Second

var (
	_ interfaces.ClientFactory = (*TimeoutFactory)(nil)
	_ interfaces.TCPTransport  = (*TimeoutProtocol)(nil)
)

// TimeoutFactory wraps each protocol Wrapped builds in a TimeoutProtocol,
// which closes the connection after Period without traffic either way,
// and aborts it if its output has still not gone AbortDelay later (a peer
// that stopped reading would otherwise hold it open for good). Call only
// on the reactor goroutine.
//
// Twisted: policies.TimeoutFactory.
type TimeoutFactory struct {
	WrappingFactory
	// Clock runs the timers; usually the reactor.
	Clock interfaces.ReactorTime
	// Period is the idle time allowed; 0 means DefaultTimeoutPeriod.
	Period time.Duration
	// AbortDelay is how long the close after a timeout may wait for the
	// output to be sent; 0 means DefaultAbortDelay.
	AbortDelay time.Duration
}

// NewTimeoutFactory returns a TimeoutFactory around wrapped that closes
// connections idle for period (0: DefaultTimeoutPeriod) on clock.
//
// Twisted: TimeoutFactory.__init__.
func NewTimeoutFactory(clock interfaces.ReactorTime, wrapped interfaces.Factory, period time.Duration) *TimeoutFactory {
	return &TimeoutFactory{WrappingFactory: WrappingFactory{Wrapped: wrapped}, Clock: clock, Period: period}
}

// BuildProtocol wraps the protocol Wrapped builds in a TimeoutProtocol, or
// returns nil if Wrapped refuses the connection.
//
// Twisted: TimeoutFactory.buildProtocol.
func (f *TimeoutFactory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	p := f.Wrapped.BuildProtocol(addr)
	if p == nil {
		return nil
	}
	period, abortDelay := f.Period, f.AbortDelay
	if period <= 0 {
		period = DefaultTimeoutPeriod
	}
	if abortDelay <= 0 {
		abortDelay = DefaultAbortDelay
	}
	tp := &TimeoutProtocol{ProtocolWrapper: ProtocolWrapper{Wrapped: p, Registry: f}, period: period, abortDelay: abortDelay}
	tp.Clock = f.Clock
	tp.OnTimeout = tp.TimeoutConnection
	return tp
}

// TimeoutProtocol is a ProtocolWrapper that closes the connection after an
// idle period: data received and data written re-arm the timer. Once it
// has timed out, traffic no longer re-arms it: the timer then bounds how
// long the close may wait for the output to be sent. Call only on the
// reactor goroutine.
//
// Twisted: policies.TimeoutProtocol.
type TimeoutProtocol struct {
	ProtocolWrapper
	Timeout

	period     time.Duration
	abortDelay time.Duration
	timedOut   bool // TimeoutConnection ran; the close is under way
}

// MakeConnection starts the wrapped protocol and the timer.
//
// Twisted: TimeoutProtocol.__init__, ProtocolWrapper.makeConnection.
func (p *TimeoutProtocol) MakeConnection(t interfaces.Transport) {
	p.MakeConnectionAs(t, p)
	p.SetTimeout(p.period)
}

// DataReceived re-arms the timer and forwards data.
//
// Twisted: TimeoutProtocol.dataReceived.
func (p *TimeoutProtocol) DataReceived(data []byte) {
	p.touch()
	p.ProtocolWrapper.DataReceived(data)
}

// Write re-arms the timer and forwards data.
//
// Twisted: TimeoutProtocol.write.
func (p *TimeoutProtocol) Write(data []byte) {
	p.touch()
	p.ProtocolWrapper.Write(data)
}

// WriteSequence re-arms the timer and forwards data.
//
// Twisted: TimeoutProtocol.writeSequence.
func (p *TimeoutProtocol) WriteSequence(data [][]byte) {
	p.touch()
	p.ProtocolWrapper.WriteSequence(data)
}

// ConnectionLost stops the timer and forwards the loss.
//
// Twisted: TimeoutProtocol.connectionLost.
func (p *TimeoutProtocol) ConnectionLost(reason error) {
	p.SetTimeout(0)
	p.ProtocolWrapper.ConnectionLost(reason)
}

// TimeoutConnection closes the connection once its output is sent, and
// arms the timer to abort it if that takes longer than the abort delay. It
// runs when the timer fires.
//
// Twisted: TimeoutProtocol.timeoutFunc (which has no abort: a peer that
// does not read keeps the connection open there).
func (p *TimeoutProtocol) TimeoutConnection() {
	p.timedOut = true
	p.OnTimeout = p.AbortConnection
	p.SetTimeout(p.abortDelay)
	p.LoseConnection()
}

// touch re-arms the idle timer on traffic, until the connection timed out.
func (p *TimeoutProtocol) touch() {
	if !p.timedOut {
		p.ResetTimeout()
	}
}
