// Timers: CallLater, the DelayedCall it returns, and running due calls.

package internet

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// delayedCall is one scheduled call. when is its due time on the reactor's
// monotonic clock (time since r.epoch); index is its position in the heap,
// or -1 once it has run or been cancelled (state says which).
type delayedCall struct {
	r     *Reactor
	f     func()
	when  time.Duration
	seq   uint64
	index int
	state callState
}

type callState uint8

const (
	callPending callState = iota
	callCalled
	callCancelled
)

var _ interfaces.DelayedCall = (*delayedCall)(nil)

// Now returns the current time, with a monotonic reading. Safe for
// concurrent use.
//
// Twisted: IReactorTime.seconds.
func (r *Reactor) Now() time.Time { return time.Now() }

// clock is the timers' monotonic clock.
func (r *Reactor) clock() time.Duration { return time.Since(r.epoch) }

// CallLater runs f on the reactor goroutine once delay has passed. A zero
// or negative delay runs f on the next loop turn, never inside CallLater;
// a call scheduled while timers run waits for the next turn too. Calls
// due at the same time run in the order they were scheduled. A panic in f
// is recovered and logged. Call only on the reactor goroutine, or before
// Run.
//
// Twisted: IReactorTime.callLater.
func (r *Reactor) CallLater(delay time.Duration, f func()) interfaces.DelayedCall {
	c := &delayedCall{r: r, f: f}
	r.timers.push(c, r.clock()+max(delay, 0))
	return c
}

// DelayedCalls returns the calls that are scheduled and neither run nor
// cancelled, in no particular order. The slice is the caller's. Call only
// on the reactor goroutine, or before Run.
//
// Twisted: IReactorTime.getDelayedCalls.
func (r *Reactor) DelayedCalls() []interfaces.DelayedCall {
	calls := make([]interfaces.DelayedCall, len(r.timers.h))
	for i, c := range r.timers.h {
		calls[i] = c
	}
	return calls
}

// runDueTimers runs every call due now that was scheduled before this run
// began. A call scheduled meanwhile (even with delay 0) has a higher
// sequence number and a due time no earlier than now, so it sorts after
// every call this run takes and waits for the next turn, after a poll.
func (r *Reactor) runDueTimers() {
	if len(r.timers.h) == 0 {
		return
	}
	now, limit := r.clock(), r.timers.seq
	for len(r.timers.h) > 0 {
		c := r.timers.h[0]
		if c.when > now || c.seq >= limit {
			return
		}
		r.timers.remove(c)
		f := c.f
		c.state, c.f = callCalled, nil
		r.runCall("timer", f)
	}
}

// nextTimer returns how long until the first timer is due (0 if it is
// overdue), and false if no timer is scheduled.
func (r *Reactor) nextTimer() (time.Duration, bool) {
	if len(r.timers.h) == 0 {
		return 0, false
	}
	return max(r.timers.h[0].when-r.clock(), 0), true
}

// Time reports when the call will run.
func (c *delayedCall) Time() time.Time { return c.r.epoch.Add(c.when) }

// Active reports whether the call is still pending.
func (c *delayedCall) Active() bool { return c.state == callPending }

// Cancel stops the call from running, in O(log n).
func (c *delayedCall) Cancel() error {
	if err := c.check(); err != nil {
		return err
	}
	c.r.timers.remove(c)
	c.state = callCancelled
	c.f = nil
	return nil
}

// Delay pushes the call later by d. A negative d brings it earlier, but
// never before now.
func (c *delayedCall) Delay(d time.Duration) error {
	if err := c.check(); err != nil {
		return err
	}
	c.r.timers.move(c, max(c.when+d, c.r.clock()))
	return nil
}

// Reset re-arms the call to run d from now (a zero or negative d: on the
// next turn).
func (c *delayedCall) Reset(d time.Duration) error {
	if err := c.check(); err != nil {
		return err
	}
	c.r.timers.move(c, c.r.clock()+max(d, 0))
	return nil
}

// check returns the error for a call that is not pending any more.
func (c *delayedCall) check() error {
	switch c.state {
	case callCalled:
		return interfaces.ErrAlreadyCalled
	case callCancelled:
		return interfaces.ErrAlreadyCancelled
	}
	return nil
}
