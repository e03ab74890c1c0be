// Command-line flags and their defaults.

package main

import (
	"errors"
	"flag"
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

// config is what the server's own flags say; --listen and --reactor are
// serve's.
type config struct {
	idleTimeout time.Duration
	lim         limits
	maxMemory   int
}

// declare declares the server's flags into fs.
func (cfg *config) declare(fs *flag.FlagSet) {
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", defaultIdleTimeout, "close a connection after this long without a complete command (0: never)")
	fs.IntVar(&cfg.lim.maxBulk, "max-bulk", defaultMaxBulk, "longest argument of a command, in bytes")
	fs.IntVar(&cfg.lim.maxArgs, "max-args", defaultMaxArgs, "most arguments of a command")
	fs.IntVar(&cfg.lim.maxInput, "max-input", defaultMaxInput, "longest command in bytes, and most input buffered per connection")
	fs.IntVar(&cfg.maxMemory, "max-memory", defaultMaxMemory, "bytes of keys and values the store may hold before writes fail with OOM")
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
