// The Protocol wrapper of Connect: it connects the user's protocol and
// fires Connect's Deferred, then passes every event through.

package endpoints

import (
	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.Protocol              = (*wrappingProtocol)(nil)
	_ interfaces.HalfCloseableProtocol = halfCloseableWrapper{}
)

// wrappingProtocol stands between the transport and the user's protocol.
//
// Twisted: endpoints._WrappingProtocol.
type wrappingProtocol struct {
	inner interfaces.Protocol
	w     *wrappingFactory
	t     interfaces.Transport
	made  bool // inner got MakeConnection and ConnectionMade
}

// wrap returns the wrapper for p; it is half-closeable exactly when p is,
// since transports decide how to end a connection by that.
func wrap(p interfaces.Protocol, w *wrappingFactory) interfaces.Protocol {
	wp := &wrappingProtocol{inner: p, w: w}
	if hc, ok := p.(interfaces.HalfCloseableProtocol); ok {
		return halfCloseableWrapper{wp, hc}
	}
	return wp
}

// MakeConnection keeps the transport for ConnectionMade.
func (p *wrappingProtocol) MakeConnection(t interfaces.Transport) { p.t = t }

// ConnectionMade connects the user's protocol, as the framework would, and
// then fires Connect's Deferred with it. If the Deferred has fired already
// (the attempt was cancelled as it completed), the connection is aborted
// and the user's protocol never sees it.
func (p *wrappingProtocol) ConnectionMade() {
	if p.w.done.Called() {
		p.t.AbortConnection()
		return
	}
	p.made = true
	p.inner.MakeConnection(p.t)
	p.inner.ConnectionMade()
	_ = p.w.done.Callback(p.inner)
}

// DataReceived passes data on.
func (p *wrappingProtocol) DataReceived(data []byte) { p.inner.DataReceived(data) }

// ConnectionLost passes the reason on. If the user's ConnectionMade did not
// return (it panicked and cost the connection), Connect's Deferred fails
// with the reason.
func (p *wrappingProtocol) ConnectionLost(reason error) {
	if p.made {
		p.inner.ConnectionLost(reason)
	}
	p.w.fail(reason)
}

// halfCloseableWrapper is the wrapper of a half-closeable protocol.
type halfCloseableWrapper struct {
	*wrappingProtocol
	hc interfaces.HalfCloseableProtocol
}

// ReadConnectionLost passes the event on.
func (p halfCloseableWrapper) ReadConnectionLost() { p.hc.ReadConnectionLost() }

// WriteConnectionLost passes the event on.
func (p halfCloseableWrapper) WriteConnectionLost() { p.hc.WriteConnectionLost() }
