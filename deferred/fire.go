// Firing a Deferred, and holding its callbacks back with Pause.

package deferred

import "fmt"

// Callback fires d with result, running the callbacks added so far.
//
// It returns ErrAlreadyCalled if d has fired before, except once after
// [Deferred.Cancel] on a Deferred with no canceller, when the late result
// is silently dropped. A *Deferred result is refused with an error matching
// ErrInvalidResult and d stays unfired: return it from a callback instead.
// An error passed as result is an ordinary value; use Errback to fail.
// Call only on the reactor goroutine.
//
// Example:
//
//	d := deferred.New(nil)
//	go fetch(func(body []byte) { reactor.CallFromThread(func() { d.Callback(body) }) })
//
// Twisted: Deferred.callback.
func (d *Deferred) Callback(result any) error {
	if _, ok := result.(*Deferred); ok {
		return fmt.Errorf("%w: Callback with a *Deferred", ErrInvalidResult)
	}
	return d.fire(result, nil)
}

// Errback fires d with the error err, running the errbacks added so far.
//
// A nil err is replaced by ErrNilError so the errback path always carries
// an error. Errors returned are as for [Deferred.Callback]. Call only on the
// reactor goroutine.
//
// Example:
//
//	if err != nil {
//		_ = d.Errback(fmt.Errorf("resolve %s: %w", host, err))
//	}
//
// Twisted: Deferred.errback.
func (d *Deferred) Errback(err error) error {
	if err == nil {
		err = ErrNilError
	}
	return d.fire(nil, err)
}

func (d *Deferred) fire(result any, err error) error {
	if d.called {
		if d.suppress {
			d.suppress = false
			return nil
		}
		return ErrAlreadyCalled
	}
	d.called = true
	d.result, d.err = result, err
	d.runCallbacks()
	return nil
}

// Pause stops d from running callbacks until a matching [Deferred.Unpause].
// A result that arrives meanwhile is stored. Pauses nest. If d waits on a
// Deferred returned by one of its callbacks, the result that Deferred hands
// over is stored too, and that Deferred's own remaining callbacks run at
// once; Twisted leaves them pending until its chain is run again. A
// callback that pauses its own Deferred does not stop the callbacks after
// it in the same run, as in Twisted. Call only on the reactor goroutine.
//
// Example:
//
//	d.Pause()
//	defer d.Unpause() // callbacks run here, after the batch is set up
//
// Twisted: Deferred.pause.
func (d *Deferred) Pause() {
	d.paused++
}

// Unpause undoes one [Deferred.Pause]; when the last pause is undone and d
// has fired, the pending callbacks run now. Unpause on a Deferred that is
// not paused does nothing. Call only on the reactor goroutine.
//
// Example:
//
//	d.Pause()
//	_ = d.Callback(v) // stored; nothing runs yet
//	d.Unpause()       // the callbacks run here
//
// Twisted: Deferred.unpause.
func (d *Deferred) Unpause() {
	if d.paused == 0 {
		return
	}
	d.paused--
	if d.paused == 0 && d.called {
		d.runCallbacks()
	}
}
