// Lock: a mutual-exclusion lock whose Acquire returns a Deferred.

package deferred

// Lock is a lock for code on the reactor goroutine: instead of blocking,
// Acquire returns a Deferred that fires when the lock is held.
//
// Waiters get the lock in the order they asked for it. Use it to keep
// asynchronous operations on a shared resource from interleaving. The zero
// value is an unlocked Lock. Call only on the reactor goroutine.
//
// Example:
//
//	var mu deferred.Lock
//	mu.Run(func() (any, error) { return writeRecord(conn, rec) }) // one at a time
//
// Twisted: defer.DeferredLock.
type Lock struct {
	locked  bool
	waiting waitList
}

// NewLock returns an unlocked Lock.
//
// Example:
//
//	l := deferred.NewLock()
//	l.Run(flush)
//
// Twisted: DeferredLock.__init__.
func NewLock() *Lock {
	return &Lock{}
}

// Locked reports whether the lock is held.
//
// Example:
//
//	if !l.Locked() {
//		startBatch()
//	}
//
// Twisted: DeferredLock.locked.
func (l *Lock) Locked() bool {
	return l.locked
}

// Acquire returns a Deferred that fires with l once the caller holds the
// lock: at once if it is free, otherwise after the earlier waiters.
//
// Cancelling the Deferred before it fires gives up the place in the queue.
// The holder must call [Lock.Release].
//
// Example:
//
//	l.Acquire().AddCallback(func(any) (any, error) {
//		defer l.Release()
//		return update(), nil
//	})
//
// Twisted: DeferredLock.acquire.
func (l *Lock) Acquire() *Deferred {
	d := New(l.cancelAcquire)
	if l.locked {
		l.waiting.push(d)
		return d
	}
	l.locked = true
	_ = d.Callback(l)
	return d
}

func (l *Lock) cancelAcquire(d *Deferred) {
	l.waiting.remove(d)
}

// Release gives up the lock, handing it to the first waiter if any.
//
// It returns ErrNotAcquired if l is not locked.
//
// Example:
//
//	l.Acquire().AddCallback(func(any) (any, error) {
//		defer l.Release()
//		return update(), nil
//	})
//
// Twisted: DeferredLock.release.
func (l *Lock) Release() error {
	if !l.locked {
		return ErrNotAcquired
	}
	l.locked = false
	if next := l.waiting.pop(); next != nil {
		l.locked = true
		_ = next.Callback(l)
	}
	return nil
}

// Run calls f once the lock is held and releases it when f's outcome is
// known, including when f returns a Deferred (after that fires) or panics.
//
// The returned Deferred fires with f's outcome. Cancelling it while it waits
// for the lock gives up the place in the queue.
//
// Example:
//
//	l.Run(func() (any, error) { return store.Save(rec), nil }) // Save returns a *Deferred
//
// Twisted: DeferredLock.run.
func (l *Lock) Run(f func() (any, error)) *Deferred {
	return runHolding(l.Acquire(), f, l.Release)
}

// runHolding runs f once acquired fires, then calls release whatever the
// outcome. It is the shared body of Lock.Run and Semaphore.Run.
func runHolding(acquired *Deferred, f func() (any, error), release func() error) *Deferred {
	return acquired.AddCallback(func(any) (any, error) {
		return Maybe(f).AddBoth(func(r any, err error) (any, error) {
			if rerr := release(); rerr != nil {
				return nil, rerr
			}
			return r, err
		}), nil
	})
}
