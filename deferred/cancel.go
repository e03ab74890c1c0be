// Cancellation: Deferred.Cancel and its canceller protocol.

package deferred

import "fmt"

// Cancel asks for d's result to be abandoned.
//
// If d has not fired, its canceller (see [New]) runs; if that leaves d
// unfired, or there is no canceller, d fails with ErrCancelled. With no
// canceller the producer does not know about the cancellation, so its
// later Callback or Errback is swallowed once instead of returning
// ErrAlreadyCalled. If d has fired but waits on a Deferred returned by one
// of its callbacks, that inner Deferred is cancelled instead. Otherwise
// Cancel does nothing, so cancelling twice is harmless and the canceller
// runs at most once. A panic in the canceller is recovered; if d is still
// unfired it fails with an error matching both ErrCancelled and the
// [*PanicError]. Call only on the reactor goroutine.
//
// Example:
//
//	d := client.Fetch(url)
//	d.Cancel() // the user pressed stop; d's errbacks see ErrCancelled
//
// Twisted: Deferred.cancel.
func (d *Deferred) Cancel() {
	// Walk down the Deferreds d waits on, iteratively, to the one that has
	// not fired.
	for d.called {
		if d = d.waitingOn(); d == nil {
			return
		}
	}
	var pe *PanicError
	if d.canceller != nil {
		pe = runCanceller(d.canceller, d)
	} else {
		d.suppress = true
	}
	if d.called || d.onlyOwn && pe == nil {
		return
	}
	if pe != nil {
		_ = d.Errback(fmt.Errorf("%w: canceller: %w", ErrCancelled, pe))
		return
	}
	_ = d.Errback(ErrCancelled)
}

// runCanceller calls c(d) and returns the panic it raised, if any.
func runCanceller(c func(*Deferred), d *Deferred) (pe *PanicError) {
	defer func() {
		if v := recover(); v != nil {
			pe = NewPanicError(v)
		}
	}()
	c(d)
	return nil
}
