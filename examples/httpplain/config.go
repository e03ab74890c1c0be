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
	defaultListen         = "tcp:8080:interface=127.0.0.1"
	defaultIdleTimeout    = 5 * time.Minute
	defaultMaxRequestLine = 8 << 10
	defaultMaxHeaderBytes = 16 << 10
	defaultMaxHeaders     = 100
	defaultMaxBody        = 1 << 20
)

// config is what the flags say.
type config struct {
	listen      []string
	reactor     string
	idleTimeout time.Duration
	lim         limits
}

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// newFlagSet declares the flags into cfg. Its output goes to out.
func newFlagSet(cfg *config, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("httpplain", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Var((*listFlag)(&cfg.listen), "listen", "endpoint to listen on, repeatable (default "+defaultListen+")")
	fs.StringVar(&cfg.reactor, "reactor", "", "reactor to run on, such as epoll or poll (default: the platform's)")
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", defaultIdleTimeout, "close a connection after this long without a complete request (0: never)")
	fs.IntVar(&cfg.lim.maxRequestLine, "max-request-line", defaultMaxRequestLine, "longest request line in bytes; longer gets 414")
	fs.IntVar(&cfg.lim.maxHeaderBytes, "max-header-bytes", defaultMaxHeaderBytes, "longest request head in bytes; longer gets 431")
	fs.IntVar(&cfg.lim.maxHeaders, "max-headers", defaultMaxHeaders, "most header fields; more get 431")
	fs.Int64Var(&cfg.lim.maxBody, "max-body", defaultMaxBody, "longest request body in bytes, read and dropped; longer gets 413")
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
	case cfg.lim.maxRequestLine < 16:
		return errors.New("-max-request-line must be at least 16")
	case cfg.lim.maxHeaderBytes < 16:
		return errors.New("-max-header-bytes must be at least 16")
	case cfg.lim.maxHeaders < 1:
		return errors.New("-max-headers must be at least 1")
	case cfg.lim.maxBody < 0:
		return errors.New("-max-body must not be negative")
	}
	return nil
}
