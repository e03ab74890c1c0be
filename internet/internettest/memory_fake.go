// FakePort and FakeConnector: what MemoryReactor's Listen* and Connect*
// return, and the handles a test drives connections through.

package internettest

import (
	"fmt"
	"net"
	"slices"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.ListeningPort     = (*FakePort)(nil)
	_ interfaces.DatagramTransport = (*FakePort)(nil)
	_ interfaces.Connector         = (*FakeConnector)(nil)
)

// FakePort is the listening port a MemoryReactor returns from ListenTCP and
// ListenUNIX, and the datagram transport it returns from ListenUDP. It
// opens nothing; Accept plays an incoming connection.
//
// Twisted: testing._FakePort.
type FakePort struct {
	Host      net.Addr           // what GetHost returns
	Factory   interfaces.Factory // nil for UDP
	Listening bool               // false after StopListening
	Written   []Datagram         // datagrams written, in order (UDP)
	Peer      net.Addr           // set by Connect (UDP)
	Broadcast bool               // set by SetBroadcastAllowed (UDP)
}

// Datagram is one write on a FakePort. Data is a copy the port owns.
type Datagram struct {
	Data []byte
	Addr net.Addr // nil: to the connected peer
}

// Accept plays a connection from t's peer: it asks Factory for a protocol,
// hands it t with MakeConnection and calls ConnectionMade, and returns it.
// A factory that builds none gets t.LoseConnection, as a real port closes
// the socket; Accept then returns nil (so it does on a UDP port).
func (p *FakePort) Accept(t interfaces.Transport) interfaces.Protocol {
	if p.Factory == nil {
		return nil
	}
	proto := p.Factory.BuildProtocol(t.GetPeer())
	if proto == nil {
		t.LoseConnection()
		return nil
	}
	proto.MakeConnection(t)
	proto.ConnectionMade()
	return proto
}

// StartListening listens again; ErrAlreadyListening if listening.
func (p *FakePort) StartListening() error {
	if p.Listening {
		return interfaces.ErrAlreadyListening
	}
	p.Listening = true
	return nil
}

// StopListening stops listening; the Deferred has fired with nil, or
// failed with ErrNotListening.
func (p *FakePort) StopListening() *deferred.Deferred {
	if !p.Listening {
		return deferred.Fail(interfaces.ErrNotListening)
	}
	p.Listening = false
	return deferred.Succeed(nil)
}

// GetHost returns Host.
func (p *FakePort) GetHost() net.Addr { return p.Host }

// Write records a copy of data in Written. It returns ErrNotConnected
// when addr is nil and Connect was not called.
func (p *FakePort) Write(data []byte, addr net.Addr) error {
	if addr == nil && p.Peer == nil {
		return interfaces.ErrNotConnected
	}
	p.Written = append(p.Written, Datagram{slices.Clone(data), addr})
	return nil
}

// Connect sets Peer; host must be an IP literal (else an error wrapping
// ErrInvalidArgument).
func (p *FakePort) Connect(host string, port int) error {
	ip := net.ParseIP(host)
	if ip == nil {
		return fmt.Errorf("%w: %q is not an IP address", interfaces.ErrInvalidArgument, host)
	}
	p.Peer = &net.UDPAddr{IP: ip, Port: port}
	return nil
}

// SetBroadcastAllowed records on in Broadcast.
func (p *FakePort) SetBroadcastAllowed(on bool) error {
	p.Broadcast = on
	return nil
}

// connState is where a FakeConnector is in its life.
type connState int

const (
	disconnected connState = iota
	connecting
	connected
)

// FakeConnector is the connector a MemoryReactor returns from ConnectTCP
// and ConnectUNIX. It starts connecting; the test ends the attempt with
// Succeed or Fail, and a connection with Lost. It tells Factory what a
// real connector would: StartedConnecting per attempt,
// ClientConnectionFailed (also from StopConnecting, with
// ErrConnectingCancelled) and ClientConnectionLost.
//
// Twisted: testing._FakeConnector.
type FakeConnector struct {
	Destination       net.Addr                 // what GetDestination returns
	Factory           interfaces.ClientFactory // told of every step
	Attempts          int                      // Connect calls that started an attempt
	StoppedConnecting bool                     // StopConnecting succeeded
	Disconnected      bool                     // Disconnect was called
	Transport         interfaces.Transport     // the transport given to Succeed, while connected

	state connState
}

func newFakeConnector(dest net.Addr, f interfaces.ClientFactory) *FakeConnector {
	return &FakeConnector{Destination: dest, Factory: f}
}

// Connecting reports whether an attempt is in progress.
func (c *FakeConnector) Connecting() bool { return c.state == connecting }

// Connect starts an attempt; ErrAlreadyConnecting unless disconnected.
func (c *FakeConnector) Connect() error {
	if c.state != disconnected {
		return interfaces.ErrAlreadyConnecting
	}
	c.state = connecting
	c.Attempts++
	c.Factory.StartedConnecting(c)
	return nil
}

// StopConnecting abandons the attempt and tells Factory
// ClientConnectionFailed with a *ConnectError wrapping
// ErrConnectingCancelled; ErrNotConnecting if no attempt is in progress.
//
// Twisted: _FakeConnector.stopConnecting.
func (c *FakeConnector) StopConnecting() error {
	if c.state != connecting {
		return interfaces.ErrNotConnecting
	}
	c.StoppedConnecting = true
	return c.Fail(c.connectError(interfaces.ErrConnectingCancelled))
}

// Disconnect records the call, then stops connecting or loses the
// connection, whichever applies.
func (c *FakeConnector) Disconnect() {
	c.Disconnected = true
	switch c.state {
	case connecting:
		_ = c.StopConnecting()
	case connected:
		c.Transport.LoseConnection()
	}
}

// GetDestination returns Destination.
func (c *FakeConnector) GetDestination() net.Addr { return c.Destination }

// Succeed completes the attempt over t: Factory builds a protocol, which is
// handed t with MakeConnection, told ConnectionMade, and returned. A
// factory that builds none is told ClientConnectionFailed with a
// *ConnectError wrapping ErrNoProtocol, and Succeed returns nil. It
// returns ErrNotConnecting if no attempt is in progress.
//
// Twisted: iosim.ConnectionCompleter.succeedOnce.
func (c *FakeConnector) Succeed(t interfaces.Transport) (interfaces.Protocol, error) {
	if c.state != connecting {
		return nil, interfaces.ErrNotConnecting
	}
	p := c.Factory.BuildProtocol(c.Destination)
	if p == nil {
		return nil, c.Fail(c.connectError(interfaces.ErrNoProtocol))
	}
	c.state, c.Transport = connected, t
	p.MakeConnection(t)
	p.ConnectionMade()
	return p, nil
}

// Fail ends the attempt and tells Factory ClientConnectionFailed with
// reason; ErrNotConnecting if no attempt is in progress.
//
// Twisted: iosim.ConnectionCompleter.failOnce.
func (c *FakeConnector) Fail(reason error) error {
	if c.state != connecting {
		return interfaces.ErrNotConnecting
	}
	c.state = disconnected
	c.Factory.ClientConnectionFailed(c, reason)
	return nil
}

// Lost ends the connection and tells Factory ClientConnectionLost with
// reason; it does not touch the protocol, whose transport reports the end
// itself. It returns ErrNotConnected if not connected.
func (c *FakeConnector) Lost(reason error) error {
	if c.state != connected {
		return interfaces.ErrNotConnected
	}
	c.state, c.Transport = disconnected, nil
	c.Factory.ClientConnectionLost(c, reason)
	return nil
}

func (c *FakeConnector) connectError(err error) error {
	return &interfaces.ConnectError{Addr: c.Destination.String(), Err: err}
}
