// ProtocolWrapper's protocol side: what the real transport calls.

package policies

import (
	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.HalfCloseableProtocol = (*ProtocolWrapper)(nil)
	_ interfaces.TCPTransport          = (*ProtocolWrapper)(nil)
)

// Registry is told when a wrapped connection starts and ends, so a factory
// can keep track of its live connections.
//
// Twisted: WrappingFactory.registerProtocol, unregisterProtocol.
type Registry interface {
	// RegisterProtocol is called from the wrapper's MakeConnection with the
	// wrapper as the framework sees it.
	RegisterProtocol(p interfaces.Protocol)
	// UnregisterProtocol is called from the wrapper's ConnectionLost with
	// the same value.
	UnregisterProtocol(p interfaces.Protocol)
}

// ProtocolWrapper stands between a transport and the protocol it wraps: to
// the transport it is the protocol, and to the wrapped protocol it is the
// transport. Everything is forwarded both ways, so on its own it changes
// nothing; policies embed it and override what they watch or change.
//
// The wrapper is always half-closeable. If the wrapped protocol is not,
// the peer's end of input closes the connection once our output is sent,
// and the wrapped protocol is told ConnectionLost(ErrConnectionDone).
//
// Call only on the reactor goroutine.
//
// Twisted: policies.ProtocolWrapper.
type ProtocolWrapper struct {
	// Wrapped is the protocol being wrapped.
	Wrapped interfaces.Protocol
	// Transport is the real transport, set by MakeConnection.
	Transport interfaces.Transport
	// Registry, if set, is told when the connection starts and ends.
	Registry Registry

	outer         interfaces.Protocol // what Registry is told about
	disconnecting bool
}

// NewProtocolWrapper returns a wrapper of wrapped that tells reg (which may
// be nil) about the connection.
//
// Twisted: ProtocolWrapper.__init__.
func NewProtocolWrapper(reg Registry, wrapped interfaces.Protocol) *ProtocolWrapper {
	return &ProtocolWrapper{Wrapped: wrapped, Registry: reg}
}

// MakeConnection stores t, registers the wrapper, and hands the wrapper to
// the wrapped protocol as its transport.
//
// Twisted: ProtocolWrapper.makeConnection.
func (w *ProtocolWrapper) MakeConnection(t interfaces.Transport) { w.MakeConnectionAs(t, w) }

// MakeConnectionAs is MakeConnection for a type that embeds the wrapper:
// outer, the embedding value, is registered and handed to the wrapped
// protocol as its transport, so the outer type's overrides (of Write, for
// example) see the wrapped protocol's calls. Call it from the outer type's
// MakeConnection.
func (w *ProtocolWrapper) MakeConnectionAs(t interfaces.Transport, outer interface {
	interfaces.Protocol
	interfaces.Transport
}) {
	w.Transport = t
	w.outer = outer
	if w.Registry != nil {
		w.Registry.RegisterProtocol(outer)
	}
	w.Wrapped.MakeConnection(outer)
}

// ConnectionMade tells the wrapped protocol.
//
// Twisted: ProtocolWrapper.connectionMade.
func (w *ProtocolWrapper) ConnectionMade() { w.Wrapped.ConnectionMade() }

// DataReceived hands data to the wrapped protocol.
//
// Twisted: ProtocolWrapper.dataReceived.
func (w *ProtocolWrapper) DataReceived(data []byte) { w.Wrapped.DataReceived(data) }

// ConnectionLost unregisters the wrapper and tells the wrapped protocol.
//
// Twisted: ProtocolWrapper.connectionLost.
func (w *ProtocolWrapper) ConnectionLost(reason error) {
	if w.Registry != nil && w.outer != nil {
		w.Registry.UnregisterProtocol(w.outer)
	}
	w.Wrapped.ConnectionLost(reason)
}

// ReadConnectionLost tells a half-closeable wrapped protocol that the peer
// will send no more; for any other, it closes the connection once the
// output is sent.
//
// Twisted: ProtocolWrapper.readConnectionLost.
func (w *ProtocolWrapper) ReadConnectionLost() {
	if h, ok := w.Wrapped.(interfaces.HalfCloseableProtocol); ok {
		h.ReadConnectionLost()
		return
	}
	w.Transport.LoseConnection()
}

// WriteConnectionLost tells a half-closeable wrapped protocol that our
// write side is shut down.
//
// Twisted: ProtocolWrapper.writeConnectionLost.
func (w *ProtocolWrapper) WriteConnectionLost() {
	if h, ok := w.Wrapped.(interfaces.HalfCloseableProtocol); ok {
		h.WriteConnectionLost()
	}
}
