// Calls from other goroutines: CallFromThread's queue and the wake-up that
// makes the loop run it.

package internet

// CallFromThread queues f to run on the reactor goroutine and wakes the
// loop. Calls from one goroutine run in the order they were made. Many
// calls made while the loop is busy cause one wake-up. A call queued once
// the reactor has stopped never runs; one queued before Run runs once the
// loop starts. A panic in f is recovered and logged.
//
// Safe for concurrent use.
//
// Twisted: IReactorFromThreads.callFromThread.
func (r *Reactor) CallFromThread(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dead {
		return
	}
	r.calls = append(r.calls, f)
	if r.wakePending {
		return
	}
	r.wakePending = true
	// The write happens under mu so that it cannot race with the poller's
	// close, which happens after dead is set (a closed descriptor number
	// may be reused by anyone).
	if err := r.poller.wake(); err != nil {
		r.log.Error("twistgo: waking the reactor", "reactor", r.name, "err", err)
	}
}

// drainThreadCalls runs the calls queued so far, and only those: a call
// queued while they run waits for the next turn, and its wake-up makes the
// next poll return at once. The two slices are swapped, not reallocated.
func (r *Reactor) drainThreadCalls() {
	r.mu.Lock()
	if len(r.calls) == 0 {
		r.mu.Unlock()
		return
	}
	calls := r.calls
	r.calls, r.spare = r.spare[:0], nil
	r.wakePending = false
	r.mu.Unlock()

	for i, f := range calls {
		calls[i] = nil
		r.runCall("thread call", f)
	}
	r.mu.Lock()
	r.spare = calls[:0]
	r.mu.Unlock()
}

// closeThreadCalls refuses further calls and drops the queued ones, so the
// poller can be closed: no goroutine writes to its waker afterwards.
func (r *Reactor) closeThreadCalls() {
	r.mu.Lock()
	r.dead = true
	clear(r.calls)
	r.calls = nil
	r.mu.Unlock()
	close(r.done)
}
