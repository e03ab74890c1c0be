// Running tests on every reactor: EachReactor, RunReactor, Await and the
// descriptor count behind the leak check.

package internettest

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
)

// Timeout is how long Await, RunReactor and EachReactor's clean-up wait
// before failing the test.
const Timeout = 10 * time.Second

// leakGrace is how long the leak check waits for descriptors that other
// goroutines of the test are still closing.
const leakGrace = 2 * time.Second

// EachReactor runs body as a subtest for every reactor internet.Names()
// lists, each on a fresh reactor built with Options{NoSignalHandlers:
// true}.
//
// After body returns (or fails with t.Fatal), the reactor is shut down:
// stopped if RunReactor runs it, or run through startup and shutdown if it
// never ran, so that every descriptor still registered is told
// ErrConnectionLost and the reactor's own descriptors are closed. Then the
// test fails if the process has more open descriptors than before the
// reactor was built. The count is process-wide: do not make these
// subtests, or anything running beside them, parallel. Call it from the
// test goroutine.
func EachReactor(t *testing.T, body func(t *testing.T, r *internet.Reactor)) {
	t.Helper()
	for _, name := range internet.Names() {
		t.Run(name, func(t *testing.T) {
			warmUp()
			before := OpenFDs(t)
			t.Cleanup(func() { checkFDs(t, before) })
			r, err := internet.NewWithOptions(name, internet.Options{NoSignalHandlers: true})
			if err != nil {
				t.Fatalf("internet.NewWithOptions(%q): %v", name, err)
			}
			t.Cleanup(func() { shutDown(t, r) })
			body(t, r)
		})
	}
}

// RunReactor runs r.Run on a new goroutine and returns once the reactor is
// running. When the test ends, it stops r through CallFromThread and waits
// up to Timeout for Run to return; Run's error, or a timeout, fails the
// test. While r runs, touch it only through CallFromThread (or
// internet.BlockingCallFromThread). Call it from the test goroutine.
func RunReactor(t testing.TB, r *internet.Reactor) {
	t.Helper()
	started := make(chan struct{})
	r.CallWhenRunning(func() { close(started) })
	done := make(chan error, 1)
	go func() { done <- r.Run() }()
	t.Cleanup(func() {
		r.CallFromThread(func() { _ = r.Stop() })
		if err := Await(t, done); err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	select {
	case <-started:
	case err := <-done:
		done <- err // for the clean-up
		t.Fatalf("Run returned before the reactor ran: %v", err)
	case <-time.After(Timeout):
		t.Fatalf("reactor not running within %v", Timeout)
	}
}

// Await returns the next value from ch, or fails the test if none arrives
// within Timeout. Call it from the test goroutine (it may call t.Fatalf).
func Await[T any](t testing.TB, ch <-chan T) T {
	t.Helper()
	timer := time.NewTimer(Timeout)
	defer timer.Stop()
	select {
	case v := <-ch:
		return v
	case <-timer.C:
		t.Fatalf("no event within %v", Timeout)
		var zero T
		return zero
	}
}

// shutDown makes sure r has run to its end. A reactor that never ran is
// run now with a queued Stop, which fires startup and shutdown and closes
// its descriptors; one that ran returns ErrReactorNotRestartable at once.
func shutDown(t *testing.T, r *internet.Reactor) {
	t.Helper()
	r.CallFromThread(func() { _ = r.Stop() })
	done := make(chan error, 1)
	go func() { done <- r.Run() }()
	switch err := Await(t, done); {
	case err == nil, errors.Is(err, interfaces.ErrReactorNotRestartable):
	case errors.Is(err, interfaces.ErrReactorAlreadyRunning):
		t.Errorf("reactor %s still running at the end of the test: run it with RunReactor", r.Name())
	default:
		t.Errorf("shutting down reactor %s: %v", r.Name(), err)
	}
}

// OpenFDs returns how many descriptors the process has open, from
// /proc/self/fd or /dev/fd. It skips the test where neither exists.
func OpenFDs(t testing.TB) int {
	t.Helper()
	fds, err := listFDs()
	if err != nil {
		t.Skipf("cannot count open descriptors: %v", err)
	}
	return len(fds)
}

// listFDs returns the open descriptors, each described by its number and,
// where the system says, what it is ("7 -> socket:[1234]").
func listFDs() ([]string, error) {
	dir := "/proc/self/fd"
	if _, err := os.Stat(dir); err != nil {
		dir = "/dev/fd"
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fds := make([]string, 0, len(entries))
	for _, e := range entries {
		desc := e.Name()
		if target, err := os.Readlink(filepath.Join(dir, e.Name())); err == nil {
			desc += " -> " + target
		}
		fds = append(fds, desc)
	}
	return fds, nil
}

// checkFDs fails the test if more descriptors are open than before,
// allowing other goroutines leakGrace to close theirs.
func checkFDs(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(leakGrace)
	for {
		fds, err := listFDs()
		if err != nil || len(fds) <= before {
			return
		}
		if time.Now().After(deadline) {
			sort.Strings(fds)
			t.Errorf("leaked %d descriptor(s): %d open, %d before; open now:\n%s",
				len(fds)-before, len(fds), before, strings.Join(fds, "\n"))
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

var warmOnce sync.Once

// warmUp makes the Go runtime open the descriptors it keeps for good (its
// own network poller) before the first count, so they are not taken for a
// leak of the first test that uses os or net files.
func warmUp() {
	warmOnce.Do(func() {
		if r, w, err := os.Pipe(); err == nil {
			_ = r.Close()
			_ = w.Close()
		}
	})
}
