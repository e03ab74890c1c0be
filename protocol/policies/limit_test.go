package policies_test

import (
	"net"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol/policies"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestPeerHost(t *testing.T) {
	tests := []struct {
		addr net.Addr
		want string
	}{
		{tcpAddr("192.0.2.1", 80), "192.0.2.1"},
		{tcpAddr("::ffff:192.0.2.1", 80), "192.0.2.1"},
		{tcpAddr("2001:db8::1", 80), "2001:db8::1"},
		{&net.UDPAddr{IP: net.ParseIP("198.51.100.2"), Port: 53}, "198.51.100.2"},
		{&net.UnixAddr{Name: "/run/sock", Net: "unix"}, "/run/sock"},
		{&net.UnixAddr{Net: "unix"}, ""},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := policies.PeerHost(tc.addr); got != tc.want {
			t.Errorf("PeerHost(%v) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}

func TestLimitConnectionsByPeer(t *testing.T) {
	f := policies.NewLimitConnectionsByPeer(newRecorders(), 2)
	connect := func(host string, port int) interfaces.Protocol {
		p := f.BuildProtocol(tcpAddr(host, port))
		if p != nil {
			transporttest.Connect(p, transporttest.NewStringTransport())
		}
		return p
	}
	a := connect("192.0.2.1", 1000)
	b := connect("::ffff:192.0.2.1", 1001) // the same host, IPv4-mapped
	if a == nil || b == nil {
		t.Fatal("refused a connection under the cap")
	}
	if p := connect("192.0.2.1", 1002); p != nil {
		t.Error("accepted a third connection from the same host")
	}
	if p := connect("192.0.2.2", 1000); p == nil {
		t.Error("refused another host")
	}
	a.ConnectionLost(interfaces.ErrConnectionDone)
	if n := f.Connections("192.0.2.1"); n != 1 {
		t.Errorf("Connections after a loss = %d, want 1", n)
	}
	if p := connect("192.0.2.1", 1003); p == nil {
		t.Error("refused a connection after one was lost")
	}
	b.ConnectionLost(interfaces.ErrConnectionDone)
	b.ConnectionLost(interfaces.ErrConnectionDone) // a second notice changes nothing
	if n := f.Connections("192.0.2.1"); n != 1 {
		t.Errorf("Connections = %d, want 1", n)
	}
}

func TestLimitConnectionsByPeerDefaults(t *testing.T) {
	inner := newRecorders()
	f := policies.NewLimitConnectionsByPeer(inner, 0)
	for i := range policies.DefaultMaxConnectionsPerPeer {
		if f.BuildProtocol(tcpAddr("192.0.2.1", i)) == nil {
			t.Fatalf("refused connection %d", i)
		}
	}
	if f.BuildProtocol(tcpAddr("192.0.2.1", 99)) != nil {
		t.Error("accepted one over the default cap")
	}
	inner.refuse = true
	if f.BuildProtocol(tcpAddr("192.0.2.3", 1)) != nil || f.Connections("192.0.2.3") != 0 {
		t.Error("a refused build was counted")
	}
}

// busy is the overflow protocol: it says so and hangs up.
type busy struct{ recorder }

func (b *busy) ConnectionMade() {
	b.Transport.Write([]byte("busy\r\n"))
	b.Transport.LoseConnection()
}

func TestLimitTotalConnections(t *testing.T) {
	tests := []struct {
		name     string
		overflow bool
	}{{"refuse", false}, {"overflow protocol", true}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := policies.NewLimitTotalConnectionsFactory(newRecorders(), 2)
			if tc.overflow {
				f.Overflow = func(net.Addr) interfaces.Protocol { return &busy{} }
			}
			a := f.BuildProtocol(tcpAddr("192.0.2.1", 1))
			transporttest.Connect(a, transporttest.NewStringTransport())
			b := f.BuildProtocol(tcpAddr("192.0.2.2", 1))
			transporttest.Connect(b, transporttest.NewStringTransport())
			c := f.BuildProtocol(tcpAddr("192.0.2.3", 1))
			if (c != nil) != tc.overflow {
				t.Fatalf("third BuildProtocol = %v, want overflow %v", c, tc.overflow)
			}
			want := 2
			if c != nil {
				tr := transporttest.Connect(c, transporttest.NewStringTransport())
				if string(tr.Value()) != "busy\r\n" || !tr.Disconnecting() {
					t.Errorf("overflow wrote %q, disconnecting %v", tr.Value(), tr.Disconnecting())
				}
				want = 3
			}
			if f.ConnectionCount() != want {
				t.Errorf("ConnectionCount = %d, want %d", f.ConnectionCount(), want)
			}
			a.ConnectionLost(interfaces.ErrConnectionDone)
			if f.ConnectionCount() != want-1 {
				t.Errorf("ConnectionCount after a loss = %d, want %d", f.ConnectionCount(), want-1)
			}
		})
	}
}

func TestLimitTotalConnectionsUnlimited(t *testing.T) {
	inner := newRecorders()
	f := policies.NewLimitTotalConnectionsFactory(inner, 0)
	for i := range 100 {
		if f.BuildProtocol(tcpAddr("192.0.2.1", i)) == nil {
			t.Fatalf("refused connection %d without a limit", i)
		}
	}
	inner.refuse = true
	if f.BuildProtocol(tcpAddr("192.0.2.1", 1)) != nil || f.ConnectionCount() != 100 {
		t.Errorf("a refused build was counted: %d", f.ConnectionCount())
	}
}
