// LoopingCall: run a function every interval, skipping missed ticks.

package task

import (
	"fmt"
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// LoopingCall calls a function repeatedly, once per interval, on a clock.
//
// Ticks fall on whole multiples of the interval since Start: if a call (or
// the Deferred it returns) takes longer than an interval, or the loop is
// late, the missed ticks are skipped rather than caught up, and the next
// call comes at the next tick strictly in the future.
// [NewLoopingCallWithCount] makes a loop whose function is told how many
// intervals passed since its previous call, so it can account for the
// skipped ones.
//
// The function may return a *deferred.Deferred; the next call is scheduled
// only once it has fired. A function that returns an error, panics, or
// whose Deferred fails stops the loop, and the Deferred returned by Start
// fails with that error (a panic as a *deferred.PanicError).
//
// Call only on the reactor goroutine (with a [Clock]: the test's goroutine).
//
// Twisted: task.LoopingCall.
type LoopingCall struct {
	clock    interfaces.ReactorTime
	f        func(count int) (any, error)
	counted  bool // made by NewLoopingCallWithCount: skip calls with count 0
	running  bool
	inFlight bool // f's Deferred has not fired yet
	interval time.Duration
	start    time.Time
	last     int64 // index of the tick of the previous call (counted loops)
	call     interfaces.DelayedCall
	done     *deferred.Deferred

	// Method values made once, so a tick does not allocate them anew.
	runF       func()
	invokeF    func() (any, error)
	succeededF deferred.Callback
	failedF    deferred.Errback
}

// NewLoopingCall returns a stopped LoopingCall that calls f on clock.
//
// Twisted: LoopingCall(f), with clock set.
func NewLoopingCall(clock interfaces.ReactorTime, f func() (any, error)) *LoopingCall {
	return newLoopingCall(clock, func(int) (any, error) { return f() }, false)
}

// NewLoopingCallWithCount returns a stopped LoopingCall that calls f with
// the number of intervals that have passed since f was last called (since
// Start for the first call), so f can tell how many ticks were skipped.
//
// The first call after Start(interval, true) gets 1, as does the first
// after Start(interval, false) or Reset. With an interval of 0, count is
// always 1. A call that finds no whole interval has passed (the clock
// fired early) is skipped and the loop goes on.
//
// Twisted: LoopingCall.withCount.
func NewLoopingCallWithCount(clock interfaces.ReactorTime, f func(count int) (any, error)) *LoopingCall {
	return newLoopingCall(clock, f, true)
}

func newLoopingCall(clock interfaces.ReactorTime, f func(int) (any, error), counted bool) *LoopingCall {
	lc := &LoopingCall{clock: clock, f: f, counted: counted}
	lc.runF, lc.invokeF = lc.run, lc.invoke
	lc.succeededF, lc.failedF = lc.succeeded, lc.failed
	return lc
}

// Start runs the loop every interval, calling the function at once if now
// is true and otherwise one interval from now. An interval of 0 calls it
// on every clock turn (with a [Clock], every call within one Advance, so
// such a function must stop the loop itself).
//
// The returned Deferred fires with the *LoopingCall when the loop is
// stopped with [LoopingCall.Stop], or fails with the function's error. It
// may have fired already when Start returns, if the first call failed or
// stopped the loop.
//
// Start returns an error wrapping interfaces.ErrInvalidArgument for a
// negative interval, and ErrLoopRunning if the loop runs or the Deferred
// of its previous run's function has not fired yet.
//
// Twisted: LoopingCall.start.
func (lc *LoopingCall) Start(interval time.Duration, now bool) (*deferred.Deferred, error) {
	if lc.running || lc.inFlight {
		return nil, ErrLoopRunning
	}
	if interval < 0 {
		return nil, fmt.Errorf("%w: looping call interval %v is negative", interfaces.ErrInvalidArgument, interval)
	}
	lc.running, lc.interval = true, interval
	lc.start = lc.clock.Now()
	lc.last = 0
	if now {
		lc.last = -1
	}
	d := deferred.New(nil)
	lc.done = d
	if now {
		lc.run()
	} else {
		lc.scheduleFrom(lc.start)
	}
	return d, nil
}

// Stop ends the loop: the pending call is cancelled and Start's Deferred
// fires with the *LoopingCall. If the function's Deferred is still pending,
// Start's Deferred fires when that one completes instead. It returns
// ErrLoopNotRunning if the loop is not running.
//
// Twisted: LoopingCall.stop.
func (lc *LoopingCall) Stop() error {
	if !lc.running {
		return ErrLoopNotRunning
	}
	lc.running = false
	if lc.call != nil {
		_ = lc.call.Cancel()
		lc.call = nil
		lc.finish(nil)
	}
	return nil
}

// Reset skips the pending call and restarts the timing from now: the next
// call comes one interval from now. It does nothing while the function's
// Deferred is pending. It returns ErrLoopNotRunning if the loop is not
// running.
//
// Twisted: LoopingCall.reset.
func (lc *LoopingCall) Reset() error {
	if !lc.running {
		return ErrLoopNotRunning
	}
	if lc.call != nil {
		_ = lc.call.Cancel()
		lc.start, lc.last = lc.clock.Now(), 0
		lc.scheduleFrom(lc.start)
	}
	return nil
}

// Running reports whether the loop is started and not stopped.
//
// Twisted: LoopingCall.running.
func (lc *LoopingCall) Running() bool { return lc.running }

// Interval returns the interval given to the last Start.
//
// Twisted: LoopingCall.interval.
func (lc *LoopingCall) Interval() time.Duration { return lc.interval }
