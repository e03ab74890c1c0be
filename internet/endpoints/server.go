// ServerFromString: server endpoints from their string descriptions.

package endpoints

import (
	"fmt"
	"math"
	"strings"

	"github.com/twistgo/twistgo/interfaces"
)

// ServerFromString returns the server endpoint that desc describes, on
// reactor r. The forms are Twisted's:
//
//	tcp:PORT[:interface=IP][:backlog=N][:maxConnections=M]
//	tcp6:PORT[:interface=IPv6][:backlog=N][:maxConnections=M]   (interface defaults to ::)
//	unix:PATH[:mode=OCTAL][:backlog=N][:maxConnections=M][:lockfile=0|1]
//	unix:address=PATH[...]
//
// PORT is 0..65535 (0: the system picks), N at least 1 (default 50), mode
// at most 0777 (default 666); lockfile is accepted for compatibility with
// Twisted's strings and has no effect (see [UNIXServerEndpoint]).
// maxConnections, a Twistgo addition, sets the listen options'
// MaxConnections: at most M connections open at once (default: no limit). Type
// names are lower case: "TCP:80" is an unknown type, as in Twisted.
// Characters ":" "=" and "\" in values are escaped with a backslash, so
// "tcp6:8080:interface=\:\:1" listens on ::1 (see [QuoteStringArgument]).
//
// The error is a *DescriptionError naming the bad field (it matches
// interfaces.ErrInvalidArgument), or one wrapping ErrInvalidArgument for a
// nil r.
//
// Twisted: endpoints.serverFromString.
func ServerFromString(r Reactor, desc string) (ServerEndpoint, error) {
	d, err := parse(desc)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, fmt.Errorf("%w: endpoints: nil reactor for %q", interfaces.ErrInvalidArgument, desc)
	}
	switch d.kind {
	case "tcp":
		return d.tcpServer(r, "", false)
	case "tcp6":
		return d.tcpServer(r, "::", true)
	case "unix":
		return d.unixServer(r)
	}
	reason := fmt.Sprintf("unknown server endpoint type %q", d.kind)
	if lower := strings.ToLower(d.kind); lower == "tcp" || lower == "tcp6" || lower == "unix" {
		reason += fmt.Sprintf(" (server types are lower case: %q)", lower)
	}
	return nil, syntaxError(desc, "", reason)
}

// tcpServer builds a TCP server endpoint; v6 requires an IPv6 interface.
func (d *description) tcpServer(r interfaces.ReactorTCP, iface string, v6 bool) (ServerEndpoint, error) {
	f := d.bind([]string{"port"}, "interface", "backlog", "maxConnections")
	port := f.port(0)
	opts := interfaces.TCPListenOptions{
		Interface:      f.ip("interface", iface, v6),
		Backlog:        f.integer("backlog", 0, 1, maxBacklog),
		MaxConnections: f.integer("maxConnections", 0, 1, math.MaxInt32),
	}
	if f.err != nil {
		return nil, f.err
	}
	return &TCPServerEndpoint{Reactor: r, Port: port, Options: opts}, nil
}

// unixServer builds a UNIX server endpoint.
func (d *description) unixServer(r interfaces.ReactorUNIX) (ServerEndpoint, error) {
	f := d.bind([]string{"address"}, "mode", "backlog", "maxConnections", "lockfile")
	path := f.str("address", "", true)
	opts := interfaces.UNIXListenOptions{
		Mode:           f.mode("mode", 0),
		Backlog:        f.integer("backlog", 0, 1, maxBacklog),
		MaxConnections: f.integer("maxConnections", 0, 1, math.MaxInt32),
	}
	f.flag("lockfile", true)
	if f.err != nil {
		return nil, f.err
	}
	return &UNIXServerEndpoint{Reactor: r, Path: path, Options: opts}, nil
}

// maxBacklog bounds the backlog field; the kernel caps it lower anyway
// (net.core.somaxconn on Linux).
const maxBacklog = 1 << 16
