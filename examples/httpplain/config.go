// Command-line flags and their defaults.

package main

import (
	"errors"
	"flag"
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

// config is what the server's own flags say; --listen and --reactor are
// serve's.
type config struct {
	idleTimeout time.Duration
	lim         limits
}

// declare declares the server's flags into fs.
func (cfg *config) declare(fs *flag.FlagSet) {
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", defaultIdleTimeout, "close a connection after this long without a complete request (0: never)")
	fs.IntVar(&cfg.lim.maxRequestLine, "max-request-line", defaultMaxRequestLine, "longest request line in bytes; longer gets 414")
	fs.IntVar(&cfg.lim.maxHeaderBytes, "max-header-bytes", defaultMaxHeaderBytes, "longest request head in bytes; longer gets 431")
	fs.IntVar(&cfg.lim.maxHeaders, "max-headers", defaultMaxHeaders, "most header fields; more get 431")
	fs.Int64Var(&cfg.lim.maxBody, "max-body", defaultMaxBody, "longest request body in bytes, read and dropped; longer gets 413")
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
