//go:build linux

package internet_test

import (
	"errors"
	"net"
	"sync/atomic"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/transport"
)

// factory builds protocols with build and counts DoStart and DoStop.
type factory struct {
	build         func(addr net.Addr) interfaces.Protocol
	starts, stops atomic.Int32
}

func (f *factory) BuildProtocol(a net.Addr) interfaces.Protocol { return f.build(a) }
func (f *factory) DoStart()                                     { f.starts.Add(1) }
func (f *factory) DoStop()                                      { f.stops.Add(1) }

// clientFactory is a factory whose connection outcomes go to channels.
type clientFactory struct {
	factory
	failed chan error
	lost   chan error
	onFail func(c interfaces.Connector, reason error)
}

func newClientFactory(build func(net.Addr) interfaces.Protocol) *clientFactory {
	return &clientFactory{factory: factory{build: build}, failed: make(chan error, 1), lost: make(chan error, 1)}
}

func (f *clientFactory) StartedConnecting(interfaces.Connector) {}

func (f *clientFactory) ClientConnectionFailed(c interfaces.Connector, reason error) {
	if f.onFail != nil {
		f.onFail(c, reason)
	}
	f.failed <- reason
}

func (f *clientFactory) ClientConnectionLost(_ interfaces.Connector, reason error) { f.lost <- reason }

// proto is a test protocol whose behaviour is a set of hooks; it runs on
// the reactor goroutine and reports through the hooks' channels.
type proto struct {
	tr   *transport.Conn
	made func(p *proto)
	data func(p *proto, b []byte)
	lost func(p *proto, reason error)
}

func (p *proto) MakeConnection(t interfaces.Transport) { p.tr = t.(*transport.Conn) }

func (p *proto) ConnectionMade() {
	if p.made != nil {
		p.made(p)
	}
}

func (p *proto) DataReceived(b []byte) {
	if p.data != nil {
		p.data(p, b)
	}
}

func (p *proto) ConnectionLost(reason error) {
	if p.lost != nil {
		p.lost(p, reason)
	}
}

// echoFactory builds protocols that write back what they receive.
func echoFactory() *factory {
	return &factory{build: func(net.Addr) interfaces.Protocol {
		return &proto{data: func(p *proto, b []byte) { p.tr.Write(b) }}
	}}
}

// listen starts a TCP port for f on r (running) and returns its address.
func listen(t *testing.T, r *internet.Reactor, f interfaces.Factory, opts interfaces.TCPListenOptions) (interfaces.ListeningPort, *net.TCPAddr) {
	t.Helper()
	if opts.Interface == "" {
		opts.Interface = "127.0.0.1"
	}
	p := internettest.OnReactor(t, r, func() (interfaces.ListeningPort, error) { return r.ListenTCP(0, f, opts) })
	return p, p.GetHost().(*net.TCPAddr)
}

// isLost reports whether reason is an unclean end matching errno.
func isLost(reason, errno error) bool {
	return errors.Is(reason, interfaces.ErrConnectionLost) && errors.Is(reason, errno)
}
