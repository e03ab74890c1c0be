package interfaces

import "net"

// Protocol is the user's side of one stream connection: it is told when the
// connection is made, when bytes arrive and when it ends.
//
// Go embedding has no virtual dispatch, so the framework calls every method
// on the user's own value (the one BuildProtocol returned), never on an
// embedded helper. All methods run on the reactor goroutine and never
// overlap.
//
// Twisted: IProtocol.
type Protocol interface {
	// MakeConnection hands the protocol its transport. The framework calls
	// it once, right before ConnectionMade.
	//
	// Twisted: IProtocol.makeConnection.
	MakeConnection(t Transport)

	// ConnectionMade is called once the connection is set up; the transport
	// may be written to from here on.
	//
	// Twisted: IProtocol.connectionMade.
	ConnectionMade()

	// DataReceived is called with bytes read from the connection.
	//
	// data aliases the reactor's read buffer and is valid only until
	// DataReceived returns; copy it to keep it. Message boundaries are not
	// preserved: one message may span calls, one call may hold many
	// messages.
	//
	// Twisted: IProtocol.dataReceived.
	DataReceived(data []byte)

	// ConnectionLost is called exactly once when the connection ends, with
	// ErrConnectionDone for a clean close and an error matching
	// ErrConnectionLost otherwise (or the *PanicError of a callback that
	// panicked). Compare with errors.Is.
	//
	// Twisted: IProtocol.connectionLost.
	ConnectionLost(reason error)
}

// HalfCloseableProtocol is a Protocol that wants to know about each
// direction's end separately. If a protocol implements it, the peer's
// orderly shutdown of its write side calls ReadConnectionLost instead of
// ConnectionLost, and the protocol may go on writing.
//
// Twisted: IHalfCloseableProtocol.
type HalfCloseableProtocol interface {
	Protocol

	// ReadConnectionLost is called when the peer will send no more. The
	// protocol now owns ending the connection with LoseConnection.
	ReadConnectionLost()

	// WriteConnectionLost is called when our write side is shut down, after
	// LoseWriteConnection flushed the buffer.
	WriteConnectionLost()
}

// Factory builds a Protocol for each connection.
//
// Twisted: IProtocolFactory.
type Factory interface {
	// BuildProtocol returns the protocol for a connection from (or to)
	// addr, or nil to refuse it: a listening port then closes the socket.
	//
	// Twisted: IProtocolFactory.buildProtocol.
	BuildProtocol(addr net.Addr) Protocol

	// DoStart is called when a port starts listening or a connector starts
	// connecting with this factory. Factories count the calls, so several
	// ports may share one: the first DoStart starts the factory.
	//
	// Twisted: IProtocolFactory.doStart.
	DoStart()

	// DoStop is called when a port or connector is done with the factory;
	// the DoStop that balances the first DoStart stops it. Extra calls are
	// ignored.
	//
	// Twisted: IProtocolFactory.doStop.
	DoStop()
}

// ClientFactory is a Factory for outgoing connections, told how connecting
// goes. Its methods may call Connector.Connect to try again.
//
// Twisted: ClientFactory.
type ClientFactory interface {
	Factory

	// StartedConnecting is called when a connection attempt starts.
	StartedConnecting(c Connector)

	// ClientConnectionFailed is called when an attempt fails, with a
	// *ConnectError wrapping ErrConnectionRefused, ErrTimeout,
	// ErrDNSLookup, ErrConnectingCancelled or ErrNoProtocol.
	ClientConnectionFailed(c Connector, reason error)

	// ClientConnectionLost is called after an established connection ended,
	// with the reason its protocol was given.
	ClientConnectionLost(c Connector, reason error)
}
