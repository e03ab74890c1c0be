// ThrottlingFactory: read and write bandwidth limits and a connection cap.

package policies

import (
	"net"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.ClientFactory = (*ThrottlingFactory)(nil)

// ThrottlingFactory limits the bandwidth of all its connections together
// and how many it serves at once.
//
// Every second it compares the bytes read and written in that second with
// ReadLimit and WriteLimit. Over a limit, every connection is throttled for
// bytes/limit - 1 seconds: reading by pausing the transport, writing by
// pausing the producer the protocol registered (a protocol without one
// cannot be throttled for writing). Throttling works with the protocol's
// own pauses and the transport's flow control: the transport reads only
// when neither the protocol nor the throttle has paused it, and a producer
// runs only when neither the transport's buffer nor the throttle holds it.
// The checks run while the factory has connections.
//
// Beyond MaxConnectionCount connections, BuildProtocol refuses. Call only
// on the reactor goroutine.
//
// Twisted: policies.ThrottlingFactory.
type ThrottlingFactory struct {
	WrappingFactory
	// Clock runs the checks; usually the reactor.
	Clock interfaces.ReactorTime
	// MaxConnectionCount caps simultaneous connections; 0 means no cap.
	MaxConnectionCount int
	// ReadLimit is the most bytes per second read in all; 0 means none.
	ReadLimit int
	// WriteLimit is the most bytes per second written in all; 0 means none.
	WriteLimit int

	connectionCount int
	read, written   int // bytes in the current second
	checkRead       interfaces.DelayedCall
	checkWrite      interfaces.DelayedCall
	unthrottleRead  interfaces.DelayedCall
	unthrottleWrite interfaces.DelayedCall
}

// NewThrottlingFactory returns a ThrottlingFactory around wrapped, timed by
// clock, with no limits set.
//
// Twisted: ThrottlingFactory.__init__.
func NewThrottlingFactory(clock interfaces.ReactorTime, wrapped interfaces.Factory) *ThrottlingFactory {
	return &ThrottlingFactory{WrappingFactory: WrappingFactory{Wrapped: wrapped}, Clock: clock}
}

// BuildProtocol returns nil at MaxConnectionCount or if Wrapped refuses,
// and otherwise the wrapped protocol in a ThrottlingProtocol. The first
// connection starts the bandwidth checks.
//
// Twisted: ThrottlingFactory.buildProtocol.
func (f *ThrottlingFactory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	if f.MaxConnectionCount > 0 && f.connectionCount >= f.MaxConnectionCount {
		return nil
	}
	p := f.Wrapped.BuildProtocol(addr)
	if p == nil {
		return nil
	}
	f.connectionCount++
	if f.connectionCount == 1 {
		f.startChecks()
	}
	return &ThrottlingProtocol{ProtocolWrapper: ProtocolWrapper{Wrapped: p, Registry: f}, factory: f}
}

// UnregisterProtocol forgets p; the last connection stops the checks.
//
// Twisted: ThrottlingFactory.unregisterProtocol.
func (f *ThrottlingFactory) UnregisterProtocol(p interfaces.Protocol) {
	f.WrappingFactory.UnregisterProtocol(p)
	if f.connectionCount--; f.connectionCount == 0 {
		f.stopChecks()
	}
}

// ConnectionCount returns how many connections are open now.
//
// Twisted: ThrottlingFactory.connectionCount.
func (f *ThrottlingFactory) ConnectionCount() int { return f.connectionCount }

func (f *ThrottlingFactory) startChecks() {
	f.read, f.written = 0, 0
	if f.ReadLimit > 0 {
		f.checkReadBandwidth()
	}
	if f.WriteLimit > 0 {
		f.checkWriteBandwidth()
	}
}

func (f *ThrottlingFactory) stopChecks() {
	for _, dc := range []*interfaces.DelayedCall{&f.checkRead, &f.checkWrite, &f.unthrottleRead, &f.unthrottleWrite} {
		if *dc != nil {
			_ = (*dc).Cancel() // a call that already ran needs no cancelling
			*dc = nil
		}
	}
}

// checkReadBandwidth throttles reading if the last second's bytes passed
// ReadLimit, then starts a new second.
//
// Twisted: ThrottlingFactory.checkReadBandwidth.
func (f *ThrottlingFactory) checkReadBandwidth() {
	if f.read > f.ReadLimit {
		f.throttle(func(p *ThrottlingProtocol) { p.throttleReads(true) })
		f.unthrottleRead = f.reschedule(f.unthrottleRead, overTime(f.read, f.ReadLimit), func() {
			f.unthrottleRead = nil
			f.throttle(func(p *ThrottlingProtocol) { p.throttleReads(false) })
		})
	}
	f.read = 0
	f.checkRead = f.Clock.CallLater(time.Second, f.checkReadBandwidth)
}

// checkWriteBandwidth throttles writing if the last second's bytes passed
// WriteLimit, then starts a new second.
//
// Twisted: ThrottlingFactory.checkWriteBandwidth.
func (f *ThrottlingFactory) checkWriteBandwidth() {
	if f.written > f.WriteLimit {
		f.throttle(func(p *ThrottlingProtocol) { p.throttleWrites(true) })
		f.unthrottleWrite = f.reschedule(f.unthrottleWrite, overTime(f.written, f.WriteLimit), func() {
			f.unthrottleWrite = nil
			f.throttle(func(p *ThrottlingProtocol) { p.throttleWrites(false) })
		})
	}
	f.written = 0
	f.checkWrite = f.Clock.CallLater(time.Second, f.checkWriteBandwidth)
}

// throttle applies do to every live connection.
func (f *ThrottlingFactory) throttle(do func(p *ThrottlingProtocol)) {
	for p := range f.protocols {
		if tp, ok := p.(*ThrottlingProtocol); ok {
			do(tp)
		}
	}
}

// reschedule cancels a pending unthrottle and schedules f after d.
func (f *ThrottlingFactory) reschedule(pending interfaces.DelayedCall, d time.Duration, fn func()) interfaces.DelayedCall {
	if pending != nil {
		_ = pending.Cancel()
	}
	return f.Clock.CallLater(d, fn)
}

// overTime is how long to throttle after n bytes in a second against
// limit bytes per second: n/limit - 1 seconds, the time the excess takes
// at the limit.
func overTime(n, limit int) time.Duration {
	return time.Duration((float64(n)/float64(limit) - 1) * float64(time.Second))
}
