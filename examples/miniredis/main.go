// The program: flags, the reactor, one listening port per endpoint, and
// the exit status.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/reactor"
)

// name prefixes every line the program writes on its own.
const name = "miniredis"

// Exit statuses.
const (
	exitOK     = 0
	exitListen = 1 // an endpoint could not be listened on, or the reactor failed
	exitUsage  = 2 // bad flags
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run is the program with its arguments and its error output; it returns
// the exit status.
func run(args []string, stderr io.Writer) int {
	cfg, err := parseConfig(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stderr, "usage: %s [flags]\n", name)
		newFlagSet(&config{}, stderr).PrintDefaults()
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitUsage
	}
	if cfg.reactor != "" {
		if err := reactor.InstallByName(cfg.reactor); err != nil {
			fmt.Fprintf(stderr, "%s: -reactor: %v\n", name, err)
			return exitUsage
		}
	}
	r := reactor.Get()
	eps := make([]endpoints.ServerEndpoint, len(cfg.listen))
	for i, desc := range cfg.listen {
		if eps[i], err = endpoints.ServerFromString(r, desc); err != nil {
			fmt.Fprintf(stderr, "%s: -listen: %v\n", name, err)
			return exitUsage
		}
	}
	status := exitOK
	r.CallWhenRunning(func() {
		srv := newServer(r, cfg)
		for _, ep := range eps {
			ep.Listen(srv).AddCallbacks(listening, func(err error) (any, error) {
				if status == exitOK { // one line, even if several endpoints fail
					fmt.Fprintf(stderr, "%s: %v\n", name, err)
					status = exitListen
					_ = r.Stop()
				}
				return nil, nil
			})
		}
	})
	if err := r.Run(); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitListen
	}
	return status
}

// listening logs the line scripts and tests wait for, with the real port.
func listening(port any) (any, error) {
	slog.Info("listening on " + port.(interfaces.ListeningPort).GetHost().String())
	return nil, nil
}
