package internettest_test

import (
	"errors"
	"net"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestFakePortAcceptAndStop(t *testing.T) {
	r := internettest.NewMemoryReactor()
	refusing := &events{}
	p, _ := r.ListenUNIX("/s", refusing, interfaces.UNIXListenOptions{})
	fp := r.UNIXServers[0].Fake
	tr := transporttest.NewStringTransport()
	if got := fp.Accept(tr); got != nil || !tr.Disconnecting() {
		t.Errorf("refused Accept = %v, transport disconnecting %v; want nil, true", got, tr.Disconnecting())
	}
	fp.Factory = &events{build: true}
	if got := fp.Accept(transporttest.NewStringTransport()); got == nil {
		t.Fatal("Accept built no protocol")
	}
	want := []string{"BuildProtocol " + tr.GetPeer().String(), "MakeConnection", "ConnectionMade"}
	if diff := cmp.Diff(want, fp.Factory.(*events).log); diff != "" {
		t.Errorf("accept events (-want +got):\n%s", diff)
	}
	if err := p.StartListening(); !errors.Is(err, interfaces.ErrAlreadyListening) {
		t.Errorf("StartListening while listening = %v", err)
	}
	if _, err := p.StopListening().Result(); err != nil {
		t.Errorf("StopListening: %v", err)
	}
	d := p.StopListening()
	if _, err := d.Result(); !errors.Is(err, interfaces.ErrNotListening) {
		t.Errorf("second StopListening = %v, want ErrNotListening", err)
	}
	d.AddErrback(func(error) (any, error) { return nil, nil })
	if err := p.StartListening(); err != nil || !fp.Listening {
		t.Errorf("StartListening after stop = %v", err)
	}
}

func TestFakeConnectorLifecycle(t *testing.T) {
	r := internettest.NewMemoryReactor()
	f := &events{build: true}
	c, err := r.ConnectTCP("example.org", 80, f, interfaces.TCPConnectOptions{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	fc := r.TCPClients[0].Fake
	if c != fc || fc.GetDestination().String() != "example.org:80" || !fc.Connecting() {
		t.Fatalf("connector %v, destination %v, connecting %v", c, fc.GetDestination(), fc.Connecting())
	}
	if err := c.Connect(); !errors.Is(err, interfaces.ErrAlreadyConnecting) {
		t.Errorf("Connect while connecting = %v", err)
	}
	_ = fc.Fail(interfaces.ErrConnectionRefused)
	_ = c.Connect()
	tr := transporttest.NewStringTransport()
	if p, err := fc.Succeed(tr); p == nil || err != nil {
		t.Fatalf("Succeed = %v, %v", p, err)
	}
	if err := c.StopConnecting(); !errors.Is(err, interfaces.ErrNotConnecting) {
		t.Errorf("StopConnecting while connected = %v", err)
	}
	c.Disconnect()
	_ = fc.Lost(interfaces.ErrConnectionDone)
	_ = c.Connect()
	_ = c.StopConnecting()

	want := []string{
		"StartedConnecting",
		"ClientConnectionFailed " + interfaces.ErrConnectionRefused.Error(),
		"StartedConnecting",
		"BuildProtocol example.org:80", "MakeConnection", "ConnectionMade",
		"ClientConnectionLost " + interfaces.ErrConnectionDone.Error(),
		"StartedConnecting",
		"ClientConnectionFailed " + (&interfaces.ConnectError{Addr: "example.org:80", Err: interfaces.ErrConnectingCancelled}).Error(),
	}
	if diff := cmp.Diff(want, f.log); diff != "" {
		t.Errorf("factory events (-want +got):\n%s", diff)
	}
	if fc.Attempts != 3 || !fc.StoppedConnecting || !fc.Disconnected || !tr.Disconnecting() {
		t.Errorf("Attempts %d, StoppedConnecting %v, Disconnected %v, transport lost %v",
			fc.Attempts, fc.StoppedConnecting, fc.Disconnected, tr.Disconnecting())
	}
}

func TestFakeConnectorNoProtocol(t *testing.T) {
	r := internettest.NewMemoryReactor()
	f := &events{}
	_, _ = r.ConnectUNIX("/s", f, interfaces.UNIXConnectOptions{})
	fc := r.UNIXClients[0].Fake
	p, err := fc.Succeed(transporttest.NewStringTransport())
	if p != nil || err != nil || fc.Connecting() {
		t.Fatalf("Succeed with no protocol = %v, %v; connecting %v", p, err, fc.Connecting())
	}
	last := f.log[len(f.log)-1]
	want := "ClientConnectionFailed " + (&interfaces.ConnectError{Addr: "/s", Err: interfaces.ErrNoProtocol}).Error()
	if last != want {
		t.Errorf("last event %q, want %q", last, want)
	}
	if _, err := fc.Succeed(nil); !errors.Is(err, interfaces.ErrNotConnecting) {
		t.Errorf("Succeed while disconnected = %v", err)
	}
	if err := fc.Lost(nil); !errors.Is(err, interfaces.ErrNotConnected) {
		t.Errorf("Lost while disconnected = %v", err)
	}
}

func TestFakePortUDP(t *testing.T) {
	r := internettest.NewMemoryReactor()
	tr, err := r.ListenUDP(53, nil, interfaces.UDPListenOptions{Interface: "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	if got := tr.GetHost().String(); got != "127.0.0.1:53" {
		t.Errorf("GetHost() = %s", got)
	}
	if err := tr.Write([]byte("a"), nil); !errors.Is(err, interfaces.ErrNotConnected) {
		t.Errorf("Write with no peer = %v", err)
	}
	if err := tr.Connect("peer", 1); !errors.Is(err, interfaces.ErrInvalidArgument) {
		t.Errorf("Connect to a name = %v", err)
	}
	to := &net.UDPAddr{IP: net.IP{10, 0, 0, 1}, Port: 9}
	buf := []byte("b")
	_ = tr.Write(buf, to)
	buf[0] = 'X' // the port keeps its own copy
	_ = tr.Connect("10.0.0.2", 7)
	_ = tr.Write([]byte("c"), nil)
	_ = tr.SetBroadcastAllowed(true)
	fp := r.UDPPorts[0].Fake
	want := []internettest.Datagram{{Data: []byte("b"), Addr: to}, {Data: []byte("c")}}
	if diff := cmp.Diff(want, fp.Written); diff != "" {
		t.Errorf("Written (-want +got):\n%s", diff)
	}
	if fp.Peer.String() != "10.0.0.2:7" || !fp.Broadcast {
		t.Errorf("Peer %v, Broadcast %v", fp.Peer, fp.Broadcast)
	}
}
