// Command-line flags and their defaults.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// Defaults of the flags.
const (
	defaultListen      = "tcp:6380:interface=127.0.0.1"
	defaultIdleTimeout = 5 * time.Minute
	defaultMaxBulk     = 512 << 10
	defaultMaxArgs     = 1024
	defaultMaxInput    = 4 << 20
	defaultMaxMemory   = 256 << 20
)

// config is what the flags say.
type config struct {
	listen      []string
	reactor     string
	idleTimeout time.Duration
	lim         limits
	maxMemory   int
}

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// newFlagSet declares the flags into cfg. Its output goes to out.
func newFlagSet(cfg *config, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("miniredis", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Var((*listFlag)(&cfg.listen), "listen", "endpoint to listen on, repeatable (default "+defaultListen+")")
	fs.StringVar(&cfg.reactor, "reactor", "", "reactor to run on, such as epoll or poll (default: the platform's)")
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", defaultIdleTimeout, "close a connection after this long without a complete command (0: never)")
	fs.IntVar(&cfg.lim.maxBulk, "max-bulk", defaultMaxBulk, "longest argument of a command, in bytes")
	fs.IntVar(&cfg.lim.maxArgs, "max-args", defaultMaxArgs, "most arguments of a command")
	fs.IntVar(&cfg.lim.maxInput, "max-input", defaultMaxInput, "longest command in bytes, and most input buffered per connection")
	fs.IntVar(&cfg.maxMemory, "max-memory", defaultMaxMemory, "bytes of keys and values the store may hold before writes fail with OOM")
	return fs
}

// parseConfig reads the command line. It returns flag.ErrHelp for -h, and
// an error naming the problem for bad flags or values.
func parseConfig(args []string) (config, error) {
	var cfg config
	fs := newFlagSet(&cfg, io.Discard)
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if len(cfg.listen) == 0 {
		cfg.listen = []string{defaultListen}
	}
	return cfg, cfg.check()
}

// check rejects values that cannot work.
func (cfg *config) check() error {
	switch {
	case cfg.idleTimeout < 0:
		return errors.New("-idle-timeout must not be negative")
	case cfg.lim.maxBulk < 0:
		return errors.New("-max-bulk must not be negative")
	case cfg.lim.maxArgs < 1:
		return errors.New("-max-args must be at least 1")
	case cfg.lim.maxInput < 16:
		return errors.New("-max-input must be at least 16")
	case cfg.maxMemory < 0:
		return errors.New("-max-memory must not be negative")
	}
	return nil
}
