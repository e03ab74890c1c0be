// The Deferred type: construction, firing and adding callbacks.

package deferred

import "fmt"

// Callback receives the result of a Deferred on the success path and
// returns the next result.
//
// Returning a non-nil error switches the chain to the errback path (the
// value is then ignored). Returning a *Deferred makes the chain wait for it
// and continue with its result. A panic becomes a [*PanicError] on the
// errback path.
//
// Twisted: a callback passed to Deferred.addCallback.
type Callback func(result any) (any, error)

// Errback receives the error of a Deferred on the errback path and returns
// the next result.
//
// Returning (value, nil) recovers: the chain continues on the success path
// with value. Returning a non-nil error keeps it on the errback path with
// that error. A *Deferred and panics are handled as for [Callback].
//
// Twisted: an errback passed to Deferred.addErrback.
type Errback func(err error) (any, error)

// Deferred is a result that is not available yet, with a chain of
// callbacks to run when it arrives.
//
// Whoever produces the result fires it once with [Deferred.Callback] or
// [Deferred.Errback]; consumers attach (callback, errback) pairs with
// [Deferred.AddCallbacks] and friends, before or after it fires. The zero
// value is not usable: create one with [New], [Succeed], [Fail] or [Maybe].
// Call only on the reactor goroutine.
//
// Example:
//
//	d := deferred.New(nil)
//	d.AddCallback(func(r any) (any, error) { return r.(int) * 2, nil })
//	_ = d.Callback(21) // the chain now holds 42
//
// Twisted: defer.Deferred.
type Deferred struct {
	result any   // the current value; a *Deferred while waiting on one
	err    error // the current error; non-nil means the errback path

	// The pending pairs, FIFO: first (when hasFirst) comes before
	// more[head:]. Most Deferreds carry one or two pairs, so the first is
	// stored inline and costs no allocation.
	first    pair
	more     []pair
	head     int
	hasFirst bool

	called    bool // fired (result or err set by Callback/Errback)
	running   bool // a callback of this Deferred is executing
	suppress  bool // swallow the next fire once: Cancel with no canceller
	onlyOwn   bool // Cancel only runs the canceller (List's behaviour)
	paused    int  // Pause count
	canceller func(d *Deferred)
	tracker   *tracker // unhandled-error record, created on first failure
}

// New returns a Deferred that has not fired.
//
// canceller, if not nil, is called by [Deferred.Cancel] to stop the work
// that would produce the result; it may fire d itself (with any result). If
// it does not, Cancel fails d with ErrCancelled. Call only on the reactor
// goroutine.
//
// Example:
//
//	d := deferred.New(func(d *deferred.Deferred) { conn.Abort() })
//
// Twisted: Deferred.__init__.
func New(canceller func(d *Deferred)) *Deferred {
	return &Deferred{canceller: canceller}
}

// Succeed returns a Deferred already fired with result.
//
// Use it where an API returns a Deferred but the answer is known now.
// A *Deferred result is refused: the returned Deferred fails with an error
// matching ErrInvalidResult.
//
// Example:
//
//	func (c *cache) Get(k string) *deferred.Deferred {
//		if v, ok := c.m[k]; ok {
//			return deferred.Succeed(v)
//		}
//		return c.fetch(k)
//	}
//
// Twisted: defer.succeed.
func Succeed(result any) *Deferred {
	d := &Deferred{}
	if err := d.Callback(result); err != nil {
		_ = d.Errback(err)
	}
	return d
}

// Fail returns a Deferred already failed with err (ErrNilError if err is
// nil).
//
// Example:
//
//	if len(name) == 0 {
//		return deferred.Fail(errEmptyName)
//	}
//
// Twisted: defer.fail.
func Fail(err error) *Deferred {
	d := &Deferred{}
	_ = d.Errback(err)
	return d
}

// Maybe calls f now and returns its outcome as a Deferred.
//
// A plain value becomes [Succeed], an error [Fail], and a panic a Deferred
// failed with a [*PanicError]; a *Deferred is returned as it is. It lets
// code treat synchronous and asynchronous functions alike.
//
// Example:
//
//	d := deferred.Maybe(func() (any, error) { return handler(req) })
//
// Twisted: defer.maybeDeferred.
func Maybe(f func() (any, error)) *Deferred {
	result, err := call(f)
	if err != nil {
		return Fail(err)
	}
	if inner, ok := result.(*Deferred); ok {
		if inner == nil {
			return Fail(fmt.Errorf("%w: nil *Deferred from Maybe's function", ErrInvalidResult))
		}
		return inner
	}
	return Succeed(result)
}

// call runs f, turning a panic into a *PanicError.
func call(f func() (any, error)) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			result, err = nil, NewPanicError(v)
		}
	}()
	return f()
}

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
	return d.add(pair{both: f, kind: kindBoth})
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
	return d.add(pair{target: other, kind: kindChain})
}

// Pause stops d from running callbacks until a matching [Deferred.Unpause].
// A result that arrives meanwhile is stored. Pauses nest. Call only on the
// reactor goroutine.
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

// Called reports whether d has fired.
//
// Twisted: Deferred.called.
func (d *Deferred) Called() bool {
	return d.called
}

// Result returns d's current result: the value the chain holds at this
// point (err non-nil on the errback path).
//
// It is meant for tests and is meaningful once [Deferred.Called] is true;
// while d waits on a *Deferred returned by a callback, result is that
// *Deferred. Call only on the reactor goroutine.
//
// Example:
//
//	if got, err := d.Result(); err != nil || got != 42 {
//		t.Errorf("Result() = %v, %v; want 42, nil", got, err)
//	}
//
// Twisted: Deferred.result.
func (d *Deferred) Result() (result any, err error) {
	return d.result, d.err
}
