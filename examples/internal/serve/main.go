// The program of a server with repeatable --listen, --reactor and flags
// of its own: parsing them, usage, installing the reactor.

package serve

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/reactor"
)

// Program is a server for [Main]: its name, its default endpoint, and the
// hooks that add its own flags and build its factory.
type Program struct {
	// Name prefixes every line the program writes on its own, and the
	// usage line.
	Name string
	// DefaultListen is the endpoint listened on when --listen is not given.
	DefaultListen string
	// Flags declares the program's own flags into fs, after --listen and
	// --reactor. It may be nil.
	Flags func(fs *flag.FlagSet)
	// Check rejects flag values that cannot work, with an error naming the
	// flag. It may be nil.
	Check func() error
	// NewFactory builds the factory every endpoint listens with, once the
	// flags are parsed and the reactor installed.
	NewFactory func(r interfaces.Reactor) interfaces.Factory
}

// Main runs p with the command-line arguments args (without the program
// name) and returns the exit status. -h prints the usage and the flags to
// stderr and returns ExitOK; bad flags, a bad endpoint or an unknown
// reactor write one line "name: error" to stderr and return ExitUsage;
// otherwise it ends as [Serve] does.
func Main(p Program, args []string, stderr io.Writer) int {
	var listen listFlag
	var reactorName string
	fs := flag.NewFlagSet(p.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&listen, "listen", "endpoint to listen on, repeatable (default "+p.DefaultListen+")")
	fs.StringVar(&reactorName, "reactor", "", "reactor to run on, such as epoll or poll (default: the platform's)")
	if p.Flags != nil {
		p.Flags(fs)
	}
	err := parse(fs, args, p.Check)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stderr, "usage: %s [flags]\n", p.Name)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		return ExitOK
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", p.Name, err)
		return ExitUsage
	}
	if len(listen) == 0 {
		listen = listFlag{p.DefaultListen}
	}
	r, eps, err := setUp(reactorName, listen)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", p.Name, err)
		return ExitUsage
	}
	return Serve(p.Name, r, Listeners(eps, p.NewFactory(r)), stderr, nil)
}

// parse reads the command line into fs's flags and checks them. It
// returns flag.ErrHelp for -h.
func parse(fs *flag.FlagSet, args []string, check func() error) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if check == nil {
		return nil
	}
	return check()
}

// setUp installs the reactor named (the platform's if "") and parses the
// endpoints.
func setUp(reactorName string, listen []string) (interfaces.Reactor, []endpoints.ServerEndpoint, error) {
	if reactorName != "" {
		if err := reactor.InstallByName(reactorName); err != nil {
			return nil, nil, fmt.Errorf("-reactor: %w", err)
		}
	}
	r := reactor.Get()
	eps := make([]endpoints.ServerEndpoint, len(listen))
	for i, desc := range listen {
		var err error
		if eps[i], err = endpoints.ServerFromString(r, desc); err != nil {
			return nil, nil, fmt.Errorf("-listen: %w", err)
		}
	}
	return r, eps, nil
}

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }
