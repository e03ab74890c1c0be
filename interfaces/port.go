package interfaces

import (
	"net"

	"github.com/twistgo/twistgo/deferred"
)

// ListeningPort is a socket accepting connections (or datagrams) for a
// factory.
//
// Twisted: IListeningPort.
type ListeningPort interface {
	// StartListening binds and listens again after StopListening. Listen*
	// methods return ports that already listen. It returns
	// ErrAlreadyListening, or a *CannotListenError.
	StartListening() error

	// StopListening closes the listening socket; connections it accepted
	// are untouched. The Deferred fires (with nil) once the socket is closed
	// and the factory told DoStop, or fails with ErrNotListening.
	StopListening() *deferred.Deferred

	// GetHost returns the bound address; with port 0, the real port.
	GetHost() net.Addr
}

// Connector is an outgoing connection's handle, for retrying or giving up.
//
// Twisted: IConnector.
type Connector interface {
	// Connect starts a new attempt. It returns ErrAlreadyConnecting unless
	// the connector is disconnected.
	Connect() error

	// StopConnecting abandons the attempt in progress: the factory is told
	// ClientConnectionFailed with ErrConnectingCancelled before it returns.
	// It returns ErrNotConnecting if no attempt is in progress.
	StopConnecting() error

	// Disconnect stops connecting, or loses the connection, whichever
	// applies.
	Disconnect()

	// GetDestination returns the address being connected to.
	GetDestination() net.Addr
}
