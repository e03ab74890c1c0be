package portforward_test

import (
	"errors"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol/portforward"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// accepted builds a proxy over a memory reactor and accepts one connection.
func accepted(t *testing.T) (*internettest.MemoryReactor, interfaces.Protocol, *transporttest.StringTransportWithDisconnection) {
	t.Helper()
	r := internettest.NewMemoryReactor()
	f := portforward.NewProxyFactory(r, "backend.example", 8080)
	server := f.BuildProtocol(transporttest.NewStringTransport().GetPeer())
	tr := transporttest.Connect(server, &transporttest.StringTransportWithDisconnection{})
	return r, server, tr
}

// linked also completes the outgoing connection.
func linked(t *testing.T) (server, client interfaces.Protocol, serverTr, clientTr *transporttest.StringTransportWithDisconnection) {
	t.Helper()
	r, server, serverTr := accepted(t)
	clientTr = &transporttest.StringTransportWithDisconnection{}
	client, err := r.TCPClients[0].Fake.Succeed(clientTr)
	if err != nil {
		t.Fatalf("Succeed: %v", err)
	}
	clientTr.Protocol = client
	return server, client, serverTr, clientTr
}

func TestProxyConnectsAndWaits(t *testing.T) {
	r, _, tr := accepted(t)
	if len(r.TCPClients) != 1 {
		t.Fatalf("%d outgoing connections, want 1", len(r.TCPClients))
	}
	if c := r.TCPClients[0]; c.Host != "backend.example" || c.Port != 8080 {
		t.Errorf("connecting to %s:%d, want backend.example:8080", c.Host, c.Port)
	}
	if tr.ProducerState() != transporttest.Paused {
		t.Errorf("accepted side is %v while connecting, want paused", tr.ProducerState())
	}
}

func TestProxyLinksBothSides(t *testing.T) {
	_, _, serverTr, clientTr := linked(t)
	if serverTr.ProducerState() != transporttest.Producing {
		t.Errorf("accepted side is %v once connected, want producing", serverTr.ProducerState())
	}
	if p, streaming := serverTr.Producer(); p != clientTr || !streaming {
		t.Errorf("accepted side's producer %v (streaming %v), want the outgoing transport", p, streaming)
	}
	if p, streaming := clientTr.Producer(); p != serverTr || !streaming {
		t.Errorf("outgoing side's producer %v (streaming %v), want the accepted transport", p, streaming)
	}
}

func TestProxyRelaysBothWays(t *testing.T) {
	server, client, serverTr, clientTr := linked(t)
	server.DataReceived([]byte("GET / HTTP/1.0\r\n\r\n"))
	client.DataReceived([]byte("HTTP/1.0 200 OK\r\n"))
	client.DataReceived([]byte("\r\nbody"))
	if got, want := string(clientTr.Value()), "GET / HTTP/1.0\r\n\r\n"; got != want {
		t.Errorf("sent to the backend %q, want %q", got, want)
	}
	if got, want := string(serverTr.Value()), "HTTP/1.0 200 OK\r\n\r\nbody"; got != want {
		t.Errorf("sent to the client %q, want %q", got, want)
	}
}

// TestProxyBackPressure checks the wiring that lets a slow reader pause
// the other side: a full outgoing transport pauses its producer, which is
// the accepted transport.
func TestProxyBackPressure(t *testing.T) {
	_, _, serverTr, clientTr := linked(t)
	p, _ := clientTr.Producer()
	p.PauseProducing()
	if serverTr.ProducerState() != transporttest.Paused {
		t.Errorf("accepted side is %v when the backend is full, want paused", serverTr.ProducerState())
	}
	p.ResumeProducing()
	q, _ := serverTr.Producer()
	q.PauseProducing()
	if clientTr.ProducerState() != transporttest.Paused || serverTr.ProducerState() != transporttest.Producing {
		t.Errorf("states %v/%v, want the outgoing side paused alone", serverTr.ProducerState(), clientTr.ProducerState())
	}
}

func TestProxyEitherEndClosesBoth(t *testing.T) {
	type transports = *transporttest.StringTransportWithDisconnection
	tests := []struct {
		name  string
		close func(serverTr, clientTr transports) (other transports)
	}{
		{"accepted side", func(s, c transports) transports { s.LoseConnection(); return c }},
		{"outgoing side", func(s, c transports) transports { c.LoseConnection(); return s }},
		{"outgoing side aborted", func(s, c transports) transports { c.AbortConnection(); return s }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, serverTr, clientTr := linked(t)
			other := tc.close(serverTr, clientTr)
			if !serverTr.Lost() || !clientTr.Lost() {
				t.Fatalf("lost: accepted %v, outgoing %v; want both", serverTr.Lost(), clientTr.Lost())
			}
			if other.Aborted() {
				t.Error("the other side was aborted, not closed after sending its output")
			}
			if p, _ := other.Producer(); p != nil {
				t.Errorf("the other side still has the closed transport as its producer: %v", p)
			}
		})
	}
}

func TestProxyConnectFailureDropsTheAcceptedSide(t *testing.T) {
	r, _, tr := accepted(t)
	if err := r.TCPClients[0].Fake.Fail(&interfaces.ConnectError{Addr: "backend.example:8080", Err: interfaces.ErrConnectionRefused}); err != nil {
		t.Fatalf("Fail: %v", err)
	}
	if !tr.Lost() {
		t.Error("accepted side not closed after the backend refused")
	}
}

func TestProxyConnectErrorDropsTheAcceptedSide(t *testing.T) {
	r := internettest.NewMemoryReactor()
	r.ConnectErr = errors.New("no route")
	f := portforward.NewProxyFactory(r, "backend.example", 8080)
	tr := transporttest.Connect(f.BuildProtocol(nil), &transporttest.StringTransportWithDisconnection{})
	if !tr.Lost() {
		t.Error("accepted side not closed when ConnectTCP failed")
	}
}

func TestProxyAcceptedSideLeavesWhileConnecting(t *testing.T) {
	r, _, tr := accepted(t)
	tr.LoseConnection()
	c := r.TCPClients[0].Fake
	if !c.StoppedConnecting || c.Connecting() {
		t.Errorf("outgoing attempt not stopped: stopped %v, connecting %v", c.StoppedConnecting, c.Connecting())
	}
}

func TestProxyOutgoingSideConnectsTooLate(t *testing.T) {
	r, _, tr := accepted(t)
	c := r.TCPClients[0]
	tr.Protocol.ConnectionLost(interfaces.ErrConnectionLost) // skip the stop, as a race would
	if err := c.Fake.Connect(); err != nil && !errors.Is(err, interfaces.ErrAlreadyConnecting) {
		t.Fatalf("Connect: %v", err)
	}
	late := c.Factory.BuildProtocol(c.Fake.Destination)
	clientTr := transporttest.Connect(late, transporttest.NewStringTransport())
	if !clientTr.Disconnecting() {
		t.Error("an outgoing connection made after the accepted side left stays open")
	}
	late.DataReceived([]byte("ignored")) // nothing to relay to
}
