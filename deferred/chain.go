// The run loop: how a fired Deferred's result travels down its chain and
// across the Deferreds its callbacks return.
//
// This is Twisted's Deferred._runCallbacks, kept iterative. A Deferred whose
// callback returns an unfired Deferred R pauses and appends a "continue"
// pair to R; when R reaches that pair, R's result moves into the waiting
// Deferred, which is pushed on a work list and resumed, while R stays on the
// list to finish its own remaining callbacks afterwards. A returned Deferred
// that already holds a plain result is not waited on: its result is
// stolen (R's own chain continues with nil). So neither a 100 000-deep
// nesting nor 100 000 already-fired Deferreds returned one after another
// add a single Go stack frame per level.

package deferred

import "fmt"

// pair is one link of the chain, one of three shapes: target set is a
// "continue" pair (hand the result to target, which waits on this
// Deferred); both set runs both on either path; otherwise cb runs on
// success and eb on failure, nil passing the result through. Function
// values are stored directly, so adding a callback allocates nothing beyond
// the chain's own storage, and a pair stays four words.
type pair struct {
	cb     Callback
	eb     Errback
	both   func(result any, err error) (any, error)
	target *Deferred
}

// add appends p and, if d has fired, runs the chain.
func (d *Deferred) add(p pair) *Deferred {
	d.push(p)
	if d.called {
		d.runCallbacks()
	}
	return d
}

func (d *Deferred) push(p pair) {
	if !d.hasFirst && d.head == len(d.more) {
		d.first, d.hasFirst = p, true
		return
	}
	if d.more == nil {
		d.more = make([]pair, 0, 4)
	}
	d.more = append(d.more, p)
}

// pop removes and returns the oldest pending pair.
func (d *Deferred) pop() (p pair, ok bool) {
	if d.hasFirst {
		p, d.first, d.hasFirst = d.first, pair{}, false
		return p, true
	}
	if d.head == len(d.more) {
		return pair{}, false
	}
	p, d.more[d.head] = d.more[d.head], pair{}
	d.head++
	if d.head == len(d.more) {
		d.more, d.head = d.more[:0], 0 // reuse the storage
	}
	return p, true
}

// waitingOn returns the Deferred d waits for, or nil.
func (d *Deferred) waitingOn() *Deferred {
	inner, _ := d.result.(*Deferred)
	return inner
}

// blocked reports whether d cannot run callbacks now.
func (d *Deferred) blocked() bool {
	return d.paused > 0 || d.waitingOn() != nil
}

// runCallbacks runs d's pending pairs and those of every Deferred waiting
// on it, iteratively.
func (d *Deferred) runCallbacks() {
	if d.running {
		// A callback added a pair to its own Deferred: the loop below picks
		// it up when that callback returns.
		return
	}
	var stack [4]*Deferred
	work := append(stack[:0], d)
	for len(work) > 0 {
		current := work[len(work)-1]
		if current.blocked() {
			// current is paused; Unpause resumes it. The Deferreds below it
			// on the work list handed it their results and only have their
			// own remaining callbacks left, which run now. (Twisted returns
			// here, leaving those callbacks stranded until something else
			// runs that Deferred's chain.)
			work = work[:len(work)-1]
			continue
		}
		if waiter := current.step(); waiter != nil {
			work = append(work, waiter)
			continue
		}
		current.settle()
		work = work[:len(work)-1]
	}
}

// step runs current's pairs until they run out, current starts waiting on
// another Deferred, or a continue pair hands current's result to a waiting
// Deferred, which step returns so the caller resumes it first.
func (d *Deferred) step() (waiter *Deferred) {
	for {
		p, ok := d.pop()
		if !ok {
			return nil
		}
		if p.target != nil {
			w := p.target
			w.result, w.err = d.result, d.err
			d.result, d.err = nil, nil
			return w
		}
		d.running = true
		result, err := d.invoke(&p)
		d.running = false
		d.result, d.err = result, err
		if err != nil {
			continue
		}
		if inner, ok := result.(*Deferred); ok && d.adopt(inner) {
			return nil
		}
	}
}

// adopt handles a callback that returned inner: it steals inner's result
// when it has a plain one, and otherwise makes d wait on inner. It reports
// whether d now waits.
func (d *Deferred) adopt(inner *Deferred) bool {
	switch {
	case inner == nil:
		d.result, d.err = nil, fmt.Errorf("%w: callback returned a nil *Deferred", ErrInvalidResult)
		return false
	case inner == d:
		d.result, d.err = nil, fmt.Errorf("%w: callback returned the Deferred it was added to", ErrInvalidResult)
		return false
	case !inner.called || inner.blocked():
		// d.result == inner marks d as waiting; the continue pair ends it.
		// inner is not running callbacks (it has not fired, or it is
		// blocked), so appending directly is safe.
		inner.push(pair{target: d})
		return true
	}
	d.result, d.err = inner.result, inner.err
	inner.result, inner.err = nil, nil
	inner.settle()
	return false
}

// invoke calls the function p selects for d's current result, turning a
// panic into a *PanicError.
func (d *Deferred) invoke(p *pair) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			result, err = nil, NewPanicError(v)
		}
	}()
	if p.both != nil {
		return p.both(d.result, d.err)
	}
	if d.err != nil {
		if p.eb == nil {
			return nil, d.err
		}
		return p.eb(d.err)
	}
	if p.cb == nil {
		return d.result, nil
	}
	return p.cb(d.result)
}
