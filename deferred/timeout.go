// AddTimeout: cancel a Deferred that does not fire in time.

package deferred

import (
	"errors"
	"fmt"
	"time"
)

// AddTimeout cancels d if it has not fired after timeout on clock, and
// returns d.
//
// If the time passes, d is cancelled (see [Deferred.Cancel]), and the
// ErrCancelled that results reaches the rest of the chain as an error
// matching ErrTimeout. If d's canceller fires it with a value or another
// error instead, that passes through unchanged. A result that arrives in
// time passes untouched and the timer is cancelled. The timeout covers only
// the callbacks added before AddTimeout: it appends its own pairs to d's
// chain. A nil clock cannot schedule anything, so d times out at once.
// Call only on the reactor goroutine.
//
// Example:
//
//	deferred.AddTimeout(client.Fetch(url), 30*time.Second, reactor).
//		AddErrback(func(err error) (any, error) {
//			if errors.Is(err, deferred.ErrTimeout) {
//				return nil, fmt.Errorf("fetch %s: %w", url, err)
//			}
//			return nil, err
//		})
//
// Twisted: Deferred.addTimeout.
func AddTimeout(d *Deferred, timeout time.Duration, clock Clock) *Deferred {
	t := &timer{d: d, after: timeout}
	if clock == nil {
		t.expire()
	} else {
		t.call = clock.CallLater(timeout, t.expire)
	}
	return d.AddBoth(t.convert).AddBoth(t.stop)
}

// timer is the state of one AddTimeout.
type timer struct {
	d       *Deferred
	call    DelayedCall
	after   time.Duration
	expired bool
}

func (t *timer) expire() {
	t.expired = true
	t.d.Cancel()
}

// convert turns the cancellation caused by the timer into a timeout error.
func (t *timer) convert(r any, err error) (any, error) {
	if t.expired && errors.Is(err, ErrCancelled) {
		return nil, fmt.Errorf("%w after %v", ErrTimeout, t.after)
	}
	return r, err
}

// stop cancels the timer once the chain gets past the timeout.
func (t *timer) stop(r any, err error) (any, error) {
	if t.call != nil && t.call.Active() {
		_ = t.call.Cancel()
	}
	return r, err
}
