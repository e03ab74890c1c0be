// Semaphore: a counting semaphore whose Acquire returns a Deferred.

package deferred

// Semaphore limits how many asynchronous operations run at once: each
// holds one of a fixed number of tokens.
//
// Acquire returns a Deferred that fires when a token is available; waiters
// are served in the order they asked. Create one with [NewSemaphore]; the
// zero value has no tokens. Call only on the reactor goroutine.
//
// Example:
//
//	sem, _ := deferred.NewSemaphore(4)
//	for _, u := range urls {
//		sem.Run(func() (any, error) { return fetch(u), nil }) // at most 4 fetches at a time
//	}
//
// Twisted: defer.DeferredSemaphore.
type Semaphore struct {
	tokens  int
	limit   int
	waiting waitList
}

// NewSemaphore returns a Semaphore with tokens free tokens.
//
// It returns ErrInvalidTokens if tokens is less than 1.
//
// Example:
//
//	sem, err := deferred.NewSemaphore(maxConns)
//	if err != nil {
//		return err
//	}
//
// Twisted: DeferredSemaphore.__init__.
func NewSemaphore(tokens int) (*Semaphore, error) {
	if tokens < 1 {
		return nil, ErrInvalidTokens
	}
	return &Semaphore{tokens: tokens, limit: tokens}, nil
}

// Tokens reports how many tokens are free.
//
// Example:
//
//	log.Printf("%d of %d slots free", sem.Tokens(), sem.Limit())
//
// Twisted: DeferredSemaphore.tokens.
func (s *Semaphore) Tokens() int {
	return s.tokens
}

// Limit reports how many tokens the Semaphore has in all, as given to
// [NewSemaphore].
//
// Twisted: DeferredSemaphore.limit.
func (s *Semaphore) Limit() int {
	return s.limit
}

// Acquire returns a Deferred that fires with s once the caller holds a
// token: at once if one is free, otherwise after the earlier waiters.
//
// Cancelling the Deferred before it fires gives up the place in the queue.
// The holder must call [Semaphore.Release].
//
// Example:
//
//	s.Acquire().AddCallback(func(any) (any, error) {
//		return work().AddBoth(func(r any, err error) (any, error) { s.Release(); return r, err }), nil
//	})
//
// Twisted: DeferredSemaphore.acquire.
func (s *Semaphore) Acquire() *Deferred {
	d := New(s.cancelAcquire)
	if s.tokens == 0 {
		s.waiting.push(d)
		return d
	}
	s.tokens--
	_ = d.Callback(s)
	return d
}

func (s *Semaphore) cancelAcquire(d *Deferred) {
	s.waiting.remove(d)
}

// Release returns a token, handing it to the first waiter if any.
//
// It returns ErrNotAcquired if every token is already free.
//
// Example:
//
//	work().AddBoth(func(r any, err error) (any, error) { _ = sem.Release(); return r, err })
//
// Twisted: DeferredSemaphore.release.
func (s *Semaphore) Release() error {
	if s.tokens >= s.limit {
		return ErrNotAcquired
	}
	s.tokens++
	if next := s.waiting.pop(); next != nil {
		s.tokens--
		_ = next.Callback(s)
	}
	return nil
}

// Run calls f once a token is held and releases it when f's outcome is
// known, as [Lock.Run] does.
//
// Example:
//
//	sem.Run(func() (any, error) { return client.Get(u), nil })
//
// Twisted: DeferredSemaphore.run.
func (s *Semaphore) Run(f func() (any, error)) *Deferred {
	return runHolding(s.Acquire(), f, s.Release)
}
