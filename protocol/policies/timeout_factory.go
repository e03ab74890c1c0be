// TimeoutFactory and TimeoutProtocol: an idle timeout around any protocol.

package policies

import (
	"net"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// DefaultTimeoutPeriod is TimeoutFactory's idle period when none is given.
const DefaultTimeoutPeriod = 30 * time.Minute

var (
	_ interfaces.ClientFactory = (*TimeoutFactory)(nil)
	_ interfaces.TCPTransport  = (*TimeoutProtocol)(nil)
)

// TimeoutFactory wraps each protocol Wrapped builds in a TimeoutProtocol,
// which closes the connection after Period without traffic either way.
// Call only on the reactor goroutine.
//
// Twisted: policies.TimeoutFactory.
type TimeoutFactory struct {
	WrappingFactory
	// Clock runs the timers; usually the reactor.
	Clock interfaces.ReactorTime
	// Period is the idle time allowed; 0 means DefaultTimeoutPeriod.
	Period time.Duration
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
	period := f.Period
	if period <= 0 {
		period = DefaultTimeoutPeriod
	}
	tp := &TimeoutProtocol{ProtocolWrapper: ProtocolWrapper{Wrapped: p, Registry: f}, period: period}
	tp.Clock = f.Clock
	tp.OnTimeout = tp.TimeoutConnection
	return tp
}

// TimeoutProtocol is a ProtocolWrapper that closes the connection after an
// idle period: data received and data written re-arm the timer. Call only
// on the reactor goroutine.
//
// Twisted: policies.TimeoutProtocol.
type TimeoutProtocol struct {
	ProtocolWrapper
	Timeout

	period time.Duration
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
	p.ResetTimeout()
	p.ProtocolWrapper.DataReceived(data)
}

// Write re-arms the timer and forwards data.
//
// Twisted: TimeoutProtocol.write.
func (p *TimeoutProtocol) Write(data []byte) {
	p.ResetTimeout()
	p.ProtocolWrapper.Write(data)
}

// WriteSequence re-arms the timer and forwards data.
//
// Twisted: TimeoutProtocol.writeSequence.
func (p *TimeoutProtocol) WriteSequence(data [][]byte) {
	p.ResetTimeout()
	p.ProtocolWrapper.WriteSequence(data)
}

// ConnectionLost stops the timer and forwards the loss.
//
// Twisted: TimeoutProtocol.connectionLost.
func (p *TimeoutProtocol) ConnectionLost(reason error) {
	p.SetTimeout(0)
	p.ProtocolWrapper.ConnectionLost(reason)
}

// TimeoutConnection closes the connection once its output is sent. It runs
// when the timer fires.
//
// Twisted: TimeoutProtocol.timeoutFunc.
func (p *TimeoutProtocol) TimeoutConnection() { p.LoseConnection() }
