package policies_test

import (
	"errors"
	"net"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol/policies"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestProtocolWrapperForwardsProtocolCalls(t *testing.T) {
	inner := &recorder{}
	w := policies.NewProtocolWrapper(nil, inner)
	tr := transporttest.Connect(w, transporttest.NewStringTransport())
	if inner.Transport != w {
		t.Fatalf("wrapped protocol's transport = %v, want the wrapper", inner.Transport)
	}
	w.DataReceived([]byte("hi"))
	w.ReadConnectionLost() // not half-closeable: the connection is closed
	w.ConnectionLost(interfaces.ErrConnectionDone)
	if diff := cmp.Diff([]string{"made", "data:hi", "lost"}, inner.events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if !tr.Disconnecting() || !errors.Is(inner.reason, interfaces.ErrConnectionDone) {
		t.Errorf("disconnecting %v, reason %v", tr.Disconnecting(), inner.reason)
	}
}

func TestProtocolWrapperForwardsHalfClose(t *testing.T) {
	inner := &halfCloser{}
	w := policies.NewProtocolWrapper(nil, inner)
	tr := transporttest.Connect(w, transporttest.NewStringTransport())
	w.ReadConnectionLost()
	w.LoseWriteConnection()
	w.WriteConnectionLost()
	if diff := cmp.Diff([]string{"made", "read lost", "write lost"}, inner.events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if tr.Disconnecting() || !tr.WriteClosed() {
		t.Errorf("disconnecting %v, write closed %v; want false, true", tr.Disconnecting(), tr.WriteClosed())
	}
}

func TestProtocolWrapperForwardsTransportCalls(t *testing.T) {
	inner := &recorder{}
	w := policies.NewProtocolWrapper(nil, inner)
	tr := transporttest.Connect(w, &transporttest.StringTransport{Peer: tcpAddr("192.0.2.9", 1)})
	var got interfaces.TCPTransport = w

	got.Write([]byte("a"))
	got.WriteSequence([][]byte{[]byte("b"), []byte("c")})
	if string(tr.Value()) != "abc" {
		t.Errorf("written %q, want %q", tr.Value(), "abc")
	}
	if got.GetPeer().String() != "192.0.2.9:1" || got.GetHost().String() != tr.GetHost().String() {
		t.Errorf("GetPeer %v, GetHost %v", got.GetPeer(), got.GetHost())
	}
	if err := got.SetTCPNoDelay(true); err != nil || !tr.NoDelay() {
		t.Errorf("SetTCPNoDelay: %v, NoDelay %v", err, tr.NoDelay())
	}
	if err := got.SetTCPKeepAlive(true); err != nil || !tr.KeepAlive() {
		t.Errorf("SetTCPKeepAlive: %v, KeepAlive %v", err, tr.KeepAlive())
	}

	p := &counter{}
	if err := got.RegisterProducer(p, true); err != nil {
		t.Fatalf("RegisterProducer: %v", err)
	}
	if err := got.RegisterProducer(p, true); !errors.Is(err, interfaces.ErrProducerRegistered) {
		t.Errorf("second RegisterProducer = %v, want ErrProducerRegistered", err)
	}
	got.UnregisterProducer()
	if reg, _ := tr.Producer(); reg != nil {
		t.Errorf("producer still registered: %v", reg)
	}

	var states []string
	for _, step := range []func(){got.PauseProducing, got.ResumeProducing, got.StopProducing} {
		step()
		states = append(states, tr.ProducerState().String())
	}
	if diff := cmp.Diff([]string{"paused", "producing", "stopped"}, states); diff != "" {
		t.Errorf("transport states (-want +got):\n%s", diff)
	}

	if got.Disconnecting() {
		t.Error("Disconnecting before any close")
	}
	got.AbortConnection()
	if !got.Disconnecting() || !tr.Aborted() {
		t.Errorf("after AbortConnection: disconnecting %v, aborted %v", got.Disconnecting(), tr.Aborted())
	}
}

// nonTCP is a Transport that is not a TCPTransport.
type nonTCP struct{ interfaces.Transport }

func TestProtocolWrapperOnNonTCPTransport(t *testing.T) {
	w := policies.NewProtocolWrapper(nil, &recorder{})
	transporttest.Connect(w, nonTCP{transporttest.NewStringTransport()})
	if err := w.SetTCPNoDelay(true); !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("SetTCPNoDelay = %v, want ErrUnsupported", err)
	}
	if err := w.SetTCPKeepAlive(true); !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("SetTCPKeepAlive = %v, want ErrUnsupported", err)
	}
	w.LoseWriteConnection() // nothing to shut down; must not fail
}

func TestWrappingFactoryTracksConnections(t *testing.T) {
	inner := newRecorders()
	f := policies.NewWrappingFactory(inner)
	a := f.BuildProtocol(tcpAddr("192.0.2.1", 1))
	b := f.BuildProtocol(tcpAddr("192.0.2.1", 2))
	if len(f.Protocols()) != 0 {
		t.Errorf("protocols registered before MakeConnection: %v", f.Protocols())
	}
	transporttest.Connect(a, transporttest.NewStringTransport())
	transporttest.Connect(b, transporttest.NewStringTransport())
	if n := len(f.Protocols()); n != 2 {
		t.Errorf("%d live protocols, want 2", n)
	}
	a.ConnectionLost(interfaces.ErrConnectionDone)
	if got := f.Protocols(); len(got) != 1 || got[0] != b {
		t.Errorf("live protocols %v, want [%v]", got, b)
	}
	inner.refuse = true
	if p := f.BuildProtocol(tcpAddr("192.0.2.1", 3)); p != nil {
		t.Errorf("BuildProtocol = %v, want nil when the wrapped factory refuses", p)
	}
}

func TestWrappingFactoryForwardsFactoryCalls(t *testing.T) {
	inner := newRecorders()
	var starts, stops int
	inner.StartFactory = func() { starts++ }
	inner.StopFactory = func() { stops++ }
	f := policies.NewWrappingFactory(inner)
	f.DoStart()
	f.DoStop()
	f.StartedConnecting(nil)
	f.ClientConnectionFailed(nil, interfaces.ErrConnectionRefused)
	f.ClientConnectionLost(nil, interfaces.ErrConnectionDone)
	if starts != 1 || stops != 1 {
		t.Errorf("starts %d, stops %d; want 1, 1", starts, stops)
	}
	if diff := cmp.Diff([]string{"started", "failed", "lost"}, inner.notes); diff != "" {
		t.Errorf("client notices (-want +got):\n%s", diff)
	}

	// A plain Factory has no client notices to forward.
	plain := policies.NewWrappingFactory(&serverOnly{})
	plain.StartedConnecting(nil)
	plain.ClientConnectionFailed(nil, interfaces.ErrConnectionRefused)
	plain.ClientConnectionLost(nil, interfaces.ErrConnectionDone)
}

type serverOnly struct{}

func (serverOnly) BuildProtocol(net.Addr) interfaces.Protocol { return nil }
func (serverOnly) DoStart()                                   {}
func (serverOnly) DoStop()                                    {}
