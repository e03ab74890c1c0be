// Cooperator: share the reactor goroutine among long-running iterations,
// round-robin, a time slice per turn.

package task

import (
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// DefaultTimeSlice is how long a Cooperator runs tasks per turn when
// CooperatorOptions.TimeSlice is zero.
const DefaultTimeSlice = 10 * time.Millisecond

// turnDelay is how far ahead a Cooperator schedules its next turn. It is
// positive, as Twisted's 10 ns is, so a turn is never due within the turn
// that scheduled it: on a Clock, each Advance runs at most one turn.
const turnDelay = time.Nanosecond

// Iterator is one unit of a cooperative task's work per call; a
// Cooperator calls it repeatedly until it reports it is done.
//
// more false means the task is done. A non-nil wait pauses the task until
// that Deferred fires: on success the task goes on (or is done, if more is
// false), and a failure ends the task with that error. A non-nil err, or a
// panic (as a *deferred.PanicError), ends the task with that error.
//
// Twisted: the iterator given to Cooperator.cooperate, whose next() may
// yield a Deferred.
type Iterator func() (wait *deferred.Deferred, more bool, err error)

// CooperatorOptions tunes a Cooperator. The zero value means Twisted's
// defaults.
type CooperatorOptions struct {
	// TimeSlice is how long one turn may run tasks before yielding to the
	// reactor; at least one unit of work runs per turn. 0 means
	// DefaultTimeSlice.
	TimeSlice time.Duration

	// Now reads the time that TimeSlice is measured with; nil means
	// time.Now. It must advance while tasks run, or a turn lasts until
	// every task is done or waiting. Tests pass a fake that steps.
	Now func() time.Time
}

// Cooperator runs many iterations side by side on the reactor goroutine:
// each turn it calls the active tasks' iterators in round-robin order until
// its time slice is used up, then schedules the next turn a nanosecond later
// with CallLater, so I/O and timers run in between (on a [Clock], each
// Advance of at least a nanosecond runs one turn). The round-robin position
// carries over from turn to turn, so every task gets its share.
//
// Call only on the reactor goroutine.
//
// Twisted: task.Cooperator.
type Cooperator struct {
	clock   deferred.Clock
	opts    CooperatorOptions
	tasks   []*CooperativeTask // active: neither paused, waiting nor finished
	live    []*CooperativeTask // every unfinished task, active or not
	next    int                // round-robin position in tasks
	call    interfaces.DelayedCall
	turnF   func() // c.turn, made once
	stopped bool
}

// NewCooperator returns a running Cooperator that schedules its turns on
// clock.
//
// Twisted: Cooperator(scheduler=...).
func NewCooperator(clock deferred.Clock, opts CooperatorOptions) *Cooperator {
	if opts.TimeSlice <= 0 {
		opts.TimeSlice = DefaultTimeSlice
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &Cooperator{clock: clock, opts: opts}
	c.turnF = c.turn
	return c
}

// Cooperate adds it as a new task and returns the task's handle. On a
// stopped Cooperator the task fails at once with ErrSchedulerStopped.
//
// Twisted: Cooperator.cooperate.
func (c *Cooperator) Cooperate(it Iterator) *CooperativeTask {
	t := &CooperativeTask{it: it, coop: c}
	if c.stopped {
		t.complete(ErrSchedulerStopped, nil, ErrSchedulerStopped)
		return t
	}
	c.live = append(c.live, t)
	c.add(t)
	return t
}

// Coiterate adds it as a new task and returns a Deferred that fires as
// [CooperativeTask.WhenDone]'s does.
//
// Twisted: Cooperator.coiterate.
func (c *Cooperator) Coiterate(it Iterator) *deferred.Deferred {
	return c.Cooperate(it).WhenDone()
}

// Stop ends every unfinished task, paused and waiting ones included, whose
// WhenDone Deferreds fail with ErrSchedulerStopped, and refuses new tasks
// (they fail the same way) until [Cooperator.Start]. Twisted leaves paused
// tasks alone until they resume; ending them all is simpler to reason
// about.
//
// Twisted: Cooperator.stop.
func (c *Cooperator) Stop() {
	c.stopped = true
	live := c.live
	c.tasks, c.live, c.next = nil, nil, 0
	c.cancelTurn()
	for _, t := range live {
		t.complete(ErrSchedulerStopped, nil, ErrSchedulerStopped)
	}
}

// Start lets a stopped Cooperator accept tasks again.
//
// Twisted: Cooperator.start.
func (c *Cooperator) Start() { c.stopped = false }

// Running reports whether the Cooperator accepts tasks.
//
// Twisted: Cooperator.running.
func (c *Cooperator) Running() bool { return !c.stopped }

// add makes t active and makes sure a turn is scheduled.
func (c *Cooperator) add(t *CooperativeTask) {
	c.tasks = append(c.tasks, t)
	if c.call == nil {
		c.call = c.clock.CallLater(turnDelay, c.turnF)
	}
}

// remove makes t inactive, keeping the round-robin position on the task
// that was next; with no active task left, the pending turn is cancelled.
func (c *Cooperator) remove(t *CooperativeTask) {
	if i := index(c.tasks, t); i >= 0 {
		c.tasks = append(c.tasks[:i], c.tasks[i+1:]...)
		if i < c.next {
			c.next--
		}
	}
	if len(c.tasks) == 0 {
		c.cancelTurn()
	}
}

// forget drops a finished task from the live list.
func (c *Cooperator) forget(t *CooperativeTask) {
	if i := index(c.live, t); i >= 0 {
		c.live = append(c.live[:i], c.live[i+1:]...)
	}
}

func index(ts []*CooperativeTask, t *CooperativeTask) int {
	for i, p := range ts {
		if p == t {
			return i
		}
	}
	return -1
}

// cancelTurn cancels the scheduled turn, if any.
func (c *Cooperator) cancelTurn() {
	if c.call != nil {
		_ = c.call.Cancel()
		c.call = nil
	}
}

// turn runs tasks round-robin until the time slice is spent or none is
// active, then schedules the next turn if work remains.
func (c *Cooperator) turn() {
	c.call = nil
	deadline := c.opts.Now().Add(c.opts.TimeSlice)
	for len(c.tasks) > 0 {
		if c.next >= len(c.tasks) {
			c.next = 0
		}
		t := c.tasks[c.next]
		c.next++
		t.step()
		if !c.opts.Now().Before(deadline) {
			break
		}
	}
	if len(c.tasks) > 0 && c.call == nil {
		c.call = c.clock.CallLater(turnDelay, c.turnF)
	}
}
