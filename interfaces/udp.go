package interfaces

import (
	"net"

	"github.com/twistgo/twistgo/deferred"
)

// DefaultMaxPacketSize is the largest datagram read when no size is given.
const DefaultMaxPacketSize = 8192

// UDPListenOptions tunes ListenUDP. The zero value means Twisted's defaults.
type UDPListenOptions struct {
	// Interface is the address to bind, as for TCPListenOptions.
	Interface string
	// MaxPacketSize is the largest datagram delivered whole; longer ones
	// are truncated by the kernel. 0 means DefaultMaxPacketSize.
	MaxPacketSize int
}

// DatagramProtocol is the user's side of a UDP socket.
//
// All methods run on the reactor goroutine and never overlap.
//
// Twisted: DatagramProtocol.
type DatagramProtocol interface {
	// MakeConnection hands the protocol its transport, before
	// StartProtocol.
	MakeConnection(t DatagramTransport)

	// StartProtocol is called once the socket is listening.
	StartProtocol()

	// StopProtocol is called once the socket stopped listening.
	StopProtocol()

	// DatagramReceived is called with one datagram and its sender. data
	// aliases the reactor's read buffer and is valid only until the call
	// returns.
	DatagramReceived(data []byte, addr net.Addr)

	// ConnectionRefused is called, in connected mode, when the peer
	// reported that nothing listens (ICMP port unreachable).
	ConnectionRefused()
}

// DatagramTransport sends datagrams from a listening UDP socket.
//
// All methods: Call only on the reactor goroutine.
//
// Twisted: IUDPTransport.
type DatagramTransport interface {
	// Write sends one datagram to addr, or to the connected peer when addr
	// is nil. It returns ErrMessageTooLong, ErrConnectionRefused (connected
	// mode), ErrNotConnected, or the send error. A full socket buffer drops
	// the datagram silently, as UDP may.
	Write(data []byte, addr net.Addr) error

	// Connect fixes the peer: only its datagrams are received, Write needs
	// no address, and refusals are reported. host must be an IP literal.
	Connect(host string, port int) error

	// SetBroadcastAllowed sets SO_BROADCAST.
	SetBroadcastAllowed(on bool) error

	// GetHost returns the bound address.
	GetHost() net.Addr

	// StopListening closes the socket; the Deferred fires once it is closed
	// and the protocol told StopProtocol.
	StopListening() *deferred.Deferred
}

// ReactorUDP makes UDP sockets.
//
// Twisted: IReactorUDP.
type ReactorUDP interface {
	// ListenUDP binds port (0: the system picks) and delivers datagrams to
	// p. It returns a *CannotListenError when the port cannot be bound.
	// Call only on the reactor goroutine, or before Run.
	//
	// Twisted: IReactorUDP.listenUDP.
	ListenUDP(port int, p DatagramProtocol, opts UDPListenOptions) (DatagramTransport, error)
}
