// Command portforward relays every TCP connection it accepts to another
// address, bytes flowing both ways until either side ends. It shows a
// ready-made factory from the protocol library (portforward.ProxyFactory)
// doing client and server work at once: each accepted connection opens an
// outgoing one through the reactor, and each side's transport throttles
// the other, so a slow peer cannot make the relay's memory grow.
//
//	go run ./examples/portforward --listen tcp:8080 --to example.org:80
//
// It logs "listening on HOST:PORT" once listening and runs until SIGINT or
// SIGTERM, then exits 0; bad flags exit 2 and a port that cannot be opened
// exits 1. `twist portforward` is the same service with twist's flags.
//
// Twisted: twisted.protocols.portforward and the portforward twist plugin.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/protocol/portforward"
	"github.com/twistgo/twistgo/reactor"
)

func main() {
	listen := flag.String("listen", "tcp:6666", "server endpoint to listen on, such as tcp:0:interface=127.0.0.1")
	to := flag.String("to", "", "HOST:PORT to relay connections to (required)")
	flag.Parse()
	host, port, err := splitTarget(*to)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portforward:", err)
		os.Exit(2)
	}

	r := reactor.Get()
	ep, err := endpoints.ServerFromString(r, *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portforward:", err)
		os.Exit(2)
	}
	code := 0
	r.CallWhenRunning(func() {
		ep.Listen(portforward.NewProxyFactory(r, host, port)).AddCallbacks(
			func(p any) (any, error) {
				slog.Info("listening on "+p.(interfaces.ListeningPort).GetHost().String(), "to", *to)
				return nil, nil
			},
			func(err error) (any, error) {
				fmt.Fprintln(os.Stderr, "portforward:", err)
				code = 1
				return nil, r.Stop()
			})
	})
	if err := r.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "portforward:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// splitTarget checks --to: HOST:PORT with a port of 1 to 65535.
func splitTarget(to string) (host string, port int, err error) {
	host, p, err := net.SplitHostPort(to)
	if err == nil {
		port, err = strconv.Atoi(p)
	}
	if err != nil || host == "" || port < 1 || port > 65535 {
		return "", 0, fmt.Errorf("--to %q: want HOST:PORT with a port of 1 to 65535", to)
	}
	return host, port, nil
}
