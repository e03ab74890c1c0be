package endpoints_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestListenOnMemoryReactor(t *testing.T) {
	tests := []struct {
		desc string
		host string
	}{
		{"tcp:8080:interface=127.0.0.1:backlog=5", "127.0.0.1:8080"},
		{"tcp6:8080", "[::]:8080"},
		{"unix:/run/x.sock:mode=600", "/run/x.sock"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			r := internettest.NewMemoryReactor()
			ep, err := endpoints.ServerFromString(r, tc.desc)
			if err != nil {
				t.Fatal(err)
			}
			f := newFactory()
			got, err := fired(t, ep.Listen(f))
			if err != nil {
				t.Fatalf("Listen failed: %v", err)
			}
			port, ok := got.(interfaces.ListeningPort)
			if !ok || port.GetHost().String() != tc.host {
				t.Fatalf("Listen fired with %v, want a port on %s", got, tc.host)
			}
			recorded := len(r.TCPServers) + len(r.UNIXServers)
			if recorded != 1 {
				t.Fatalf("%d listens recorded, want 1", recorded)
			}
		})
	}
}

func TestListenRecordsOptions(t *testing.T) {
	r := internettest.NewMemoryReactor()
	f := newFactory()
	ep := endpoints.NewTCP6ServerEndpoint(r, 0, interfaces.TCPListenOptions{Backlog: 9})
	fired(t, ep.Listen(f))
	want := []internettest.TCPServer{{
		Port: 0, Factory: f,
		Options: interfaces.TCPListenOptions{Interface: "::", Backlog: 9},
		Fake:    r.TCPServers[0].Fake,
	}}
	if diff := cmp.Diff(want, r.TCPServers, cmp.Comparer(func(a, b *factory) bool { return a == b })); diff != "" {
		t.Errorf("TCPServers (-want +got):\n%s", diff)
	}
}

func TestListenFailures(t *testing.T) {
	errBind := &interfaces.CannotListenError{Addr: ":80", Err: errors.New("in use")}
	tests := []struct {
		name string
		ep   func(r *internettest.MemoryReactor) endpoints.ServerEndpoint
		err  error
		want error
	}{
		{"tcp", func(r *internettest.MemoryReactor) endpoints.ServerEndpoint {
			return endpoints.NewTCP4ServerEndpoint(r, 80, interfaces.TCPListenOptions{})
		}, errBind, errBind},
		{"tcp bad port", func(r *internettest.MemoryReactor) endpoints.ServerEndpoint {
			return endpoints.NewTCP4ServerEndpoint(r, 1<<20, interfaces.TCPListenOptions{})
		}, nil, interfaces.ErrInvalidArgument},
		{"unix", func(r *internettest.MemoryReactor) endpoints.ServerEndpoint {
			return endpoints.NewUNIXServerEndpoint(r, "/p", interfaces.UNIXListenOptions{})
		}, errBind, errBind},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := internettest.NewMemoryReactor()
			r.ListenErr = tc.err
			if _, err := fired(t, tc.ep(r).Listen(newFactory())); !errors.Is(err, tc.want) {
				t.Errorf("Listen failed with %v, want %v", err, tc.want)
			}
		})
	}
}

func TestListenAcceptsThroughFactory(t *testing.T) {
	r := internettest.NewMemoryReactor()
	ep := endpoints.NewUNIXServerEndpoint(r, "/p", interfaces.UNIXListenOptions{})
	f := newFactory()
	fired(t, ep.Listen(f))
	tr := transporttest.NewStringTransport()
	if p := r.UNIXServers[0].Fake.Accept(tr); p == nil {
		t.Fatal("Accept built no protocol")
	}
	want := []string{"BuildProtocol " + tr.GetPeer().String(), "MakeConnection", "ConnectionMade"}
	if diff := cmp.Diff(want, f.log); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
