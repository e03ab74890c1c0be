package endpoints_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// connectTCP connects to example.org:80 on a MemoryReactor and returns the
// reactor, the Deferred and the fake connector.
func connectTCP(t *testing.T, f *factory) (*internettest.MemoryReactor, *deferred.Deferred, *internettest.FakeConnector) {
	t.Helper()
	r := internettest.NewMemoryReactor()
	ep, err := endpoints.ClientFromString(r, "tcp:example.org:80:timeout=7")
	if err != nil {
		t.Fatal(err)
	}
	d := ep.Connect(f)
	if len(r.TCPClients) != 1 {
		t.Fatalf("%d connects recorded, want 1", len(r.TCPClients))
	}
	if d.Called() {
		t.Fatal("Connect fired before the connection was made")
	}
	return r, d, r.TCPClients[0].Fake
}

func TestConnectFiresWithUserProtocolAfterConnectionMade(t *testing.T) {
	f := newFactory()
	var atFire []string
	_, d, c := connectTCP(t, f)
	d.AddCallback(func(p any) (any, error) {
		atFire = append([]string(nil), f.log...)
		return p, nil
	})
	tr := transporttest.NewStringTransport()
	wrapper, err := c.Succeed(tr)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fired(t, d)
	user, ok := got.(*recorder)
	if err != nil || !ok || user.transport != tr {
		t.Fatalf("Connect fired with %v, %v; want the user's protocol on the transport", got, err)
	}
	want := []string{"BuildProtocol example.org:80", "MakeConnection", "ConnectionMade"}
	if diff := cmp.Diff(want, atFire); diff != "" {
		t.Errorf("events when the Deferred fired (-want +got):\n%s", diff)
	}
	wrapper.DataReceived([]byte("hi"))
	wrapper.ConnectionLost(interfaces.ErrConnectionDone)
	want = append(want, "data hi", "ConnectionLost "+interfaces.ErrConnectionDone.Error())
	if diff := cmp.Diff(want, f.log); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if _, half := wrapper.(interfaces.HalfCloseableProtocol); half {
		t.Error("wrapper of a plain protocol is half-closeable")
	}
}

func TestConnectHalfCloseable(t *testing.T) {
	f := &factory{build: func(f *factory) interfaces.Protocol { return halfCloser{&recorder{log: &f.log}} }}
	_, d, c := connectTCP(t, f)
	wrapper, _ := c.Succeed(transporttest.NewStringTransport())
	hc, ok := wrapper.(interfaces.HalfCloseableProtocol)
	if !ok {
		t.Fatal("wrapper of a half-closeable protocol is not half-closeable")
	}
	hc.ReadConnectionLost()
	hc.WriteConnectionLost()
	if _, ok := mustValue(t, d).(halfCloser); !ok {
		t.Error("Connect did not fire with the user's protocol")
	}
	want := []string{"BuildProtocol example.org:80", "MakeConnection", "ConnectionMade", "ReadConnectionLost", "WriteConnectionLost"}
	if diff := cmp.Diff(want, f.log); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestConnectFailures(t *testing.T) {
	refused := &interfaces.ConnectError{Addr: "example.org:80", Err: interfaces.ErrConnectionRefused}
	tests := []struct {
		name  string
		build func(*factory) interfaces.Protocol
		drive func(c *internettest.FakeConnector)
		check func(error) bool
	}{
		{"refused", nil, func(c *internettest.FakeConnector) { _ = c.Fail(refused) },
			func(err error) bool { return errors.Is(err, interfaces.ErrConnectionRefused) }},
		{"no protocol", func(*factory) interfaces.Protocol { return nil }, succeed,
			func(err error) bool { return errors.Is(err, interfaces.ErrNoProtocol) }},
		{"BuildProtocol panics", func(*factory) interfaces.Protocol { panic("build") }, succeed,
			func(err error) bool { var pe *deferred.PanicError; return errors.As(err, &pe) && pe.Value == "build" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFactory()
			if tc.build != nil {
				f.build = tc.build
			}
			_, d, c := connectTCP(t, f)
			tc.drive(c)
			if _, err := fired(t, d); !tc.check(err) {
				t.Errorf("Connect failed with %v", err)
			}
		})
	}
}

func succeed(c *internettest.FakeConnector) { _, _ = c.Succeed(transporttest.NewStringTransport()) }

func TestConnectCancel(t *testing.T) {
	_, d, c := connectTCP(t, newFactory())
	d.Cancel()
	_, err := fired(t, d)
	var ce *interfaces.ConnectError
	if !errors.As(err, &ce) || ce.Addr != "example.org:80" || !errors.Is(err, interfaces.ErrConnectingCancelled) {
		t.Errorf("cancelled Connect failed with %v, want a ConnectError for example.org:80 wrapping ErrConnectingCancelled", err)
	}
	if !c.StoppedConnecting || c.Connecting() {
		t.Errorf("StoppedConnecting = %v, Connecting() = %v; want true, false", c.StoppedConnecting, c.Connecting())
	}
}

func TestConnectCancelledAsConnectionCompletes(t *testing.T) {
	f := newFactory()
	r, d, _ := connectTCP(t, f)
	wf := r.TCPClients[0].Factory
	wrapper := wf.BuildProtocol(r.TCPClients[0].Fake.GetDestination())
	d.Cancel()
	tr := transporttest.NewStringTransport()
	wrapper.MakeConnection(tr)
	wrapper.ConnectionMade()
	wrapper.ConnectionLost(interfaces.ErrConnectionAborted)
	if !tr.Aborted() {
		t.Error("the late connection was not aborted")
	}
	if diff := cmp.Diff([]string{"BuildProtocol example.org:80"}, f.log); diff != "" {
		t.Errorf("the user's protocol saw the late connection (-want +got):\n%s", diff)
	}
	if _, err := fired(t, d); !errors.Is(err, interfaces.ErrConnectingCancelled) {
		t.Errorf("Connect failed with %v, want ErrConnectingCancelled", err)
	}
}

func TestConnectUserConnectionMadePanics(t *testing.T) {
	f := &factory{build: func(f *factory) interfaces.Protocol { return &recorder{log: &f.log, panicMade: true} }}
	r, d, _ := connectTCP(t, f)
	wrapper := r.TCPClients[0].Factory.BuildProtocol(r.TCPClients[0].Fake.GetDestination())
	wrapper.MakeConnection(transporttest.NewStringTransport())
	var reason error
	func() {
		defer func() { reason = deferred.NewPanicError(recover()) }()
		wrapper.ConnectionMade() // the reactor recovers this and closes the connection
	}()
	wrapper.ConnectionLost(reason)
	if _, err := fired(t, d); !errors.Is(err, reason) {
		t.Errorf("Connect failed with %v, want the panic", err)
	}
}

func TestConnectForwardsFactoryStartStop(t *testing.T) {
	f := newFactory()
	r, _, _ := connectTCP(t, f)
	r.TCPClients[0].Factory.DoStart()
	r.TCPClients[0].Factory.DoStop()
	if diff := cmp.Diff([]string{"DoStart", "DoStop"}, f.log); diff != "" {
		t.Errorf("factory events (-want +got):\n%s", diff)
	}
}

func TestConnectSynchronousError(t *testing.T) {
	errNo := errors.New("no route")
	r := internettest.NewMemoryReactor()
	r.ConnectErr = errNo
	for _, ep := range []endpoints.ClientEndpoint{
		endpoints.NewTCP4ClientEndpoint(r, "h", 80, interfaces.TCPConnectOptions{}),
		endpoints.NewUNIXClientEndpoint(r, "/p", interfaces.UNIXConnectOptions{}),
	} {
		if _, err := fired(t, ep.Connect(newFactory())); !errors.Is(err, errNo) {
			t.Errorf("%T.Connect failed with %v, want %v", ep, err, errNo)
		}
	}
}

func TestConnectUNIX(t *testing.T) {
	r := internettest.NewMemoryReactor()
	f := newFactory()
	ep, err := endpoints.ClientFromString(r, "unix:path=/run/a.sock:timeout=3")
	if err != nil {
		t.Fatal(err)
	}
	d := ep.Connect(f)
	if _, err := r.UNIXClients[0].Fake.Succeed(transporttest.NewStringTransport()); err != nil {
		t.Fatal(err)
	}
	if _, ok := mustValue(t, d).(*recorder); !ok {
		t.Error("Connect did not fire with the user's protocol")
	}
	if got := r.UNIXClients[0].Path; got != "/run/a.sock" {
		t.Errorf("ConnectUNIX path = %q", got)
	}
}

// mustValue returns d's successful result.
func mustValue(t *testing.T, d *deferred.Deferred) any {
	t.Helper()
	v, err := fired(t, d)
	if err != nil {
		t.Fatalf("Deferred failed: %v", err)
	}
	return v
}
