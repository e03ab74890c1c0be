// TCP endpoints: listening on and connecting to TCP ports.

package endpoints

import (
	"net"
	"strconv"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ ServerEndpoint = (*TCPServerEndpoint)(nil)
	_ ClientEndpoint = (*TCPClientEndpoint)(nil)
)

// TCPServerEndpoint listens on a TCP port with Reactor.ListenTCP. Its
// fields are plain data: set them directly or use [NewTCP4ServerEndpoint]
// or [NewTCP6ServerEndpoint]. Options.Interface chooses the address family
// as ListenTCP does.
//
// Twisted: endpoints.TCP4ServerEndpoint, endpoints.TCP6ServerEndpoint.
type TCPServerEndpoint struct {
	Reactor interfaces.ReactorTCP
	Port    int // 0: the system picks; read it from the port's GetHost
	Options interfaces.TCPListenOptions
}

// NewTCP4ServerEndpoint returns an endpoint listening on port; an empty
// opts.Interface means every IPv4 address.
//
// Twisted: endpoints.TCP4ServerEndpoint.
func NewTCP4ServerEndpoint(r interfaces.ReactorTCP, port int, opts interfaces.TCPListenOptions) *TCPServerEndpoint {
	return &TCPServerEndpoint{Reactor: r, Port: port, Options: opts}
}

// NewTCP6ServerEndpoint returns an endpoint listening on port over IPv6;
// an empty opts.Interface means "::", every IPv6 address.
//
// Twisted: endpoints.TCP6ServerEndpoint.
func NewTCP6ServerEndpoint(r interfaces.ReactorTCP, port int, opts interfaces.TCPListenOptions) *TCPServerEndpoint {
	if opts.Interface == "" {
		opts.Interface = "::"
	}
	return &TCPServerEndpoint{Reactor: r, Port: port, Options: opts}
}

// Listen listens with f; see [ServerEndpoint.Listen].
//
// Twisted: TCP4ServerEndpoint.listen.
func (e *TCPServerEndpoint) Listen(f interfaces.Factory) *deferred.Deferred {
	return deferred.Maybe(func() (any, error) {
		return e.Reactor.ListenTCP(e.Port, f, e.Options)
	})
}

// TCPClientEndpoint connects to a TCP host and port with
// Reactor.ConnectTCP. Host may be a name or an IP literal. Its fields are
// plain data: set them directly or use [NewTCP4ClientEndpoint].
//
// Twisted: endpoints.TCP4ClientEndpoint.
type TCPClientEndpoint struct {
	Reactor interfaces.ReactorTCP
	Host    string
	Port    int
	Options interfaces.TCPConnectOptions
}

// NewTCP4ClientEndpoint returns an endpoint connecting to host:port.
//
// Twisted: endpoints.TCP4ClientEndpoint.
func NewTCP4ClientEndpoint(r interfaces.ReactorTCP, host string, port int, opts interfaces.TCPConnectOptions) *TCPClientEndpoint {
	return &TCPClientEndpoint{Reactor: r, Host: host, Port: port, Options: opts}
}

// Connect makes one connection attempt with f; see
// [ClientEndpoint.Connect].
//
// Twisted: TCP4ClientEndpoint.connect.
func (e *TCPClientEndpoint) Connect(f interfaces.Factory) *deferred.Deferred {
	dest := net.JoinHostPort(e.Host, strconv.Itoa(e.Port))
	return connect(f, dest, func(wf interfaces.ClientFactory) (interfaces.Connector, error) {
		return e.Reactor.ConnectTCP(e.Host, e.Port, wf, e.Options)
	})
}
