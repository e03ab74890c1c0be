// ProxyFactory, ProxyServer and ProxyClient: the two halves of a relayed
// connection and the factory that pairs them.

package portforward

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

var (
	_ interfaces.Factory       = (*ProxyFactory)(nil)
	_ interfaces.Protocol      = (*ProxyServer)(nil)
	_ interfaces.Protocol      = (*ProxyClient)(nil)
	_ interfaces.ClientFactory = (*clientFactory)(nil)
)

// ProxyFactory builds a ProxyServer for each accepted connection, which
// relays it to Host:Port through Reactor. Listen with it as with any
// factory. Call only on the reactor goroutine.
//
// Twisted: portforward.ProxyFactory.
type ProxyFactory struct {
	protocol.Factory
	// Reactor makes the outgoing connections.
	Reactor interfaces.ReactorTCP
	// Host and Port are where connections are relayed to.
	Host string
	Port int
	// ConnectOptions tune the outgoing connections.
	ConnectOptions interfaces.TCPConnectOptions
}

// NewProxyFactory returns a ProxyFactory relaying to host:port through
// reactor.
//
// Twisted: ProxyFactory.__init__.
func NewProxyFactory(reactor interfaces.ReactorTCP, host string, port int) *ProxyFactory {
	return &ProxyFactory{Reactor: reactor, Host: host, Port: port}
}

// BuildProtocol returns a new ProxyServer.
//
// Twisted: ProxyFactory.buildProtocol.
func (f *ProxyFactory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	return &ProxyServer{factory: f}
}

// relay is what both halves share: the link to the other half.
type relay struct {
	protocol.Base
	peer *relay
}

// DataReceived writes data to the other side.
func (r *relay) DataReceived(data []byte) {
	if r.peer != nil {
		r.peer.Transport.Write(data)
	}
}

// unlink ends the other side, once its output is sent, and breaks the link.
func (r *relay) unlink() {
	peer := r.peer
	if peer == nil {
		return
	}
	r.peer, peer.peer = nil, nil
	peer.Transport.UnregisterProducer() // our transport was its producer
	peer.Transport.LoseConnection()
}

// ProxyServer is the accepted half of a relayed connection. It stops
// reading until its ProxyClient has connected, and closes if connecting
// fails. Call only on the reactor goroutine.
//
// Twisted: portforward.ProxyServer.
type ProxyServer struct {
	relay
	factory   *ProxyFactory
	connector interfaces.Connector
}

// ConnectionMade pauses reading and starts connecting to the destination.
//
// Twisted: ProxyServer.connectionMade.
func (s *ProxyServer) ConnectionMade() {
	s.Transport.PauseProducing()
	f := s.factory
	c, err := f.Reactor.ConnectTCP(f.Host, f.Port, &clientFactory{server: s}, f.ConnectOptions)
	if err != nil {
		s.Transport.LoseConnection()
		return
	}
	s.connector = c
}

// ConnectionLost closes the client side, or stops connecting it.
//
// Twisted: Proxy.connectionLost.
func (s *ProxyServer) ConnectionLost(reason error) {
	s.Base.ConnectionLost(reason)
	if s.peer == nil && s.connector != nil {
		_ = s.connector.StopConnecting() // ErrNotConnecting: it connected or failed already
	}
	s.unlink()
}

// ProxyClient is the outgoing half of a relayed connection. Call only on
// the reactor goroutine.
//
// Twisted: portforward.ProxyClient.
type ProxyClient struct {
	relay
	server *ProxyServer
}

// ConnectionMade links the two halves, makes each transport the other's
// streaming producer, and lets the server side read.
//
// Twisted: ProxyClient.connectionMade.
func (c *ProxyClient) ConnectionMade() {
	s := c.server
	if !s.Connected {
		c.Transport.LoseConnection() // the accepted side left meanwhile
		return
	}
	c.peer, s.peer = &s.relay, &c.relay
	_ = c.Transport.RegisterProducer(s.Transport, true)
	_ = s.Transport.RegisterProducer(c.Transport, true)
	s.Transport.ResumeProducing()
}

// ConnectionLost closes the server side.
//
// Twisted: Proxy.connectionLost.
func (c *ProxyClient) ConnectionLost(reason error) {
	c.Base.ConnectionLost(reason)
	c.unlink()
}

// clientFactory builds the ProxyClient of one ProxyServer.
type clientFactory struct {
	protocol.ClientFactory
	server *ProxyServer
}

func (f *clientFactory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	return &ProxyClient{server: f.server}
}

// ClientConnectionFailed drops the server side.
func (f *clientFactory) ClientConnectionFailed(c interfaces.Connector, reason error) {
	f.server.Transport.LoseConnection()
}
