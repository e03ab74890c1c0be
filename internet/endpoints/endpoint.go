// The endpoint contracts, and the reactor surface the string parsers need.

package endpoints

import (
	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// ServerEndpoint is a place to listen for stream connections, such as a TCP
// port or a UNIX socket path.
//
// Twisted: IStreamServerEndpoint.
type ServerEndpoint interface {
	// Listen starts listening with f building a protocol per connection.
	// The Deferred fires with the interfaces.ListeningPort, or fails with
	// the reactor's error (a *interfaces.CannotListenError when the address
	// cannot be bound); the reactor's synchronous errors arrive as that
	// failure too. Call only on the reactor goroutine.
	//
	// Twisted: IStreamServerEndpoint.listen.
	Listen(f interfaces.Factory) *deferred.Deferred
}

// ClientEndpoint is a place to connect to, such as a TCP host and port or a
// UNIX socket path.
//
// Twisted: IStreamClientEndpoint.
type ClientEndpoint interface {
	// Connect starts one connection attempt and builds its protocol with
	// f. The Deferred fires with the interfaces.Protocol f built, right
	// after that protocol's ConnectionMade has returned. It fails with
	// interfaces.ErrNoProtocol if f builds none, with the connect failure
	// (a *interfaces.ConnectError) if the attempt fails, and with a
	// *interfaces.ConnectError wrapping interfaces.ErrConnectingCancelled if
	// it is cancelled before the connection is made (the attempt is then
	// abandoned). Call only on the reactor goroutine.
	//
	// Twisted: IStreamClientEndpoint.connect.
	Connect(f interfaces.Factory) *deferred.Deferred
}

// Reactor is what the string parsers need from a reactor: TCP and UNIX
// stream sockets. Every reactor in package internet, and
// internettest.MemoryReactor, implement it.
type Reactor interface {
	interfaces.ReactorTCP
	interfaces.ReactorUNIX
}
