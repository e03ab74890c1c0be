// LimitTotalConnectionsFactory: a cap on simultaneous connections.

package policies

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.ClientFactory = (*LimitTotalConnectionsFactory)(nil)

// LimitTotalConnectionsFactory is a WrappingFactory that allows at most
// ConnectionLimit connections at once. Beyond it, Overflow builds the
// protocol (one that says "busy" and hangs up, say), or the connection is
// refused. Overflow connections count too, as in Twisted. Call only on the
// reactor goroutine.
//
// Twisted: policies.LimitTotalConnectionsFactory.
type LimitTotalConnectionsFactory struct {
	WrappingFactory
	// ConnectionLimit is the most connections Wrapped serves at once; 0
	// means no limit.
	ConnectionLimit int
	// Overflow, if set, builds the protocol for connections beyond the
	// limit; nil refuses them.
	Overflow func(addr net.Addr) interfaces.Protocol

	count int
}

// NewLimitTotalConnectionsFactory returns a factory around wrapped that
// serves at most limit connections (0: no limit) and refuses the rest.
//
// Twisted: LimitTotalConnectionsFactory.connectionLimit.
func NewLimitTotalConnectionsFactory(wrapped interfaces.Factory, limit int) *LimitTotalConnectionsFactory {
	return &LimitTotalConnectionsFactory{WrappingFactory: WrappingFactory{Wrapped: wrapped}, ConnectionLimit: limit}
}

// BuildProtocol builds with Wrapped below the limit and with Overflow at or
// above it, and counts the connection; it returns nil if the builder does,
// or if there is no Overflow.
//
// Twisted: LimitTotalConnectionsFactory.buildProtocol.
func (f *LimitTotalConnectionsFactory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	var p interfaces.Protocol
	switch {
	case f.ConnectionLimit <= 0 || f.count < f.ConnectionLimit:
		p = f.Wrapped.BuildProtocol(addr)
	case f.Overflow != nil:
		p = f.Overflow(addr)
	}
	if p == nil {
		return nil
	}
	f.count++
	return NewProtocolWrapper(f, p)
}

// UnregisterProtocol releases p's place in the count.
//
// Twisted: LimitTotalConnectionsFactory.unregisterProtocol.
func (f *LimitTotalConnectionsFactory) UnregisterProtocol(p interfaces.Protocol) {
	f.WrappingFactory.UnregisterProtocol(p)
	f.count--
}

// ConnectionCount returns how many connections are open now.
//
// Twisted: LimitTotalConnectionsFactory.connectionCount.
func (f *LimitTotalConnectionsFactory) ConnectionCount() int { return f.count }
