// Tests of unhandled-error reporting, and the whole-package check that no
// other test leaves an unhandled error behind.

package deferred_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/twistgo/twistgo/deferred"
)

const testTimeout = 10 * time.Second

// capture is a slog.Handler that keeps the records it receives. Cleanups
// log from their own goroutine, hence the mutex.
type capture struct {
	mu      sync.Mutex
	records []slog.Record
	changed chan struct{} // signalled on each record
}

func newCapture() *capture {
	return &capture{changed: make(chan struct{}, 1)}
}

func (c *capture) Enabled(context.Context, slog.Level) bool { return true }
func (c *capture) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *capture) WithGroup(string) slog.Handler            { return c }

func (c *capture) Handle(_ context.Context, r slog.Record) error {
	c.mu.Lock()
	c.records = append(c.records, r.Clone())
	c.mu.Unlock()
	select {
	case c.changed <- struct{}{}:
	default:
	}
	return nil
}

// errs returns the "err" attribute of every record so far.
func (c *capture) errs() []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []error
	for _, r := range c.records {
		r.Attrs(func(a slog.Attr) bool {
			if err, ok := a.Value.Any().(error); ok && a.Key == "err" {
				out = append(out, err)
			}
			return true
		})
	}
	return out
}

// waitFor collects garbage until pred holds for the logged errors or the
// deadline passes.
func (c *capture) waitFor(t *testing.T, pred func([]error) bool) []error {
	t.Helper()
	deadline := time.After(testTimeout)
	for {
		if errs := c.errs(); pred(errs) {
			return errs
		}
		runtime.GC()
		select {
		case <-c.changed:
		case <-time.After(10 * time.Millisecond): // another GC cycle
		case <-deadline:
			t.Fatalf("no matching log record within %v; got %v", testTimeout, c.errs())
		}
	}
}

// packageLog receives unhandled-error reports outside TestUnhandled*; any
// record there is a test that forgot to handle a failure.
var packageLog = newCapture()

func TestMain(m *testing.M) {
	deferred.SetLogger(slog.New(packageLog))
	code := m.Run()
	if code == 0 {
		if leaked := collectAll(); len(leaked) > 0 {
			fmt.Fprintf(os.Stderr, "tests left unhandled errors in Deferreds: %v\n", leaked)
			code = 1
		}
	}
	os.Exit(code)
}

// collectAll runs the garbage collector until a marker object's cleanup has
// run twice over, then returns what packageLog received.
func collectAll() []error {
	for range 2 {
		done := make(chan struct{})
		runtime.AddCleanup(new([16]byte), func(c chan struct{}) { close(c) }, done)
		deadline := time.After(testTimeout)
	wait:
		for {
			runtime.GC()
			select {
			case <-done:
				break wait
			case <-deadline:
				return append(packageLog.errs(), errors.New("cleanups did not run"))
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	return packageLog.errs()
}

// useLog routes reports to a fresh capture for the rest of the test.
func useLog(t *testing.T) *capture {
	c := newCapture()
	deferred.SetLogger(slog.New(c))
	t.Cleanup(func() { deferred.SetLogger(slog.New(packageLog)) })
	return c
}

// failAndDrop fails a Deferred with err, lets handle decide its fate, and
// drops every reference to it.
//
//go:noinline
func failAndDrop(err error, handle func(d *deferred.Deferred)) {
	d := deferred.New(nil)
	d.AddCallback(func(r any) (any, error) { return r, nil })
	_ = d.Errback(err)
	handle(d)
}

func TestUnhandledErrorLoggedOnCollection(t *testing.T) {
	log := useLog(t)
	unhandled := errors.New("nobody handles me")
	failAndDrop(unhandled, func(*deferred.Deferred) {})

	errs := log.waitFor(t, func(errs []error) bool { return containsErr(errs, unhandled) })

	log.mu.Lock()
	defer log.mu.Unlock()
	for _, r := range log.records {
		if r.Message != "unhandled error in Deferred" || r.Level != slog.LevelError {
			t.Errorf("record %q at %v; want \"unhandled error in Deferred\" at ERROR", r.Message, r.Level)
		}
	}
	if n := countErr(errs, unhandled); n != 1 {
		t.Errorf("logged %d times; want once", n)
	}
}

func TestUnhandledPanicLogsStack(t *testing.T) {
	log := useLog(t)
	func() {
		d := deferred.Succeed(nil)
		d.AddCallback(func(any) (any, error) { panic("stack me") })
	}()
	log.waitFor(t, func(errs []error) bool {
		for _, err := range errs {
			if pe, ok := errors.AsType[*deferred.PanicError](err); ok && pe.Value == "stack me" {
				return true
			}
		}
		return false
	})
	log.mu.Lock()
	defer log.mu.Unlock()
	found := false
	for _, r := range log.records {
		r.Attrs(func(a slog.Attr) bool {
			found = found || a.Key == "stack" && a.Value.String() != ""
			return true
		})
	}
	if !found {
		t.Error("no \"stack\" attribute logged for a *PanicError")
	}
}

func TestHandledErrorsNotLogged(t *testing.T) {
	log := useLog(t)
	handled := errors.New("handled")
	sentinel := errors.New("sentinel")
	for range 10 {
		failAndDrop(handled, handle)
		failAndDrop(handled, func(d *deferred.Deferred) {
			outer := deferred.Succeed(nil) // d's error moves to outer, which handles it
			outer.AddCallback(func(any) (any, error) { return d, nil })
			handle(outer)
		})
	}
	failAndDrop(sentinel, func(*deferred.Deferred) {})
	errs := log.waitFor(t, func(errs []error) bool { return containsErr(errs, sentinel) })
	if n := countErr(errs, handled); n != 0 {
		t.Errorf("handled error logged %d times", n)
	}
}

func TestUnhandledError(t *testing.T) {
	tests := []struct {
		name string
		make func() *deferred.Deferred
		want error
	}{
		{"never failed", func() *deferred.Deferred { return deferred.Succeed(1) }, nil},
		{"failed, no errback", func() *deferred.Deferred { return deferred.Fail(errBoom) }, errBoom},
		{"errback recovers", func() *deferred.Deferred {
			return deferred.Fail(errBoom).AddErrback(func(error) (any, error) { return 0, nil })
		}, nil},
		{"errback passes a new error", func() *deferred.Deferred {
			return deferred.Fail(errBoom).AddErrback(func(error) (any, error) { return nil, errOther })
		}, errOther},
		{"unfired", func() *deferred.Deferred { return deferred.New(nil) }, nil},
		{"waiting on an inner Deferred", func() *deferred.Deferred {
			return deferred.Fail(errBoom).AddErrback(func(error) (any, error) { return deferred.New(nil), nil })
		}, nil},
		{"stolen by an outer Deferred", func() *deferred.Deferred {
			inner := deferred.Fail(errBoom)
			outer := deferred.Succeed(nil).AddCallback(func(any) (any, error) { return inner, nil })
			handle(outer)
			return inner
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.make()
			got := d.UnhandledError()
			if !errors.Is(got, tc.want) || (got == nil) != (tc.want == nil) {
				t.Errorf("UnhandledError() = %v; want %v", got, tc.want)
			}
			handle(d)
			if err := d.UnhandledError(); err != nil {
				t.Errorf("after adding an errback, UnhandledError() = %v; want nil", err)
			}
		})
	}
}

func containsErr(errs []error, want error) bool { return countErr(errs, want) > 0 }

func countErr(errs []error, want error) int {
	n := 0
	for _, err := range errs {
		if errors.Is(err, want) {
			n++
		}
	}
	return n
}

func TestSetLoggerNilUsesDefault(t *testing.T) {
	c := newCapture()
	old := slog.Default()
	slog.SetDefault(slog.New(c))
	deferred.SetLogger(nil)
	t.Cleanup(func() {
		slog.SetDefault(old)
		deferred.SetLogger(slog.New(packageLog))
	})
	sentinel := errors.New("to the default logger")
	failAndDrop(sentinel, func(*deferred.Deferred) {})
	c.waitFor(t, func(errs []error) bool { return containsErr(errs, sentinel) })
}
