// Adding (callback, errback) pairs to a Deferred's chain.

package deferred

import "fmt"

// AddCallbacks appends a (callback, errback) pair to d's chain and returns
// d.
//
// Exactly one of the two runs, depending on the path the result is on when
// it reaches the pair; a nil cb or eb passes the result through unchanged.
// If d has already fired, the pair runs now, before AddCallbacks returns.
// Call only on the reactor goroutine.
//
// Example:
//
//	d.AddCallbacks(
//		func(r any) (any, error) { fmt.Println("got", r); return r, nil },
//		func(err error) (any, error) { return "default", nil }, // recover
//	)
//
// Twisted: Deferred.addCallbacks.
func (d *Deferred) AddCallbacks(cb Callback, eb Errback) *Deferred {
	return d.add(pair{cb: cb, eb: eb})
}

// AddCallback appends cb to the success path of d's chain; errors pass it
// by. It returns d. Call only on the reactor goroutine.
//
// Example:
//
//	d.AddCallback(func(r any) (any, error) { return strings.ToUpper(r.(string)), nil })
//
// Twisted: Deferred.addCallback.
func (d *Deferred) AddCallback(cb Callback) *Deferred {
	return d.add(pair{cb: cb})
}

// AddErrback appends eb to the errback path of d's chain; successes pass it
// by. It returns d. Call only on the reactor goroutine.
//
// Example:
//
//	d.AddErrback(func(err error) (any, error) {
//		if errors.Is(err, deferred.ErrTimeout) {
//			return cached, nil
//		}
//		return nil, err
//	})
//
// Twisted: Deferred.addErrback.
func (d *Deferred) AddErrback(eb Errback) *Deferred {
	return d.add(pair{eb: eb})
}

// AddBoth appends f to both paths of d's chain: f receives (result, nil) on
// success and (nil, err) on failure, and its return value is the next
// result as for a [Callback]. It returns d. Use it for clean-up that must
// run either way. Call only on the reactor goroutine.
//
// Example:
//
//	d.AddBoth(func(r any, err error) (any, error) { conn.Close(); return r, err })
//
// Twisted: Deferred.addBoth.
func (d *Deferred) AddBoth(f func(result any, err error) (any, error)) *Deferred {
	return d.add(pair{both: f})
}

// Chain makes other fire with d's result when d's chain reaches this point,
// and returns d. d's chain then continues with a nil result (or with the
// error other's firing returned, such as ErrAlreadyCalled).
//
// Unlike returning other from a callback, which waits for other, Chain
// feeds other; cancelling other does not cancel d. Call only on the reactor
// goroutine.
//
// Example:
//
//	upstream.Chain(forUser) // forUser fires when upstream does
//
// Twisted: Deferred.chainDeferred.
func (d *Deferred) Chain(other *Deferred) *Deferred {
	return d.AddBoth(func(r any, err error) (any, error) {
		switch {
		case other == nil:
			return nil, fmt.Errorf("%w: Chain to a nil *Deferred", ErrInvalidResult)
		case err != nil:
			return nil, other.Errback(err)
		}
		return nil, other.Callback(r)
	})
}
