// The time contract AddTimeout needs, declared here so package deferred
// imports nothing but the standard library.

package deferred

import "time"

// Clock schedules a function to run later; it is all [AddTimeout] needs.
//
// The reactor and task.Clock satisfy it structurally, so deferred does not
// import them. Call only on the reactor goroutine.
//
// Example:
//
//	var clock deferred.Clock = reactor // or a task.Clock in tests
//	deferred.AddTimeout(d, time.Second, clock)
//
// Twisted: IReactorTime (the callLater half).
type Clock interface {
	// CallLater arranges for f to run once, after delay, on the reactor
	// goroutine, and returns a handle to inspect or change the call.
	CallLater(delay time.Duration, f func()) DelayedCall
}

// DelayedCall is a scheduled call returned by [Clock.CallLater].
//
// It is declared here, next to Clock, because CallLater must name it and
// deferred imports only the standard library; package interfaces aliases it
// as interfaces.DelayedCall. Implementations are the reactor's timers and
// task.Clock's. Call only on the reactor goroutine.
//
// Example:
//
//	dc := clock.CallLater(5*time.Second, ping)
//	if dc.Active() {
//		_ = dc.Reset(5 * time.Second) // traffic seen: push the ping back
//	}
//
// Twisted: IDelayedCall.
type DelayedCall interface {
	// Time reports when the call will run.
	//
	// Twisted: IDelayedCall.getTime.
	Time() time.Time

	// Active reports whether the call is still pending: false once it has
	// run or been cancelled.
	//
	// Twisted: IDelayedCall.active.
	Active() bool

	// Cancel stops the call from running.
	//
	// It returns ErrAlreadyCalled if the call has run and
	// ErrAlreadyCancelled if it was cancelled before.
	//
	// Twisted: IDelayedCall.cancel.
	Cancel() error

	// Delay pushes the call later by d.
	//
	// It returns ErrAlreadyCalled if the call has run and
	// ErrAlreadyCancelled if it was cancelled.
	//
	// Twisted: IDelayedCall.delay.
	Delay(d time.Duration) error

	// Reset re-arms the call to run d from now.
	//
	// It returns ErrAlreadyCalled if the call has run and
	// ErrAlreadyCancelled if it was cancelled.
	//
	// Twisted: IDelayedCall.reset.
	Reset(d time.Duration) error
}
