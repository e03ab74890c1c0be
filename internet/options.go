// Options: the knobs a reactor is built with, and their defaults.

package internet

import (
	"log/slog"
	"time"
)

// Default values used for the zero fields of Options.
const (
	// DefaultShutdownTimeout bounds how long the shutdown event waits for
	// the Deferreds of Before triggers.
	DefaultShutdownTimeout = 30 * time.Second

	// DefaultReadBufferSize is the size of the loop's shared read buffer.
	DefaultReadBufferSize = 64 << 10

	// DefaultThreadPoolSize is how many CallInThread workers run at once
	// until SuggestThreadPoolSize says otherwise.
	DefaultThreadPoolSize = 10
)

// Options tunes a reactor. The zero value gives the defaults.
type Options struct {
	// Logger receives panics recovered from callbacks, failed shutdown
	// triggers, signals and poller errors. nil means slog.Default() at
	// construction time.
	Logger *slog.Logger

	// NoSignalHandlers keeps Run from handling SIGINT and SIGTERM. By
	// default Run handles them by stopping the reactor gracefully (the
	// shutdown triggers run and Run returns); tests and programs that own
	// their signals set it.
	//
	// Twisted: run(installSignalHandlers=False).
	NoSignalHandlers bool

	// ShutdownTimeout bounds how long the During phase of shutdown waits
	// for the Deferreds returned by Before triggers; 0 or less means
	// DefaultShutdownTimeout. It also bounds how long Run waits for
	// CallInThread workers to finish after the loop ends.
	ShutdownTimeout time.Duration

	// ReadBufferSize is the size of the buffer every connection of the
	// loop reads into (see ReadBuffer); 0 or less means
	// DefaultReadBufferSize.
	ReadBufferSize int
}

// withDefaults returns o with its zero fields filled in.
func (o Options) withDefaults() Options {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.ShutdownTimeout <= 0 {
		o.ShutdownTimeout = DefaultShutdownTimeout
	}
	if o.ReadBufferSize <= 0 {
		o.ReadBufferSize = DefaultReadBufferSize
	}
	return o
}
