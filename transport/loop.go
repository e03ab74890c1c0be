package transport

import (
	"log/slog"

	"github.com/twistgo/twistgo/interfaces"
)

// Loop is what a connection needs from the reactor that drives it. The
// reactors in package internet implement it; a Conn never reaches further
// into the reactor than this.
type Loop interface {
	interfaces.ReactorFDSet
	interfaces.ReactorTime

	// ReadBuffer returns the loop's shared read buffer. Every connection of
	// the loop reads into it, so its contents are valid only during the
	// callback that read them. Call only on the reactor goroutine.
	ReadBuffer() []byte

	// QueueFlush arranges for f.Flush to run once the callback now running
	// returns, before the loop polls again, so writes made during one
	// callback leave in one system call. The caller queues f at most once
	// until its Flush runs. Call only on the reactor goroutine.
	QueueFlush(f Flusher)

	// Logger returns the logger connections report through.
	Logger() *slog.Logger
}

// Flusher is something with output to send once the current callback
// returns.
type Flusher interface {
	// Flush sends what it can of the buffered output without blocking.
	Flush()
}
