// The services twist runs: what each builds for stream and datagram
// endpoints, its default endpoints and its own flags.

package main

import (
	"errors"
	"flag"
	"net"
	"strconv"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/portforward"
	"github.com/twistgo/twistgo/protocol/wire"
)

// service is one thing twist can run.
type service struct {
	name    string
	summary string   // one line for --help, no final period
	listen  []string // the default --listen values

	// flagHelp documents the service's flags for its --help; flags
	// registers them into an options, and check validates them once
	// parsed. All three are empty for a service without flags.
	flagHelp string
	flags    func(fs *flag.FlagSet, o *options)
	check    func(o *options) error

	// tcp returns the factory every stream endpoint shares.
	tcp func(r interfaces.Reactor, o *options) interfaces.Factory
	// udp returns the protocol of one datagram endpoint; nil for a
	// service that speaks no UDP.
	udp func(clock interfaces.ReactorTime) interfaces.DatagramProtocol
}

// options holds the service flags; each service reads its own.
type options struct {
	to     string // portforward --to, as given
	toHost string // ... and split
	toPort int
}

// services is the table of services, in the order --help lists them. The
// default ports are the well-known ones plus 8000, so that no privilege is
// needed; portforward's is Twisted's.
var services = []*service{
	{
		name: "echo", summary: "send back what each client sends (RFC 862)",
		listen: []string{"tcp:8007", "udp:8007"},
		tcp:    forProtocol(func() *wire.Echo { return &wire.Echo{} }),
		udp:    func(interfaces.ReactorTime) interfaces.DatagramProtocol { return &wire.EchoUDP{} },
	},
	{
		name: "discard", summary: "read and drop everything (RFC 863)",
		listen: []string{"tcp:8009"},
		tcp:    forProtocol(func() *wire.Discard { return &wire.Discard{} }),
	},
	{
		name: "chargen", summary: "send characters until the client leaves (RFC 864)",
		listen: []string{"tcp:8019"},
		tcp:    forProtocol(func() *wire.Chargen { return &wire.Chargen{} }),
	},
	{
		name: "daytime", summary: "send the time as text and close (RFC 867)",
		listen: []string{"tcp:8013", "udp:8013"},
		tcp: func(r interfaces.Reactor, _ *options) interfaces.Factory {
			return protocol.ForProtocol(func() *wire.Daytime { return &wire.Daytime{Clock: r} })
		},
		udp: func(c interfaces.ReactorTime) interfaces.DatagramProtocol { return &wire.DaytimeUDP{Clock: c} },
	},
	{
		name: "qotd", summary: "send a quote of the day and close (RFC 865)",
		listen: []string{"tcp:8017"},
		tcp:    forProtocol(func() *wire.QOTD { return &wire.QOTD{} }),
	},
	{
		name: "time", summary: "send the time as 32-bit seconds since 1900 and close (RFC 868)",
		listen: []string{"tcp:8037", "udp:8037"},
		tcp: func(r interfaces.Reactor, _ *options) interfaces.Factory {
			return protocol.ForProtocol(func() *wire.Time { return &wire.Time{Clock: r} })
		},
		udp: func(c interfaces.ReactorTime) interfaces.DatagramProtocol { return &wire.TimeUDP{Clock: c} },
	},
	{
		name: "chat", summary: "a chat room: nicknames, messages to everyone else, /commands",
		listen: []string{"tcp:8023"},
		tcp:    func(interfaces.Reactor, *options) interfaces.Factory { return newChatFactory() },
	},
	{
		name: "portforward", summary: "relay each connection to --to HOST:PORT",
		listen:   []string{"tcp:6666"},
		flagHelp: "  --to HOST:PORT  where to relay connections (required)\n",
		flags:    func(fs *flag.FlagSet, o *options) { fs.StringVar(&o.to, "to", "", "") },
		check:    checkForwardTarget,
		tcp: func(r interfaces.Reactor, o *options) interfaces.Factory {
			return portforward.NewProxyFactory(r, o.toHost, o.toPort)
		},
	},
}

// forProtocol adapts protocol.ForProtocol to the table: the factory of a
// service that needs neither the reactor nor flags.
func forProtocol[P interfaces.Protocol](newP func() P) func(interfaces.Reactor, *options) interfaces.Factory {
	return func(interfaces.Reactor, *options) interfaces.Factory { return protocol.ForProtocol(newP) }
}

// checkForwardTarget requires --to HOST:PORT with a port of 1 to 65535.
func checkForwardTarget(o *options) error {
	if o.to == "" {
		return errors.New("--to HOST:PORT is required")
	}
	host, port, err := net.SplitHostPort(o.to)
	if err == nil {
		o.toHost = host
		o.toPort, err = strconv.Atoi(port)
	}
	if err != nil || host == "" || o.toPort < 1 || o.toPort > 65535 {
		return errors.New("--to " + strconv.Quote(o.to) + ": want HOST:PORT with a port of 1 to 65535")
	}
	return nil
}

// lookupService returns the service called name, or nil.
func lookupService(name string) *service {
	for _, s := range services {
		if s.name == name {
			return s
		}
	}
	return nil
}

// serviceNames lists the services in table order.
func serviceNames() []string {
	names := make([]string, len(services))
	for i, s := range services {
		names[i] = s.name
	}
	return names
}
