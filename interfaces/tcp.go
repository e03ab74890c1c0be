package interfaces

import (
	"net"
	"time"
)

// DefaultBacklog is the listen(2) backlog used when none is given.
const DefaultBacklog = 50

// DefaultConnectTimeout bounds a connection attempt when no timeout is given.
const DefaultConnectTimeout = 30 * time.Second

// TCPListenOptions tunes ListenTCP. The zero value means Twisted's defaults.
type TCPListenOptions struct {
	// Backlog is the listen(2) backlog; 0 means DefaultBacklog.
	Backlog int
	// Interface is the address to bind: "" means every IPv4 address; an
	// IPv6 literal such as "::1" or "::" gives an IPv6 socket.
	Interface string
	// MaxConnections, if positive, bounds how many connections accepted by
	// the port may be open at once. At the limit the port stops accepting:
	// further clients wait in the kernel's listen queue (see Backlog) until
	// one of the port's connections ends. 0 means no limit.
	MaxConnections int
}

// TCPConnectOptions tunes ConnectTCP. The zero value means Twisted's
// defaults.
type TCPConnectOptions struct {
	// Timeout bounds the attempt; 0 means DefaultConnectTimeout.
	Timeout time.Duration
	// BindAddress, if set, is the local address to bind before connecting.
	BindAddress *net.TCPAddr
}

// ReactorTCP makes TCP servers and clients.
//
// Twisted: IReactorTCP.
type ReactorTCP interface {
	// ListenTCP listens on port (0: the system picks; read it back with
	// GetHost) and builds a protocol with f for every accepted connection.
	// It returns a *CannotListenError when the port cannot be bound, and an
	// error wrapping ErrInvalidArgument for a port outside 0..65535.
	// Call only on the reactor goroutine, or before Run.
	//
	// Twisted: IReactorTCP.listenTCP.
	ListenTCP(port int, f Factory, opts TCPListenOptions) (ListeningPort, error)

	// ConnectTCP starts connecting to host:port; host may be a name, which
	// is resolved without blocking the loop. The outcome reaches f's
	// ClientFactory methods. It returns an error only for bad arguments
	// (wrapping ErrInvalidArgument). Call only on the reactor goroutine, or
	// before Run.
	//
	// Twisted: IReactorTCP.connectTCP.
	ConnectTCP(host string, port int, f ClientFactory, opts TCPConnectOptions) (Connector, error)
}
