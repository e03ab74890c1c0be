// waitList: the FIFO of Deferreds waiting on a Lock, Semaphore or Queue.

package deferred

// waitList holds waiting Deferreds in arrival order, which is what makes
// Lock, Semaphore and Queue fair.
type waitList struct {
	ds []*Deferred
}

func (w *waitList) len() int { return len(w.ds) }

func (w *waitList) push(d *Deferred) { w.ds = append(w.ds, d) }

// pop removes and returns the oldest waiter that has not fired, or nil.
// A waiter fired by someone else (its owner calling Callback on it) would
// swallow the value or the lock handed to it, so it is skipped.
func (w *waitList) pop() *Deferred {
	for len(w.ds) > 0 {
		d := w.ds[0]
		w.ds[0] = nil
		w.ds = w.ds[1:]
		if !d.called {
			return d
		}
	}
	return nil
}

// remove drops d (a cancelled waiter) from the list.
func (w *waitList) remove(d *Deferred) {
	for i, x := range w.ds {
		if x == d {
			w.ds = append(w.ds[:i], w.ds[i+1:]...)
			return
		}
	}
}
