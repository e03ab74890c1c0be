// WrappingFactory: wraps every protocol a factory builds and keeps track
// of the live connections.

package policies

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.ClientFactory = (*WrappingFactory)(nil)
	_ Registry                 = (*WrappingFactory)(nil)
)

// WrappingFactory builds its protocols with Wrapped and wraps each in a
// ProtocolWrapper registered with it, so Protocols lists the live
// connections. It forwards DoStart, DoStop and, if Wrapped is a
// ClientFactory, the client notices.
//
// Policy factories embed it and build their own wrappers, with the policy
// factory as their Registry. Call only on the reactor goroutine.
//
// Twisted: policies.WrappingFactory.
type WrappingFactory struct {
	// Wrapped builds the protocols to wrap.
	Wrapped interfaces.Factory

	protocols map[interfaces.Protocol]struct{}
}

// NewWrappingFactory returns a WrappingFactory around wrapped.
//
// Twisted: WrappingFactory.__init__.
func NewWrappingFactory(wrapped interfaces.Factory) *WrappingFactory {
	return &WrappingFactory{Wrapped: wrapped}
}

// BuildProtocol wraps the protocol Wrapped builds. Unlike Twisted's, it
// returns nil when Wrapped refuses the connection.
//
// Twisted: WrappingFactory.buildProtocol.
func (f *WrappingFactory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	p := f.Wrapped.BuildProtocol(addr)
	if p == nil {
		return nil
	}
	return NewProtocolWrapper(f, p)
}

// DoStart forwards to Wrapped.
//
// Twisted: WrappingFactory.doStart.
func (f *WrappingFactory) DoStart() { f.Wrapped.DoStart() }

// DoStop forwards to Wrapped.
//
// Twisted: WrappingFactory.doStop.
func (f *WrappingFactory) DoStop() { f.Wrapped.DoStop() }

// StartedConnecting forwards to Wrapped if it is a ClientFactory.
//
// Twisted: WrappingFactory.startedConnecting.
func (f *WrappingFactory) StartedConnecting(c interfaces.Connector) {
	if cf, ok := f.Wrapped.(interfaces.ClientFactory); ok {
		cf.StartedConnecting(c)
	}
}

// ClientConnectionFailed forwards to Wrapped if it is a ClientFactory.
//
// Twisted: WrappingFactory.clientConnectionFailed.
func (f *WrappingFactory) ClientConnectionFailed(c interfaces.Connector, reason error) {
	if cf, ok := f.Wrapped.(interfaces.ClientFactory); ok {
		cf.ClientConnectionFailed(c, reason)
	}
}

// ClientConnectionLost forwards to Wrapped if it is a ClientFactory.
//
// Twisted: WrappingFactory.clientConnectionLost.
func (f *WrappingFactory) ClientConnectionLost(c interfaces.Connector, reason error) {
	if cf, ok := f.Wrapped.(interfaces.ClientFactory); ok {
		cf.ClientConnectionLost(c, reason)
	}
}

// RegisterProtocol adds p to the live connections.
//
// Twisted: WrappingFactory.registerProtocol.
func (f *WrappingFactory) RegisterProtocol(p interfaces.Protocol) {
	if f.protocols == nil {
		f.protocols = make(map[interfaces.Protocol]struct{})
	}
	f.protocols[p] = struct{}{}
}

// UnregisterProtocol removes p from the live connections.
//
// Twisted: WrappingFactory.unregisterProtocol.
func (f *WrappingFactory) UnregisterProtocol(p interfaces.Protocol) { delete(f.protocols, p) }

// Protocols returns the live connections' wrappers, in no particular order,
// in a slice the caller owns.
//
// Twisted: WrappingFactory.protocols.
func (f *WrappingFactory) Protocols() []interfaces.Protocol {
	out := make([]interfaces.Protocol, 0, len(f.protocols))
	for p := range f.protocols {
		out = append(out, p)
	}
	return out
}
