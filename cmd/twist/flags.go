// Command-line parsing: global flags, the service name, service flags.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/twistgo/twistgo/reactor"
)

// config is what the command line asks for.
type config struct {
	reactor string     // reactor name; "" means the platform default
	listen  []string   // endpoint descriptions; empty means the service's defaults
	level   slog.Level // lowest level logged
	service *service
	opts    options // the service's flags
}

// errHelp reports that help or the version was printed as asked: exit 0.
var errHelp = errors.New("help printed")

// usageError is a mistake on the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// parseArgs parses `[global flags] SERVICE [service flags]`. Help and the
// version go to stdout and give errHelp; every other problem is a
// *usageError.
func parseArgs(args []string, stdout io.Writer) (*config, error) {
	cfg := &config{}
	fs := flag.NewFlagSet("twist", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.reactor, "reactor", "", "")
	fs.Func("listen", "", func(s string) error { cfg.listen = append(cfg.listen, s); return nil })
	fs.TextVar(&cfg.level, "log-level", slog.LevelInfo, "")
	version := fs.Bool("version", false, "")
	if err := parseFlags(fs, args, stdout, writeUsage); err != nil {
		return nil, err
	}
	if *version {
		fmt.Fprintln(stdout, versionLine())
		return nil, errHelp
	}
	if err := checkReactor(cfg.reactor); err != nil {
		return nil, err
	}
	if fs.NArg() == 0 {
		return nil, usagef("no service given; services: %s (see twist --help)", strings.Join(serviceNames(), ", "))
	}
	cfg.service = lookupService(fs.Arg(0))
	if cfg.service == nil {
		return nil, usagef("unknown service %q; services: %s", fs.Arg(0), strings.Join(serviceNames(), ", "))
	}
	return cfg, cfg.parseService(fs.Args()[1:], stdout)
}

// parseService parses the service's own flags into cfg.opts.
func (cfg *config) parseService(args []string, stdout io.Writer) error {
	s := cfg.service
	fs := flag.NewFlagSet("twist "+s.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if s.flags != nil {
		s.flags(fs, &cfg.opts)
	}
	if err := parseFlags(fs, args, stdout, s.writeUsage); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("%s: unexpected argument %q (see twist %s --help)", s.name, fs.Arg(0), s.name)
	}
	if s.check != nil {
		if err := s.check(&cfg.opts); err != nil {
			return usagef("%s: %v", s.name, err)
		}
	}
	return nil
}

// parseFlags parses args with fs, printing help with usage on -h/--help.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer, usage func(io.Writer)) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage(stdout)
		return errHelp
	case err != nil:
		return usagef("%v (see %s --help)", err, fs.Name())
	}
	return nil
}

// checkReactor rejects a reactor name this platform does not offer, listing
// the ones it does. "default", which reactor.InstallByName accepts, is
// valid too.
func checkReactor(name string) error {
	if name == "" || name == "default" || slices.Contains(reactor.Names(), name) {
		return nil
	}
	return usagef("unknown reactor %q; this platform offers: %s", name, strings.Join(reactor.Names(), ", "))
}
