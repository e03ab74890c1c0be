package endpoints_test

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
)

// echo is a server protocol that writes back what it reads and reports
// its end on lost.
type echo struct {
	t    interfaces.Transport
	lost chan<- error
}

func (p *echo) MakeConnection(t interfaces.Transport) { p.t = t }
func (p *echo) ConnectionMade()                       {}
func (p *echo) DataReceived(data []byte)              { p.t.Write(data) }
func (p *echo) ConnectionLost(reason error)           { p.lost <- reason }

// hello is a client protocol that sends "hello", reports the echo on got
// once it is whole, then closes, and reports its end on lost.
type hello struct {
	t    interfaces.Transport
	buf  []byte
	got  chan<- string
	lost chan<- error
}

func (p *hello) MakeConnection(t interfaces.Transport) { p.t = t }
func (p *hello) ConnectionMade()                       { p.t.Write([]byte("hello")) }
func (p *hello) DataReceived(data []byte) {
	p.buf = append(p.buf, data...)
	if len(p.buf) >= len("hello") {
		p.got <- string(p.buf)
		p.t.LoseConnection()
	}
}
func (p *hello) ConnectionLost(reason error) { p.lost <- reason }

// protocolFactory builds a protocol with build and ignores start and stop.
type protocolFactory func() interfaces.Protocol

func (f protocolFactory) BuildProtocol(net.Addr) interfaces.Protocol { return f() }
func (protocolFactory) DoStart()                                     {}
func (protocolFactory) DoStop()                                      {}

// outcome is what a Deferred fired with.
type outcome struct {
	v   any
	err error
}

// TestEndpointsOverRealSockets listens and connects through endpoint
// strings on every reactor: TCP on 127.0.0.1 port 0, and a UNIX socket in
// a temporary directory.
func TestEndpointsOverRealSockets(t *testing.T) {
	tests := []struct {
		name   string
		server func(t *testing.T) string
		client func(host net.Addr) string
	}{
		{
			name:   "tcp",
			server: func(*testing.T) string { return "tcp:0:interface=127.0.0.1" },
			client: func(host net.Addr) string {
				return fmt.Sprintf("tcp:127.0.0.1:%d:timeout=5", host.(*net.TCPAddr).Port)
			},
		},
		{
			name: "unix",
			server: func(t *testing.T) string {
				return "unix:" + endpoints.QuoteStringArgument(filepath.Join(t.TempDir(), "s")) + ":mode=600"
			},
			client: func(host net.Addr) string {
				return "unix:path=" + endpoints.QuoteStringArgument(host.String())
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
				internettest.RunReactor(t, r)
				echoOnce(t, r, tc.server(t), tc.client)
			})
		})
	}
}

// echoOnce listens on server, connects to the description client gives
// for the listening address, checks one echoed message and a clean close
// on both sides, and stops listening.
func echoOnce(t *testing.T, r *internet.Reactor, server string, client func(net.Addr) string) {
	serverLost := make(chan error, 1)
	clientLost := make(chan error, 1)
	got := make(chan string, 1)
	listened := make(chan outcome, 1)
	connected := make(chan outcome, 1)
	report := func(ch chan<- outcome) func(any, error) (any, error) {
		return func(v any, err error) (any, error) {
			ch <- outcome{v, err}
			return nil, nil
		}
	}

	r.CallFromThread(func() {
		ep, err := endpoints.ServerFromString(r, server)
		if err != nil {
			listened <- outcome{nil, err}
			return
		}
		ep.Listen(protocolFactory(func() interfaces.Protocol { return &echo{lost: serverLost} })).AddBoth(report(listened))
	})
	l := internettest.Await(t, listened)
	if l.err != nil {
		t.Fatalf("Listen on %q: %v", server, l.err)
	}
	port := l.v.(interfaces.ListeningPort)
	dest := client(port.GetHost())

	var user *hello
	r.CallFromThread(func() {
		ep, err := endpoints.ClientFromString(r, dest)
		if err != nil {
			connected <- outcome{nil, err}
			return
		}
		ep.Connect(protocolFactory(func() interfaces.Protocol {
			user = &hello{got: got, lost: clientLost}
			return user
		})).AddBoth(report(connected))
	})
	c := internettest.Await(t, connected)
	if c.err != nil || c.v != user {
		t.Fatalf("Connect to %q fired with %v, %v; want the client protocol", dest, c.v, c.err)
	}
	if echoed := internettest.Await(t, got); echoed != "hello" {
		t.Errorf("echo = %q, want hello", echoed)
	}
	for name, ch := range map[string]chan error{"client": clientLost, "server": serverLost} {
		if reason := internettest.Await(t, ch); !errors.Is(reason, interfaces.ErrConnectionDone) {
			t.Errorf("%s ConnectionLost(%v), want ErrConnectionDone", name, reason)
		}
	}

	stopped := make(chan outcome, 1)
	r.CallFromThread(func() { port.StopListening().AddBoth(report(stopped)) })
	if s := internettest.Await(t, stopped); s.err != nil {
		t.Errorf("StopListening: %v", s.err)
	}
}
