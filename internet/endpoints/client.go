// ClientFromString: client endpoints from their string descriptions.

package endpoints

import (
	"fmt"
	"net"
	"strings"

	"github.com/twistgo/twistgo/interfaces"
)

// ClientFromString returns the client endpoint that desc describes, on
// reactor r. The forms are Twisted's:
//
//	tcp:HOST:PORT[:timeout=T][:bindAddress=IP]
//	tcp:host=HOST:port=PORT[...]   (or mixed: tcp:host=HOST:PORT)
//	unix:PATH[:timeout=T][:lockfile=0|1]
//	unix:path=PATH[...]
//
// PORT is 1..65535; T is whole seconds ("5") or a Go duration ("1.5s"),
// and defaults to interfaces.DefaultConnectTimeout; bindAddress is an IP
// literal bound with port 0 before connecting; lockfile is accepted for
// compatibility with Twisted's strings and has no effect. Type names are
// case-insensitive ("TCP:example.org:80" works), as in Twisted. Escape
// ":" and "\" in values with a backslash (see [QuoteStringArgument]).
//
// The error is a *DescriptionError naming the bad field (it matches
// interfaces.ErrInvalidArgument), or one wrapping ErrInvalidArgument for a
// nil r.
//
// Twisted: endpoints.clientFromString.
func ClientFromString(r Reactor, desc string) (ClientEndpoint, error) {
	d, err := parse(desc)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, fmt.Errorf("%w: endpoints: nil reactor for %q", interfaces.ErrInvalidArgument, desc)
	}
	switch strings.ToLower(d.kind) {
	case "tcp":
		return d.tcpClient(r)
	case "unix":
		return d.unixClient(r)
	}
	return nil, syntaxError(desc, "", fmt.Sprintf("unknown client endpoint type %q", d.kind))
}

// tcpClient builds a TCP client endpoint.
func (d *description) tcpClient(r interfaces.ReactorTCP) (ClientEndpoint, error) {
	f := d.bind([]string{"host", "port"}, "timeout", "bindAddress")
	host := f.str("host", "", true)
	port := f.port(1)
	opts := interfaces.TCPConnectOptions{Timeout: f.timeout("timeout")}
	if a, ok := f.addr("bindAddress", false); ok {
		opts.BindAddress = &net.TCPAddr{IP: a.AsSlice(), Zone: a.Zone()}
	}
	if f.err != nil {
		return nil, f.err
	}
	return &TCPClientEndpoint{Reactor: r, Host: host, Port: port, Options: opts}, nil
}

// unixClient builds a UNIX client endpoint.
func (d *description) unixClient(r interfaces.ReactorUNIX) (ClientEndpoint, error) {
	f := d.bind([]string{"path"}, "timeout", "lockfile")
	path := f.str("path", "", true)
	opts := interfaces.UNIXConnectOptions{Timeout: f.timeout("timeout")}
	f.flag("lockfile", false)
	if f.err != nil {
		return nil, f.err
	}
	return &UNIXClientEndpoint{Reactor: r, Path: path, Options: opts}, nil
}
