// Running the reactor until a signal stops it, listening on each port, and
// the exit status.

package serve

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/reactor"
)

// Exit statuses of every example server.
const (
	ExitOK      = 0 // stopped by SIGINT or SIGTERM, or -h
	ExitFailure = 1 // an endpoint could not be listened on, or the reactor failed
	ExitUsage   = 2 // bad flags
)

// Opener starts listening on one port once the reactor runs. Its Deferred
// fires with the port (anything with GetHost() net.Addr) or fails with
// the reason.
type Opener func() *deferred.Deferred

// Run is the program of a server with one endpoint, listen, on the
// default reactor: it builds the factory with newFactory, listens, and
// runs until a signal. The listening line carries attrs. It returns the
// exit status, after one line "name: error" on stderr if it is not 0.
func Run(name, listen string, newFactory func(r interfaces.Reactor) interfaces.Factory, attrs ...any) int {
	r := reactor.Get()
	ep, err := endpoints.ServerFromString(r, listen)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		return ExitUsage
	}
	return Serve(name, r, Listeners([]endpoints.ServerEndpoint{ep}, newFactory(r)), os.Stderr,
		func(net.Addr) []any { return attrs })
}

// Listeners returns an Opener for each endpoint, all listening with f.
func Listeners(eps []endpoints.ServerEndpoint, f interfaces.Factory) []Opener {
	opens := make([]Opener, len(eps))
	for i, ep := range eps {
		opens[i] = func() *deferred.Deferred { return ep.Listen(f) }
	}
	return opens
}

// Serve runs r, calling every opener once it runs, until a signal stops
// it or a port cannot be opened; it returns the exit status. For each port
// it logs "listening on HOST:PORT" with the real port and the attributes
// attrs returns for it (attrs may be nil). The first failure is written to
// stderr as one line "name: error" and stops the reactor.
func Serve(name string, r interfaces.Reactor, opens []Opener, stderr io.Writer, attrs func(host net.Addr) []any) int {
	status := ExitOK
	r.CallWhenRunning(func() {
		for _, open := range opens {
			open().AddCallbacks(func(p any) (any, error) {
				listening(p.(interface{ GetHost() net.Addr }).GetHost(), attrs)
				return nil, nil
			}, func(err error) (any, error) {
				if status == ExitOK { // one line, even if several ports fail
					fmt.Fprintf(stderr, "%s: %v\n", name, err)
					status = ExitFailure
					_ = r.Stop()
				}
				return nil, nil
			})
		}
	})
	if err := r.Run(); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return ExitFailure
	}
	return status
}

// listening logs the line scripts and tests wait for.
func listening(host net.Addr, attrs func(net.Addr) []any) {
	var args []any
	if attrs != nil {
		args = attrs(host)
	}
	slog.Info("listening on "+host.String(), args...)
}
