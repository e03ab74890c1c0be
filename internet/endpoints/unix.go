// UNIX endpoints: listening on and connecting to UNIX stream sockets.

package endpoints

import (
	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ ServerEndpoint = (*UNIXServerEndpoint)(nil)
	_ ClientEndpoint = (*UNIXClientEndpoint)(nil)
)

// UNIXServerEndpoint listens on a UNIX socket path with
// Reactor.ListenUNIX. Its fields are plain data: set them directly or use
// [NewUNIXServerEndpoint].
//
// Twisted's wantPID lock file is not offered: ListenUNIX replaces a socket
// file only when no one listens on it, which is the protection the lock
// file gave.
//
// Twisted: endpoints.UNIXServerEndpoint.
type UNIXServerEndpoint struct {
	Reactor interfaces.ReactorUNIX
	Path    string
	Options interfaces.UNIXListenOptions
}

// NewUNIXServerEndpoint returns an endpoint listening on path.
//
// Twisted: endpoints.UNIXServerEndpoint.
func NewUNIXServerEndpoint(r interfaces.ReactorUNIX, path string, opts interfaces.UNIXListenOptions) *UNIXServerEndpoint {
	return &UNIXServerEndpoint{Reactor: r, Path: path, Options: opts}
}

// Listen listens with f; see [ServerEndpoint.Listen].
//
// Twisted: UNIXServerEndpoint.listen.
func (e *UNIXServerEndpoint) Listen(f interfaces.Factory) *deferred.Deferred {
	return deferred.Maybe(func() (any, error) {
		return e.Reactor.ListenUNIX(e.Path, f, e.Options)
	})
}

// UNIXClientEndpoint connects to a UNIX socket path with
// Reactor.ConnectUNIX. Its fields are plain data: set them directly or use
// [NewUNIXClientEndpoint].
//
// Twisted: endpoints.UNIXClientEndpoint.
type UNIXClientEndpoint struct {
	Reactor interfaces.ReactorUNIX
	Path    string
	Options interfaces.UNIXConnectOptions
}

// NewUNIXClientEndpoint returns an endpoint connecting to path.
//
// Twisted: endpoints.UNIXClientEndpoint.
func NewUNIXClientEndpoint(r interfaces.ReactorUNIX, path string, opts interfaces.UNIXConnectOptions) *UNIXClientEndpoint {
	return &UNIXClientEndpoint{Reactor: r, Path: path, Options: opts}
}

// Connect makes one connection attempt with f; see
// [ClientEndpoint.Connect].
//
// Twisted: UNIXClientEndpoint.connect.
func (e *UNIXClientEndpoint) Connect(f interfaces.Factory) *deferred.Deferred {
	return connect(f, e.Path, func(wf interfaces.ClientFactory) (interfaces.Connector, error) {
		return e.Reactor.ConnectUNIX(e.Path, wf, e.Options)
	})
}
