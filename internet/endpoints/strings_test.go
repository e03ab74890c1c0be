package endpoints_test

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
)

// sameReactor compares reactors by identity, not contents.
var sameReactor = cmp.Comparer(func(a, b *internettest.MemoryReactor) bool { return a == b })

func TestServerFromString(t *testing.T) {
	r := internettest.NewMemoryReactor()
	tcp := func(port int, o interfaces.TCPListenOptions) endpoints.ServerEndpoint {
		return &endpoints.TCPServerEndpoint{Reactor: r, Port: port, Options: o}
	}
	unix := func(path string, o interfaces.UNIXListenOptions) endpoints.ServerEndpoint {
		return &endpoints.UNIXServerEndpoint{Reactor: r, Path: path, Options: o}
	}
	tests := []struct {
		in   string
		want endpoints.ServerEndpoint
	}{
		{"tcp:8080", tcp(8080, interfaces.TCPListenOptions{})},
		{"tcp:0", tcp(0, interfaces.TCPListenOptions{})},
		{"tcp:port=80", tcp(80, interfaces.TCPListenOptions{})},
		{"tcp:8080:interface=127.0.0.1:backlog=50", tcp(8080, interfaces.TCPListenOptions{Interface: "127.0.0.1", Backlog: 50})},
		{`tcp:80:interface=\:\:1`, tcp(80, interfaces.TCPListenOptions{Interface: "::1"})},
		{"tcp6:8080", tcp(8080, interfaces.TCPListenOptions{Interface: "::"})},
		{`tcp6:8080:interface=\:\:1`, tcp(8080, interfaces.TCPListenOptions{Interface: "::1"})},
		{"tcp6:65535:backlog=7", tcp(65535, interfaces.TCPListenOptions{Interface: "::", Backlog: 7})},
		{"tcp:80:maxConnections=1000", tcp(80, interfaces.TCPListenOptions{MaxConnections: 1000})},
		{"unix:/path", unix("/path", interfaces.UNIXListenOptions{})},
		{"unix:/path:mode=660", unix("/path", interfaces.UNIXListenOptions{Mode: 0o660})},
		{"unix:/p:mode=0o600:backlog=5:lockfile=0", unix("/p", interfaces.UNIXListenOptions{Mode: 0o600, Backlog: 5})},
		{"unix:/p:maxConnections=2", unix("/p", interfaces.UNIXListenOptions{MaxConnections: 2})},
		{"unix:address=/path:lockfile=1", unix("/path", interfaces.UNIXListenOptions{})},
		{`unix:/tmp/a\:b\=c.sock`, unix("/tmp/a:b=c.sock", interfaces.UNIXListenOptions{})},
		{"unix:@abstract", unix("@abstract", interfaces.UNIXListenOptions{})},
	}
	for _, tc := range tests {
		got, err := endpoints.ServerFromString(r, tc.in)
		if err != nil {
			t.Errorf("ServerFromString(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got, sameReactor); diff != "" {
			t.Errorf("ServerFromString(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestClientFromString(t *testing.T) {
	r := internettest.NewMemoryReactor()
	tcp := func(host string, port int, o interfaces.TCPConnectOptions) endpoints.ClientEndpoint {
		return &endpoints.TCPClientEndpoint{Reactor: r, Host: host, Port: port, Options: o}
	}
	unix := func(path string, o interfaces.UNIXConnectOptions) endpoints.ClientEndpoint {
		return &endpoints.UNIXClientEndpoint{Reactor: r, Path: path, Options: o}
	}
	none := interfaces.TCPConnectOptions{}
	tests := []struct {
		in   string
		want endpoints.ClientEndpoint
	}{
		{"tcp:example.org:80", tcp("example.org", 80, none)},
		{"tcp:host=example.org:port=80", tcp("example.org", 80, none)},
		{"tcp:host=example.org:port=80:timeout=5", tcp("example.org", 80, interfaces.TCPConnectOptions{Timeout: 5 * time.Second})},
		{"tcp:host=h:80", tcp("h", 80, none)},
		{"tcp:h:port=80", tcp("h", 80, none)},
		{"tcp:port=80:h", tcp("h", 80, none)},
		{"TCP:h:80", tcp("h", 80, none)},
		{"Tcp:h:80:timeout=1500ms", tcp("h", 80, interfaces.TCPConnectOptions{Timeout: 1500 * time.Millisecond})},
		{`tcp:\:\:1:443`, tcp("::1", 443, none)},
		{"tcp:h:80:bindAddress=127.0.0.2", tcp("h", 80, interfaces.TCPConnectOptions{
			BindAddress: &net.TCPAddr{IP: net.IP{127, 0, 0, 2}},
		})},
		{"unix:/path", unix("/path", interfaces.UNIXConnectOptions{})},
		{"unix:path=/path", unix("/path", interfaces.UNIXConnectOptions{})},
		{"UNIX:path=/p:timeout=3:lockfile=1", unix("/p", interfaces.UNIXConnectOptions{Timeout: 3 * time.Second})},
	}
	for _, tc := range tests {
		got, err := endpoints.ClientFromString(r, tc.in)
		if err != nil {
			t.Errorf("ClientFromString(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got, sameReactor); diff != "" {
			t.Errorf("ClientFromString(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// badString is one description that must be refused, the field the error
// must name ("" for none) and a fragment of its reason.
type badString struct {
	in, field, reason string
}

func TestServerFromStringErrors(t *testing.T) {
	checkBad(t, "ServerFromString", func(s string) error {
		_, err := endpoints.ServerFromString(internettest.NewMemoryReactor(), s)
		return err
	}, []badString{
		{"", "", "no endpoint type"},
		{"TCP:80", "", `unknown server endpoint type "TCP" (server types are lower case: "tcp")`},
		{"ssl:443", "", `unknown server endpoint type "ssl"`},
		{"tcp", "port", "missing"},
		{"tcp:abc", "port", `invalid number "abc"`},
		{"tcp:70000", "port", "70000 is out of range 0..65535"},
		{"tcp:-1", "port", "out of range"},
		{"tcp:80:backlog=0", "backlog", "out of range"},
		{"tcp:80:backlog=many", "backlog", `invalid number "many"`},
		{"tcp:80:maxConnections=0", "maxConnections", "out of range"},
		{"unix:/p:maxConnections=-1", "maxConnections", "out of range"},
		{"tcp:80:interface=localhost", "interface", `"localhost" is not an IP address`},
		{"tcp:80:interface=::1", "", `unexpected positional field ""`},
		{`tcp6:80:interface=127.0.0.1`, "interface", "not an IPv6 address"},
		{"tcp:80:81", "", `unexpected positional field "81"`},
		{"tcp:80:port=81", "", `unexpected positional field "80"`},
		{"tcp:80:bogus=1", "bogus", `unknown option for type "tcp"`},
		{"tcp:80:backlog=1:backlog=2", "backlog", "given twice"},
		{`tcp:80\`, "", "trailing backslash"},
		{"unix", "address", "missing"},
		{"unix:", "address", "empty"},
		{"unix:/p:mode=999", "mode", `invalid octal mode "999"`},
		{"unix:/p:mode=", "mode", "invalid octal mode"},
		{"unix:/p:mode=1777", "mode", "beyond 0777"},
		{"unix:/p:lockfile=yes", "lockfile", `want 0 or 1, got "yes"`},
		{"unix:/p:timeout=5", "timeout", "unknown option"},
	})
}

func TestClientFromStringErrors(t *testing.T) {
	checkBad(t, "ClientFromString", func(s string) error {
		_, err := endpoints.ClientFromString(internettest.NewMemoryReactor(), s)
		return err
	}, []badString{
		{"", "", "no endpoint type"},
		{"ssl:h:443", "", `unknown client endpoint type "ssl"`},
		{"tcp", "host", "missing"},
		{"tcp:h", "port", "missing"},
		{"tcp::80", "host", "empty"},
		{"tcp:h:0", "port", "0 is out of range 1..65535"},
		{"tcp:h:http", "port", `invalid number "http"`},
		{"tcp:h:80:81", "", `unexpected positional field "81"`},
		{"tcp:h:80:timeout=0", "timeout", "not positive"},
		{"tcp:h:80:timeout=-5", "timeout", "not positive"},
		{"tcp:h:80:timeout=soon", "timeout", `invalid duration "soon"`},
		{"tcp:h:80:timeout=99999999999", "timeout", "too long"},
		{"tcp:h:80:bindAddress=here", "bindAddress", `"here" is not an IP address`},
		{"tcp:h:80:interface=127.0.0.1", "interface", "unknown option"},
		{"unix:", "path", "empty"},
		{"unix:/p:mode=600", "mode", "unknown option"},
		{"unix:/p:lockfile=2", "lockfile", "want 0 or 1"},
	})
}

func TestErrorMessageNamesField(t *testing.T) {
	_, err := endpoints.ServerFromString(internettest.NewMemoryReactor(), "tcp:abc")
	const want = `endpoints: "tcp:abc": port: invalid number "abc"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestNilReactor(t *testing.T) {
	if _, err := endpoints.ServerFromString(nil, "tcp:80"); !errors.Is(err, interfaces.ErrInvalidArgument) {
		t.Errorf("ServerFromString(nil, ...) = %v, want ErrInvalidArgument", err)
	}
	if _, err := endpoints.ClientFromString(nil, "tcp:h:80"); !errors.Is(err, interfaces.ErrInvalidArgument) {
		t.Errorf("ClientFromString(nil, ...) = %v, want ErrInvalidArgument", err)
	}
}

func checkBad(t *testing.T, fn string, parse func(string) error, tests []badString) {
	t.Helper()
	for _, tc := range tests {
		err := parse(tc.in)
		var de *endpoints.DescriptionError
		switch {
		case !errors.As(err, &de):
			t.Errorf("%s(%q) = %v, want a *DescriptionError", fn, tc.in, err)
		case !errors.Is(err, interfaces.ErrInvalidArgument):
			t.Errorf("%s(%q) = %v, does not match ErrInvalidArgument", fn, tc.in, err)
		case de.Description != tc.in || de.Field != tc.field || !strings.Contains(de.Reason, tc.reason):
			t.Errorf("%s(%q) = %+v, want field %q, reason containing %q", fn, tc.in, *de, tc.field, tc.reason)
		}
	}
}
