// Error values and error types of package deferred.

package deferred

import (
	"errors"
	"fmt"
	"runtime/debug"
)

var (
	// ErrAlreadyCalled reports a second firing of a Deferred, or an
	// operation on a scheduled call that has already run.
	//
	// Deferred.Callback and Deferred.Errback return it when the Deferred has
	// fired before (see [Deferred.Cancel] for the one swallowed exception).
	// DelayedCall's Cancel, Delay and Reset return it once the call has run;
	// package interfaces re-exports this value so one errors.Is works for
	// both uses.
	//
	//	if err := d.Callback(v); errors.Is(err, deferred.ErrAlreadyCalled) {
	//		log.Print("result arrived twice")
	//	}
	//
	// Twisted: defer.AlreadyCalledError, error.AlreadyCalled.
	ErrAlreadyCalled = errors.New("deferred: already called")

	// ErrAlreadyCancelled reports an operation on a scheduled call that was
	// cancelled before.
	//
	// DelayedCall's Cancel, Delay and Reset return it; package interfaces
	// re-exports this value. Cancelling a Deferred twice is harmless and
	// returns nothing, so Deferred never uses it.
	//
	//	if err := dc.Cancel(); err != nil && !errors.Is(err, deferred.ErrAlreadyCancelled) {
	//		return err
	//	}
	//
	// Twisted: error.AlreadyCancelled.
	ErrAlreadyCancelled = errors.New("deferred: already cancelled")

	// ErrCancelled is the error a cancelled Deferred fails with when its
	// canceller did not fire it.
	//
	//	d.AddErrback(func(err error) (any, error) {
	//		if errors.Is(err, deferred.ErrCancelled) {
	//			return nil, nil // the user gave up: not a failure
	//		}
	//		return nil, err
	//	})
	//
	// Twisted: defer.CancelledError.
	ErrCancelled = errors.New("deferred: cancelled")

	// ErrTimeout is matched (errors.Is) by the error a Deferred fails with
	// when [AddTimeout]'s time passes before it fires.
	//
	//	if errors.Is(err, deferred.ErrTimeout) {
	//		retry()
	//	}
	//
	// Twisted: defer.TimeoutError.
	ErrTimeout = errors.New("deferred: timed out")

	// ErrQueueOverflow is returned by [Queue.Put] when the queue already
	// holds its size limit of values and no getter is waiting.
	//
	//	if errors.Is(q.Put(v), deferred.ErrQueueOverflow) {
	//		dropped++
	//	}
	//
	// Twisted: defer.QueueOverflow.
	ErrQueueOverflow = errors.New("deferred: queue overflow")

	// ErrQueueUnderflow is returned by [Queue.Get] when the queue is empty
	// and its backlog limit of waiting getters is reached.
	//
	//	d, err := q.Get()
	//	if errors.Is(err, deferred.ErrQueueUnderflow) {
	//		return deferred.Fail(errBusy)
	//	}
	//
	// Twisted: defer.QueueUnderflow.
	ErrQueueUnderflow = errors.New("deferred: queue underflow")

	// ErrInvalidResult reports a *Deferred used where a plain result is
	// required: passed to [Deferred.Callback], returned by a callback as the
	// very Deferred it is attached to, or a nil *Deferred returned by a
	// callback or by [Maybe]'s function. Errors carrying it wrap it, so use
	// errors.Is.
	//
	// Twisted: the assertion in Deferred.callback and the warning for a
	// callback returning its own Deferred.
	ErrInvalidResult = errors.New("deferred: invalid result")

	// ErrNilError stands in for the nil error passed to [Deferred.Errback]
	// or [Fail], so the errback path always carries a non-nil error.
	//
	// Twisted: defer.NoCurrentExceptionError (errback() with no argument
	// and no exception being handled).
	ErrNilError = errors.New("deferred: errback with a nil error")

	// ErrNotAcquired is returned by [Lock.Release] on an unlocked Lock and by
	// [Semaphore.Release] when every token is already free.
	//
	// Twisted: the assertions in DeferredLock.release and
	// DeferredSemaphore.release.
	ErrNotAcquired = errors.New("deferred: release without acquire")

	// ErrInvalidTokens is returned by [NewSemaphore] for fewer than one
	// token.
	//
	// Twisted: the ValueError from DeferredSemaphore.__init__.
	ErrInvalidTokens = errors.New("deferred: semaphore needs at least one token")
)

// PanicError is a panic recovered from user code, carried as an error.
//
// A callback or errback that panics does not crash the program: its
// Deferred continues down the errback path with a *PanicError. The reactor
// uses the same type for panics it recovers in its own dispatch points.
// Stack is the panicking goroutine's stack as formatted by
// runtime/debug.Stack.
//
// Example:
//
//	d.AddErrback(func(err error) (any, error) {
//		if pe, ok := errors.AsType[*deferred.PanicError](err); ok {
//			log.Printf("bug: %v\n%s", pe.Value, pe.Stack)
//		}
//		return nil, err
//	})
//
// Twisted: a Failure wrapping the exception a callback raised.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the stack at the point of recovery
}

// NewPanicError returns a *PanicError for v, recording the current stack.
// Call it from the deferred function that recovered v, so the stack shows
// the panic site.
//
// Example:
//
//	defer func() {
//		if v := recover(); v != nil {
//			err = deferred.NewPanicError(v)
//		}
//	}()
//
// Twisted: Failure() inside an except block.
func NewPanicError(v any) *PanicError {
	return &PanicError{Value: v, Stack: debug.Stack()}
}

// Error describes the panic value.
func (e *PanicError) Error() string {
	return fmt.Sprintf("deferred: recovered panic: %v", e.Value)
}

// Unwrap returns Value if it is an error, so errors.Is and errors.As see
// through the panic (for example to a runtime.Error); otherwise nil.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// FirstError reports the first failure among the Deferreds of a [List]
// created with FireOnOneErrback, or of a [Gather].
//
// Index is the failed Deferred's position in the input, and Err its error;
// Unwrap returns Err so errors.Is and errors.As reach the original error.
//
// Example:
//
//	var fe *deferred.FirstError
//	if errors.As(err, &fe) {
//		log.Printf("request %d failed: %v", fe.Index, fe.Err)
//	}
//
// Twisted: defer.FirstError.
type FirstError struct {
	Index int   // position of the failed Deferred in the input
	Err   error // its error
}

// Error names the index and the original error.
func (e *FirstError) Error() string {
	return fmt.Sprintf("deferred: list member %d failed: %v", e.Index, e.Err)
}

// Unwrap returns the original error.
func (e *FirstError) Unwrap() error { return e.Err }
