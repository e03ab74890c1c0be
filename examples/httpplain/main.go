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
const name = "httpplain"

// Exit statuses.
const (
	exitOK     = 0
	exitListen = 1 // an endpoint could not be listened on, or the reactor failed
	exitUsage  = 2 // bad flags
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run is the program, given its arguments and where errors go; it returns
// the exit status.
func run(args []string, stderr io.Writer) int {
	cfg, err := parseConfig(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stderr, "usage: %s [flags]\n", name)
		newFlagSet(&config{}, stderr).PrintDefaults()
		return exitOK
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitUsage
	}
	r, eps, err := setUp(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitUsage
	}
	return serve(r, eps, newServer(r, cfg), stderr)
}

// setUp installs the reactor the flags name and parses the endpoints.
func setUp(cfg config) (interfaces.Reactor, []endpoints.ServerEndpoint, error) {
	if cfg.reactor != "" {
		if err := reactor.InstallByName(cfg.reactor); err != nil {
			return nil, nil, fmt.Errorf("-reactor: %w", err)
		}
	}
	r := reactor.Get()
	eps := make([]endpoints.ServerEndpoint, len(cfg.listen))
	for i, desc := range cfg.listen {
		var err error
		if eps[i], err = endpoints.ServerFromString(r, desc); err != nil {
			return nil, nil, fmt.Errorf("-listen: %w", err)
		}
	}
	return r, eps, nil
}

// serve runs the reactor, listening on every endpoint with f, until a
// signal stops it or an endpoint cannot be listened on; it returns the exit
// status.
func serve(r interfaces.Reactor, eps []endpoints.ServerEndpoint, f interfaces.Factory, stderr io.Writer) int {
	status := exitOK
	r.CallWhenRunning(func() {
		for _, ep := range eps {
			ep.Listen(f).AddCallbacks(listening, func(err error) (any, error) {
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
