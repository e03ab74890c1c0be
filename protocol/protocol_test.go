package protocol_test

import (
	"errors"
	"net"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestBaseKeepsTransportAndState(t *testing.T) {
	var b protocol.Base
	tr := transporttest.Connect(&b, transporttest.NewStringTransport())
	if b.Transport != tr || !b.Connected {
		t.Fatalf("after connect: Transport %v, Connected %v", b.Transport, b.Connected)
	}
	b.DataReceived([]byte("ignored"))
	b.ConnectionLost(interfaces.ErrConnectionDone)
	if b.Connected || b.Transport != tr {
		t.Errorf("after ConnectionLost: Transport %v, Connected %v; want transport kept, false", b.Transport, b.Connected)
	}
	if len(tr.Value()) != 0 {
		t.Errorf("Base wrote %q", tr.Value())
	}
}

func TestDatagramBaseKeepsTransport(t *testing.T) {
	var b protocol.DatagramBase
	var tr interfaces.DatagramTransport = fakeDatagramTransport{}
	b.MakeConnection(tr)
	b.StartProtocol()
	b.DatagramReceived([]byte("x"), &net.UDPAddr{})
	b.ConnectionRefused()
	b.StopProtocol()
	if b.Transport != tr {
		t.Errorf("Transport = %v, want %v", b.Transport, tr)
	}
}

type fakeDatagramTransport struct{ interfaces.DatagramTransport }

// greeter embeds Base and overrides ConnectionMade, as users do.
type greeter struct {
	protocol.Base
	addr net.Addr
}

func (g *greeter) ConnectionMade() { g.Transport.Write([]byte("hello " + g.addr.String())) }

func TestFactoryBuildsAndCounts(t *testing.T) {
	f := protocol.NewFactory(func(addr net.Addr) interfaces.Protocol {
		if addr.String() == "refused:1" {
			return nil
		}
		return &greeter{addr: addr}
	})
	p := f.BuildProtocol(&net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 9})
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	if got, want := string(tr.Value()), "hello 192.0.2.7:9"; got != want {
		t.Errorf("greeting = %q, want %q", got, want)
	}
	if p := f.BuildProtocol(fakeAddr("refused:1")); p != nil {
		t.Errorf("BuildProtocol = %v, want nil", p)
	}
	f.BuildProtocol(&net.TCPAddr{})
	if got := f.Built(); got != 2 {
		t.Errorf("Built = %d, want 2", got)
	}
}

type fakeAddr string

func (a fakeAddr) Network() string { return "fake" }
func (a fakeAddr) String() string  { return string(a) }

func TestFactoryWithoutBuildRefuses(t *testing.T) {
	var f protocol.Factory
	if p := f.BuildProtocol(fakeAddr("x")); p != nil {
		t.Errorf("BuildProtocol = %v, want nil", p)
	}
}

func TestForProtocolBuildsFreshProtocols(t *testing.T) {
	f := protocol.ForProtocol(func() *protocol.Base { return &protocol.Base{} })
	a, b := f.BuildProtocol(fakeAddr("a")), f.BuildProtocol(fakeAddr("b"))
	if a == nil || a == b {
		t.Errorf("BuildProtocol returned %p and %p, want two distinct protocols", a, b)
	}
}

func TestFactoryStartStopCounting(t *testing.T) {
	var events []string
	f := protocol.Factory{
		StartFactory: func() { events = append(events, "start") },
		StopFactory:  func() { events = append(events, "stop") },
	}
	var counts []int
	for _, step := range []func(){f.DoStart, f.DoStart, f.DoStop, f.DoStop, f.DoStop, f.DoStart, f.DoStop} {
		step()
		counts = append(counts, f.NumPorts())
	}
	if diff := cmp.Diff([]int{1, 2, 1, 0, 0, 1, 0}, counts); diff != "" {
		t.Errorf("NumPorts after each step (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"start", "stop", "start", "stop"}, events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestFactoryStartStopWithoutHooks(t *testing.T) {
	var f protocol.Factory
	f.DoStart()
	f.DoStop()
	if f.NumPorts() != 0 {
		t.Errorf("NumPorts = %d, want 0", f.NumPorts())
	}
}

// retryingClient overrides one ClientFactory notice, as users do.
type retryingClient struct {
	protocol.ClientFactory
	failures []error
}

func (f *retryingClient) ClientConnectionFailed(c interfaces.Connector, reason error) {
	f.failures = append(f.failures, reason)
}

func TestClientFactoryNoticesAreOverridable(t *testing.T) {
	f := &retryingClient{}
	var cf interfaces.ClientFactory = f
	c := &fakeConnector{}
	cf.StartedConnecting(c)
	cf.ClientConnectionFailed(c, interfaces.ErrConnectionRefused)
	cf.ClientConnectionLost(c, interfaces.ErrConnectionDone)
	if len(f.failures) != 1 || !errors.Is(f.failures[0], interfaces.ErrConnectionRefused) {
		t.Errorf("failures = %v, want [ErrConnectionRefused]", f.failures)
	}
	plain := protocol.NewClientFactory(func(net.Addr) interfaces.Protocol { return &protocol.Base{} })
	if plain.BuildProtocol(fakeAddr("x")) == nil {
		t.Error("NewClientFactory's BuildProtocol returned nil")
	}
}
