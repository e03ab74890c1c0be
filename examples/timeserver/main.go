// The program: flags, listening on each endpoint, exit status.

package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/reactor"
)

// endpointList is the repeatable --listen flag.
type endpointList []string

func (l *endpointList) String() string     { return strings.Join(*l, " ") }
func (l *endpointList) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var listen endpointList
	flag.Var(&listen, "listen", "endpoint to listen on, repeatable: tcp:PORT[:interface=IP] or udp:PORT[:interface=IP] (default tcp:8037 and udp:8037)")
	flag.Parse()
	if len(listen) == 0 {
		listen = endpointList{"tcp:8037", "udp:8037"}
	}

	r := reactor.Get()
	var opens []func() *deferred.Deferred
	for _, desc := range listen {
		open, err := opener(r, desc)
		if err != nil {
			fmt.Fprintln(os.Stderr, "timeserver:", err)
			os.Exit(2)
		}
		opens = append(opens, open)
	}
	code := 0
	r.CallWhenRunning(func() {
		for _, open := range opens {
			open().AddCallbacks(func(p any) (any, error) {
				addr := p.(interface{ GetHost() net.Addr }).GetHost()
				slog.Info("listening on "+addr.String(), "transport", addr.Network())
				return nil, nil
			}, func(err error) (any, error) {
				fmt.Fprintln(os.Stderr, "timeserver:", err)
				code = 1
				_ = r.Stop() // fails if stopping already: fine
				return nil, nil
			})
		}
	})
	if err := r.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "timeserver:", err)
		os.Exit(1)
	}
	os.Exit(code)
}
