// The Deferred type, its callback types, and the ways to make one.

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
// Example:
//
//	var parse deferred.Callback = func(r any) (any, error) {
//		return strconv.Atoi(r.(string)) // a bad number takes the errback path
//	}
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
// Example:
//
//	var orDefault deferred.Errback = func(err error) (any, error) {
//		if errors.Is(err, fs.ErrNotExist) {
//			return defaultConfig, nil // recover
//		}
//		return nil, err
//	}
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

// Called reports whether d has fired: Callback or Errback has been
// accepted, or Cancel failed it. A fired Deferred may still be waiting on a
// Deferred returned by a callback, or be paused. Call only on the reactor
// goroutine.
//
// Example:
//
//	if !d.Called() {
//		d.Cancel()
//	}
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
