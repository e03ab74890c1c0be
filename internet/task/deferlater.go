// DeferLater: a Deferred that fires with a function's result after a delay.

package task

import (
	"time"

	"github.com/twistgo/twistgo/deferred"
)

// DeferLater returns a Deferred that, once delay has passed on clock, calls
// f and fires with its result. f may be nil (the Deferred then fires with
// nil); it may return an error, or a *deferred.Deferred to wait for, and a
// panic in it becomes a *deferred.PanicError failure.
//
// Cancelling the Deferred before the delay passes cancels the timer, and it
// fails with deferred.ErrCancelled; f is not called. Call only on the
// reactor goroutine.
//
// Twisted: task.deferLater.
func DeferLater(clock deferred.Clock, delay time.Duration, f func() (any, error)) *deferred.Deferred {
	var call deferred.DelayedCall
	d := deferred.New(func(*deferred.Deferred) { _ = call.Cancel() })
	if f != nil {
		d.AddCallback(func(any) (any, error) { return f() })
	}
	call = clock.CallLater(delay, func() { _ = d.Callback(nil) })
	return d
}
