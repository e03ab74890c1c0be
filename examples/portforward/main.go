// The program: flags, the proxy factory, exit status.

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
