// Clock: a deterministic, manually advanced implementation of
// interfaces.ReactorTime for tests.

package task

import (
	"sort"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.ReactorTime = (*Clock)(nil)

// clockEpoch is where every new Clock's time starts: Twisted's Clock starts
// at 0 seconds, so ours starts at the Unix epoch, in UTC so printed times do
// not depend on the machine's zone.
var clockEpoch = time.Unix(0, 0).UTC()

// Clock is a fake reactor clock whose time moves only when a test says so.
//
// Time starts at the Unix epoch (UTC) and carries no monotonic reading.
// CallLater schedules without ever running anything; [Clock.Advance] moves
// time forward and runs every call that has come due, in order of due time
// and, for ties, in the order the calls were scheduled (a Reset or Delay
// counts as scheduling anew). A call that a running call schedules, resets or
// cancels is honoured within the same Advance, as Twisted's Clock does: a
// call scheduled with delay 0 during Advance runs before Advance returns.
// Negative delays are accepted and make the call due at once.
//
// A panic in a scheduled function is not recovered: it propagates out of
// Advance (or Pump) to the test, which is what a test tool should do. The
// call that panicked counts as run; the clock stays consistent and the
// remaining due calls run at the next Advance.
//
// The zero value is not usable; create one with [NewClock]. Call only on
// the reactor goroutine: for a Clock, the one goroutine (the test's) that
// schedules on it and advances it. It is not safe for concurrent use.
//
// Twisted: task.Clock.
type Clock struct {
	now   time.Time
	calls []*clockCall // pending, sorted by (at, seq)
	seq   uint64       // scheduling order, for FIFO among ties
}

// NewClock returns a Clock at the Unix epoch with nothing scheduled.
//
// Twisted: task.Clock().
func NewClock() *Clock {
	return &Clock{now: clockEpoch}
}

// Now returns the clock's current time.
//
// Twisted: Clock.seconds.
func (c *Clock) Now() time.Time {
	return c.now
}

// CallLater schedules f to run once the clock has been advanced by delay.
// It never runs f itself. A nil f is scheduled and does nothing when due.
//
// Twisted: Clock.callLater.
func (c *Clock) CallLater(delay time.Duration, f func()) interfaces.DelayedCall {
	dc := &clockCall{clock: c, f: f}
	c.schedule(dc, c.now.Add(delay))
	return dc
}

// DelayedCalls returns the pending calls (neither run nor cancelled) in the
// order they will run. The slice is a fresh copy the caller owns.
//
// Twisted: Clock.getDelayedCalls.
func (c *Clock) DelayedCalls() []interfaces.DelayedCall {
	out := make([]interfaces.DelayedCall, len(c.calls))
	for i, dc := range c.calls {
		out[i] = dc
	}
	return out
}

// Advance moves the clock forward by d and then runs, one by one, every call
// whose time has come, including calls that those calls schedule for a
// time not after the new now. A negative d moves the clock backwards and
// runs what is due then. Time moves first, so every call run by this
// Advance sees the new Now, however early it was due; that is what lets a
// test skip over missed intervals of a LoopingCall. A panic in a call
// propagates to the caller of Advance (see [Clock]).
//
// Twisted: Clock.advance.
func (c *Clock) Advance(d time.Duration) {
	c.now = c.now.Add(d)
	for len(c.calls) > 0 && !c.calls[0].at.After(c.now) {
		dc := c.calls[0]
		c.remove(dc)
		dc.called = true
		if dc.f != nil {
			dc.f()
		}
	}
}

// Pump advances the clock by each duration in turn, as repeated calls to
// [Clock.Advance] would. durations is only read.
//
// Twisted: Clock.pump.
func (c *Clock) Pump(durations []time.Duration) {
	for _, d := range durations {
		c.Advance(d)
	}
}

// schedule (re)inserts dc at time at, after any pending call due at the
// same time.
func (c *Clock) schedule(dc *clockCall, at time.Time) {
	c.seq++
	dc.at, dc.seq = at, c.seq
	i := sort.Search(len(c.calls), func(i int) bool { return c.calls[i].at.After(at) })
	c.calls = append(c.calls, nil)
	copy(c.calls[i+1:], c.calls[i:])
	c.calls[i] = dc
}

// remove takes dc out of the pending list; it must be there.
func (c *Clock) remove(dc *clockCall) {
	for i, p := range c.calls {
		if p == dc {
			copy(c.calls[i:], c.calls[i+1:])
			c.calls[len(c.calls)-1] = nil
			c.calls = c.calls[:len(c.calls)-1]
			return
		}
	}
}
