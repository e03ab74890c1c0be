// Connect's plumbing: a ClientFactory wrapping the user's Factory, and a
// Protocol wrapping the user's Protocol, so the Deferred fires with the
// user's protocol once it is connected.

package endpoints

import (
	"net"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.ClientFactory = (*wrappingFactory)(nil)

// connect starts an attempt with a factory wrapping f and returns the
// Deferred of ClientEndpoint.Connect. dest names the destination in a
// cancellation error. A synchronous error or panic of start becomes the
// Deferred's failure.
func connect(f interfaces.Factory, dest string, start func(interfaces.ClientFactory) (interfaces.Connector, error)) *deferred.Deferred {
	w := &wrappingFactory{inner: f, dest: dest}
	w.done = deferred.New(w.cancel)
	return deferred.Maybe(func() (any, error) {
		c, err := start(w)
		if err != nil {
			return nil, err
		}
		if w.connector == nil {
			w.connector = c
		}
		return w.done, nil
	})
}

// wrappingFactory is the ClientFactory a client endpoint hands the
// reactor. It reports the attempt's outcome in done.
//
// Twisted: endpoints._WrappingFactory.
type wrappingFactory struct {
	inner     interfaces.Factory
	dest      string
	done      *deferred.Deferred
	connector interfaces.Connector
}

// cancel is done's canceller: fail with ErrConnectingCancelled, then
// abandon the attempt (whose failure report then finds done fired).
func (w *wrappingFactory) cancel(d *deferred.Deferred) {
	_ = d.Errback(&interfaces.ConnectError{Addr: w.dest, Err: interfaces.ErrConnectingCancelled})
	if w.connector != nil {
		_ = w.connector.StopConnecting()
	}
}

// fail fails done unless it has fired.
func (w *wrappingFactory) fail(err error) {
	if !w.done.Called() {
		_ = w.done.Errback(err)
	}
}

// BuildProtocol asks the user's factory for a protocol and wraps it; a
// nil protocol or a panic fails done and refuses the connection.
func (w *wrappingFactory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	p, err := w.build(addr)
	switch {
	case err != nil:
		w.fail(err)
		return nil
	case p == nil:
		w.fail(interfaces.ErrNoProtocol)
		return nil
	}
	return wrap(p, w)
}

// build calls the user's BuildProtocol, turning a panic into an error.
func (w *wrappingFactory) build(addr net.Addr) (p interfaces.Protocol, err error) {
	defer func() {
		if v := recover(); v != nil {
			p, err = nil, deferred.NewPanicError(v)
		}
	}()
	return w.inner.BuildProtocol(addr), nil
}

// DoStart passes on to the user's factory.
func (w *wrappingFactory) DoStart() { w.inner.DoStart() }

// DoStop passes on to the user's factory.
func (w *wrappingFactory) DoStop() { w.inner.DoStop() }

// StartedConnecting keeps the connector, for cancellation.
func (w *wrappingFactory) StartedConnecting(c interfaces.Connector) { w.connector = c }

// ClientConnectionFailed fails done with the reason.
func (w *wrappingFactory) ClientConnectionFailed(_ interfaces.Connector, reason error) {
	w.fail(reason)
}

// ClientConnectionLost does nothing: the user's protocol hears of the end
// through its own ConnectionLost.
func (w *wrappingFactory) ClientConnectionLost(interfaces.Connector, error) {}
