// Factory: builds a protocol per connection from a function and counts the
// ports and connectors using it.

package protocol

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.Factory = (*Factory)(nil)

// Factory builds a protocol for each connection by calling Build, and counts
// the ports and connectors that use it so StartFactory runs when the first
// one starts and StopFactory when the last one stops.
//
// Use it as it is (NewFactory, ForProtocol) or embed it in a factory type of
// your own. Call only on the reactor goroutine.
//
// Twisted: protocol.Factory.
type Factory struct {
	// Build returns the protocol for a connection from (or to) addr, or nil
	// to refuse the connection. A nil Build refuses every connection.
	Build func(addr net.Addr) interfaces.Protocol
	// StartFactory, if set, runs when the first port or connector starts
	// using the factory: a place to open resources shared by connections.
	StartFactory func()
	// StopFactory, if set, runs when the last port or connector is done.
	StopFactory func()

	numPorts int
	built    int
}

// NewFactory returns a Factory that builds protocols with build.
//
// Twisted: protocol.Factory.
func NewFactory(build func(addr net.Addr) interfaces.Protocol) *Factory {
	return &Factory{Build: build}
}

// ForProtocol returns a Factory that builds every protocol with newP, which
// must return a new, non-nil protocol on each call.
//
// Twisted: Factory.forProtocol.
func ForProtocol[P interfaces.Protocol](newP func() P) *Factory {
	return NewFactory(func(net.Addr) interfaces.Protocol { return newP() })
}

// BuildProtocol calls Build and counts the protocols it returns.
//
// Twisted: Factory.buildProtocol.
func (f *Factory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	if f.Build == nil {
		return nil
	}
	p := f.Build(addr)
	if p != nil {
		f.built++
	}
	return p
}

// DoStart counts a port or connector that starts using the factory, and
// runs StartFactory for the first.
//
// Twisted: Factory.doStart.
func (f *Factory) DoStart() {
	f.numPorts++
	if f.numPorts == 1 && f.StartFactory != nil {
		f.StartFactory()
	}
}

// DoStop counts a port or connector that is done with the factory, and
// runs StopFactory for the last. Calls beyond the DoStart calls are
// ignored.
//
// Twisted: Factory.doStop.
func (f *Factory) DoStop() {
	if f.numPorts == 0 {
		return
	}
	f.numPorts--
	if f.numPorts == 0 && f.StopFactory != nil {
		f.StopFactory()
	}
}

// NumPorts returns how many ports and connectors use the factory now.
//
// Twisted: Factory.numPorts.
func (f *Factory) NumPorts() int { return f.numPorts }

// Built returns how many protocols BuildProtocol has built (nil results,
// which refuse a connection, are not counted).
func (f *Factory) Built() int { return f.built }
