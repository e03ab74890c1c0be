// The datagram services: EchoUDP, DaytimeUDP and TimeUDP.

package wire

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

var (
	_ interfaces.DatagramProtocol = (*EchoUDP)(nil)
	_ interfaces.DatagramProtocol = (*DaytimeUDP)(nil)
	_ interfaces.DatagramProtocol = (*TimeUDP)(nil)
)

// EchoUDP sends each datagram back to its sender (RFC 862). A reply that
// cannot be sent is dropped, as UDP may. Call only on the reactor
// goroutine.
//
// Twisted: wire.Echo (TCP only there).
type EchoUDP struct{ protocol.DatagramBase }

// DatagramReceived sends data back to addr.
func (e *EchoUDP) DatagramReceived(data []byte, addr net.Addr) {
	_ = e.Transport.Write(data, addr) // UDP: a lost reply is the sender's to retry
}

// DaytimeUDP answers each datagram, whatever it holds, with the time as
// Daytime writes it (RFC 867). Call only on the reactor goroutine.
//
// Twisted: wire.Daytime (TCP only there).
type DaytimeUDP struct {
	protocol.DatagramBase
	// Clock tells the time; nil means the system clock.
	Clock interfaces.ReactorTime
}

// DatagramReceived sends the time to addr.
func (d *DaytimeUDP) DatagramReceived(data []byte, addr net.Addr) {
	_ = d.Transport.Write(daytime(d.Clock), addr)
}

// TimeUDP answers each datagram, whatever it holds, with the time as Time
// writes it (RFC 868). Call only on the reactor goroutine.
//
// Twisted: wire.Time (TCP only there).
type TimeUDP struct {
	protocol.DatagramBase
	// Clock tells the time; nil means the system clock.
	Clock interfaces.ReactorTime
}

// DatagramReceived sends the time to addr.
func (t *TimeUDP) DatagramReceived(data []byte, addr net.Addr) {
	_ = t.Transport.Write(rfc868(t.Clock), addr)
}
