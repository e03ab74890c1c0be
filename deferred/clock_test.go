// A deterministic Clock for the tests: time moves only when Advance says.

package deferred_test

import (
	"slices"
	"time"

	"github.com/twistgo/twistgo/deferred"
)

// fakeClock runs calls in time order, FIFO among ties, when advanced.
type fakeClock struct {
	now   time.Time
	calls []*fakeCall
}

var _ deferred.Clock = (*fakeClock)(nil)

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Unix(1_000_000, 0)}
}

type fakeCall struct {
	clock     *fakeClock
	at        time.Time
	f         func()
	called    bool
	cancelled bool
}

var _ deferred.DelayedCall = (*fakeCall)(nil)

func (c *fakeClock) CallLater(delay time.Duration, f func()) deferred.DelayedCall {
	call := &fakeCall{clock: c, at: c.now.Add(delay), f: f}
	c.calls = append(c.calls, call)
	return call
}

// Advance moves time forward by d, running every call that comes due.
func (c *fakeClock) Advance(d time.Duration) {
	c.now = c.now.Add(d)
	for {
		i := slices.IndexFunc(c.calls, func(call *fakeCall) bool { return !call.at.After(c.now) })
		if i < 0 {
			return
		}
		for j, call := range c.calls {
			if call.at.Before(c.calls[i].at) {
				i = j
			}
		}
		call := c.calls[i]
		c.calls = slices.Delete(c.calls, i, i+1)
		call.called = true
		call.f()
	}
}

// Pending reports how many calls are scheduled.
func (c *fakeClock) Pending() int { return len(c.calls) }

func (call *fakeCall) Time() time.Time { return call.at }
func (call *fakeCall) Active() bool    { return !call.called && !call.cancelled }

func (call *fakeCall) check() error {
	switch {
	case call.called:
		return deferred.ErrAlreadyCalled
	case call.cancelled:
		return deferred.ErrAlreadyCancelled
	}
	return nil
}

func (call *fakeCall) Cancel() error {
	if err := call.check(); err != nil {
		return err
	}
	call.cancelled = true
	c := call.clock
	c.calls = slices.DeleteFunc(c.calls, func(x *fakeCall) bool { return x == call })
	return nil
}

func (call *fakeCall) Delay(d time.Duration) error {
	if err := call.check(); err != nil {
		return err
	}
	call.at = call.at.Add(d)
	return nil
}

func (call *fakeCall) Reset(d time.Duration) error {
	if err := call.check(); err != nil {
		return err
	}
	call.at = call.clock.now.Add(d)
	return nil
}
