// Unhandled errors: reporting an error left at the end of a chain, when its
// Deferred is garbage-collected or on explicit request.

package deferred

import (
	"context"
	"errors"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
)

var logger atomic.Pointer[slog.Logger]

// SetLogger sets the logger that reports unhandled errors; nil restores
// slog.Default(). Tests set it to capture the report. Safe for concurrent
// use.
//
// Example:
//
//	deferred.SetLogger(slog.New(slog.NewJSONHandler(os.Stderr, nil)))
//
// Twisted: the log observer that receives "Unhandled error in Deferred".
func SetLogger(l *slog.Logger) {
	logger.Store(l)
}

func currentLogger() *slog.Logger {
	if l := logger.Load(); l != nil {
		return l
	}
	return slog.Default()
}

// tracker remembers the error a Deferred's chain ended with. It is a
// separate object so the cleanup that reads it does not keep the Deferred
// alive. The cleanup runs on another goroutine, hence the mutex.
type tracker struct {
	mu  sync.Mutex
	err error
}

func (t *tracker) set(err error) {
	t.mu.Lock()
	t.err = err
	t.mu.Unlock()
}

func (t *tracker) get() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err
}

// settle records whether d's chain, having run as far as it can, ends on
// an error.
func (d *Deferred) settle() {
	if d.err == nil {
		if d.tracker != nil {
			d.tracker.set(nil)
		}
		return
	}
	if d.tracker == nil {
		d.tracker = &tracker{}
		runtime.AddCleanup(d, reportUnhandled, d.tracker)
	}
	d.tracker.set(d.err)
}

// reportUnhandled logs t's error, if any, once its Deferred is collected.
func reportUnhandled(t *tracker) {
	err := t.get()
	if err == nil {
		return
	}
	attrs := []slog.Attr{slog.Any("err", err)}
	if pe, ok := errors.AsType[*PanicError](err); ok {
		attrs = append(attrs, slog.String("stack", string(pe.Stack)))
	}
	currentLogger().LogAttrs(context.Background(), slog.LevelError, "unhandled error in Deferred", attrs...)
}

// UnhandledError returns the error d's chain ended with if no errback has
// handled it yet, and nil otherwise.
//
// Such an error is logged when d is garbage-collected, but collection may
// come late or never; tests and shutdown code call UnhandledError to check
// now. Adding an errback that recovers, or returning d from a callback of
// another Deferred, handles the error. The report on collection needs the
// error not to refer back to its Deferred: such a cycle keeps the Deferred
// alive, and only this check finds the error. Call only on the reactor
// goroutine.
//
// Example:
//
//	if err := d.UnhandledError(); err != nil {
//		t.Errorf("unhandled error in Deferred: %v", err)
//	}
//
// Twisted: the failure held in Deferred._debugInfo.failResult.
func (d *Deferred) UnhandledError() error {
	if d.tracker == nil {
		return nil
	}
	return d.tracker.get()
}
