// clockCall: the DelayedCall handed out by Clock.CallLater.

package task

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.DelayedCall = (*clockCall)(nil)

// clockCall is one call scheduled on a Clock.
type clockCall struct {
	clock     *Clock
	f         func()
	at        time.Time
	seq       uint64
	called    bool
	cancelled bool
}

// Time reports when the call will run (or would have run).
func (dc *clockCall) Time() time.Time { return dc.at }

// Active reports whether the call is neither run nor cancelled.
func (dc *clockCall) Active() bool { return !dc.called && !dc.cancelled }

// Cancel unschedules the call.
func (dc *clockCall) Cancel() error {
	if err := dc.check(); err != nil {
		return err
	}
	dc.cancelled = true
	dc.clock.remove(dc)
	return nil
}

// Delay pushes the call d later than its current time.
func (dc *clockCall) Delay(d time.Duration) error {
	if err := dc.check(); err != nil {
		return err
	}
	dc.clock.remove(dc)
	dc.clock.schedule(dc, dc.at.Add(d))
	return nil
}

// Reset re-arms the call to run d after the clock's current time.
func (dc *clockCall) Reset(d time.Duration) error {
	if err := dc.check(); err != nil {
		return err
	}
	dc.clock.remove(dc)
	dc.clock.schedule(dc, dc.clock.now.Add(d))
	return nil
}

// check returns the error for operating on a call that is no longer
// pending.
func (dc *clockCall) check() error {
	switch {
	case dc.called:
		return interfaces.ErrAlreadyCalled
	case dc.cancelled:
		return interfaces.ErrAlreadyCancelled
	}
	return nil
}
