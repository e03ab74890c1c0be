// ClientFactory: a Factory for outgoing connections with no-op notices.

package protocol

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.ClientFactory = (*ClientFactory)(nil)

// ClientFactory is a Factory for outgoing connections whose connection
// notices do nothing. Embed it and define the notices you care about; the
// framework calls them on your value, and they may call Connector.Connect
// to try again. Call only on the reactor goroutine.
//
// Twisted: protocol.ClientFactory.
type ClientFactory struct {
	Factory
}

// NewClientFactory returns a ClientFactory that builds protocols with
// build.
//
// Twisted: ClientFactory.forProtocol.
func NewClientFactory(build func(addr net.Addr) interfaces.Protocol) *ClientFactory {
	return &ClientFactory{Factory: Factory{Build: build}}
}

// StartedConnecting does nothing.
//
// Twisted: ClientFactory.startedConnecting.
func (f *ClientFactory) StartedConnecting(c interfaces.Connector) {}

// ClientConnectionFailed does nothing.
//
// Twisted: ClientFactory.clientConnectionFailed.
func (f *ClientFactory) ClientConnectionFailed(c interfaces.Connector, reason error) {}

// ClientConnectionLost does nothing.
//
// Twisted: ClientFactory.clientConnectionLost.
func (f *ClientFactory) ClientConnectionLost(c interfaces.Connector, reason error) {}
