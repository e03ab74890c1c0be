// Base and DatagramBase: embeddable protocols with no-op defaults.

package protocol

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.Protocol         = (*Base)(nil)
	_ interfaces.DatagramProtocol = (*DatagramBase)(nil)
)

// Base is a stream protocol that keeps its transport and does nothing else.
// Embed it and define the methods you need; the framework calls them on
// your value.
//
//	type greeter struct{ protocol.Base }
//
//	func (g *greeter) ConnectionMade() { g.Transport.Write([]byte("hello\r\n")) }
//
// A type that defines its own MakeConnection or ConnectionLost should call
// Base's from it to keep Transport and Connected right. Call only on the
// reactor goroutine.
//
// Twisted: protocol.Protocol.
type Base struct {
	// Transport is the connection, set by MakeConnection.
	Transport interfaces.Transport
	// Connected is true from MakeConnection until ConnectionLost.
	Connected bool
}

// MakeConnection stores t and marks the protocol connected. Unlike
// Twisted's, it does not call ConnectionMade: the framework does, on the
// user's value.
//
// Twisted: BaseProtocol.makeConnection.
func (b *Base) MakeConnection(t interfaces.Transport) {
	b.Transport = t
	b.Connected = true
}

// ConnectionMade does nothing.
//
// Twisted: BaseProtocol.connectionMade.
func (b *Base) ConnectionMade() {}

// DataReceived discards data.
//
// Twisted: Protocol.dataReceived.
func (b *Base) DataReceived(data []byte) {}

// ConnectionLost marks the protocol disconnected. Transport stays set, so a
// protocol may still ask it for its addresses.
//
// Twisted: Protocol.connectionLost.
func (b *Base) ConnectionLost(reason error) { b.Connected = false }

// DatagramBase is a datagram protocol that keeps its transport and does
// nothing else. Embed it and define the methods you need. Call only on the
// reactor goroutine.
//
// Twisted: protocol.DatagramProtocol.
type DatagramBase struct {
	// Transport is the socket, set by MakeConnection.
	Transport interfaces.DatagramTransport
}

// MakeConnection stores t.
//
// Twisted: AbstractDatagramProtocol.makeConnection.
func (b *DatagramBase) MakeConnection(t interfaces.DatagramTransport) { b.Transport = t }

// StartProtocol does nothing.
//
// Twisted: AbstractDatagramProtocol.startProtocol.
func (b *DatagramBase) StartProtocol() {}

// StopProtocol does nothing.
//
// Twisted: AbstractDatagramProtocol.stopProtocol.
func (b *DatagramBase) StopProtocol() {}

// DatagramReceived discards the datagram.
//
// Twisted: AbstractDatagramProtocol.datagramReceived.
func (b *DatagramBase) DatagramReceived(data []byte, addr net.Addr) {}

// ConnectionRefused does nothing.
//
// Twisted: DatagramProtocol.connectionRefused.
func (b *DatagramBase) ConnectionRefused() {}
