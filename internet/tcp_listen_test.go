//go:build linux

package internet_test

import (
	"errors"
	"net"
	"syscall"
	"testing"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

func TestTCPListenErrors(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		first, err := r.ListenTCP(0, echoFactory(), interfaces.TCPListenOptions{Interface: "127.0.0.1"})
		if err != nil {
			t.Fatal(err)
		}
		port := first.GetHost().(*net.TCPAddr).Port
		_, err = r.ListenTCP(port, echoFactory(), interfaces.TCPListenOptions{Interface: "127.0.0.1"})
		var cle *interfaces.CannotListenError
		if !errors.As(err, &cle) || !errors.Is(err, syscall.EADDRINUSE) {
			t.Errorf("ListenTCP on a used port = %v, want a *CannotListenError wrapping EADDRINUSE", err)
		}
		for _, tc := range []struct {
			port  int
			f     interfaces.Factory
			iface string
		}{{-1, echoFactory(), ""}, {65536, echoFactory(), ""}, {0, nil, ""}, {0, echoFactory(), "localhost"}} {
			if _, err := r.ListenTCP(tc.port, tc.f, interfaces.TCPListenOptions{Interface: tc.iface}); !errors.Is(err, interfaces.ErrInvalidArgument) {
				t.Errorf("ListenTCP(%d, %v, %q) = %v, want ErrInvalidArgument", tc.port, tc.f, tc.iface, err)
			}
		}
	})
}

// TestTCPStopAndStartListening follows a port through its life: DoStart
// on listen, StopListening closing the socket at once and firing its
// Deferred after DoStop, and listening again.
func TestTCPStopAndStartListening(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		f := echoFactory()
		p, addr := listen(t, r, f, interfaces.TCPListenOptions{})
		echoOnce(t, "tcp", addr.String(), []byte("before"))
		if f.starts.Load() != 1 {
			t.Errorf("DoStart called %d times after listening, want 1", f.starts.Load())
		}
		type result struct {
			again    error
			stopsNow int32
		}
		d := make(chan *deferred.Deferred, 1)
		res := internettest.OnReactor(t, r, func() (result, error) {
			d <- p.StopListening()
			return result{again: p.StartListening(), stopsNow: f.stops.Load()}, nil
		})
		if res.again != nil || res.stopsNow != 1 {
			t.Errorf("StartListening right after StopListening = %v with %d DoStop; want nil, 1", res.again, res.stopsNow)
		}
		if _, err := (<-d).Result(); err != nil {
			t.Errorf("StopListening Deferred = %v", err)
		}
		addr = p.GetHost().(*net.TCPAddr)
		echoOnce(t, "tcp", addr.String(), []byte("after"))
		errs := internettest.OnReactor(t, r, func() ([]error, error) {
			e1 := p.StartListening()
			_, e2 := p.StopListening().Result()
			_, e3 := p.StopListening().Result()
			return []error{e1, e2, e3}, nil
		})
		if !errors.Is(errs[0], interfaces.ErrAlreadyListening) || errs[1] != nil || !errors.Is(errs[2], interfaces.ErrNotListening) {
			t.Errorf("StartListening, StopListening, StopListening = %v; want ErrAlreadyListening, nil, ErrNotListening", errs)
		}
		if _, err := net.Dial("tcp", addr.String()); err == nil {
			t.Error("connected to a port that stopped listening")
		}
	})
}

func TestTCPIPv6(t *testing.T) {
	if !hasIPv6Loopback() {
		t.Skip("no ::1 on this host")
	}
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		hosts := make(chan [2]string, 1)
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{made: func(p *proto) {
				hosts <- [2]string{p.tr.GetHost().String(), p.tr.GetPeer().String()}
				p.tr.Write([]byte("hello six"))
				p.tr.LoseConnection()
			}}
		}}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{Interface: "::1"})
		if !addr.IP.Equal(net.IPv6loopback) {
			t.Errorf("GetHost = %v, want [::1]:port", addr)
		}
		c := internettest.Dial(t, "tcp6", addr.String())
		h := internettest.Await(t, hosts)
		if h[0] != addr.String() || h[1] != c.LocalAddr().String() {
			t.Errorf("server GetHost, GetPeer = %v; want %v, %v", h, addr, c.LocalAddr())
		}
		got := make(chan []byte, 1)
		cf := newClientFactory(clientEcho(nil, got))
		cf.build = func(net.Addr) interfaces.Protocol {
			var buf []byte
			return &proto{
				data: func(_ *proto, b []byte) { buf = append(buf, b...) },
				lost: func(*proto, error) { got <- buf },
			}
		}
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("::1", addr.Port, cf, interfaces.TCPConnectOptions{})
		})
		if s := string(internettest.Await(t, got)); s != "hello six" {
			t.Errorf("ConnectTCP over IPv6 received %q", s)
		}
	})
}

// TestTCPWildcardLocalAddress: connections accepted on 0.0.0.0 report the
// address they actually arrived on.
func TestTCPWildcardLocalAddress(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		hosts := make(chan net.Addr, 1)
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{made: func(p *proto) { hosts <- p.tr.GetHost() }}
		}}
		p := internettest.OnReactor(t, r, func() (interfaces.ListeningPort, error) {
			return r.ListenTCP(0, f, interfaces.TCPListenOptions{})
		})
		port := p.GetHost().(*net.TCPAddr).Port
		c := internettest.Dial(t, "tcp4", net.JoinHostPort("127.0.0.1", itoa(port)))
		if got := internettest.Await(t, hosts).String(); got != c.RemoteAddr().String() {
			t.Errorf("GetHost = %s, want %s", got, c.RemoteAddr())
		}
	})
}
