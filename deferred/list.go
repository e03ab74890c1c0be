// List and Gather: one Deferred for the outcome of many.

package deferred

import (
	"fmt"
	"slices"
)

// ListOptions selects when a [List] fires. The zero value waits for every
// member and reports each outcome.
//
// Example:
//
//	deferred.List(probes, deferred.ListOptions{FireOnOneCallback: true, ConsumeErrors: true})
//
// Twisted: the keyword arguments of DeferredList.
type ListOptions struct {
	// FireOnOneCallback fires the List with a [FirstResult] as soon as a
	// member succeeds. If none does, the List fires with []ListResult once
	// all have failed; an empty List then never fires.
	FireOnOneCallback bool

	// FireOnOneErrback fails the List with a [*FirstError] as soon as a
	// member fails.
	FireOnOneErrback bool

	// ConsumeErrors replaces a failed member's error with a nil result in
	// the member's own chain once recorded, so errbacks added to the member
	// afterwards see nothing and no unhandled error is logged for it.
	ConsumeErrors bool
}

// ListResult is the outcome of one member of a [List]: Value if OK, else
// Err.
//
// Example:
//
//	for i, res := range r.([]deferred.ListResult) {
//		if !res.OK {
//			log.Printf("member %d: %v", i, res.Err)
//		}
//	}
//
// Twisted: the (success, result) tuples of DeferredList.
type ListResult struct {
	OK    bool  // the member succeeded
	Value any   // its result, if OK
	Err   error // its error, if not OK
}

// FirstResult is what a [List] created with FireOnOneCallback fires with:
// the first successful member's Value and its Index in the input.
//
// Example:
//
//	first := r.(deferred.FirstResult)
//	log.Printf("mirror %d answered first", first.Index)
//
// Twisted: the (result, index) tuple of DeferredList(fireOnOneCallback=True).
type FirstResult struct {
	Value any
	Index int
}

// List returns a Deferred that fires when the members ds have fired.
//
// By default it fires with a []ListResult holding one entry per member, in
// input order, once all have fired; an empty ds fires at once with an empty
// slice. opts can make it fire on the first success or failure instead (see
// [ListOptions]); later outcomes are still recorded in the slice, which the
// List keeps writing to until every member has fired. List copies ds, so
// the caller may reuse it. Members
// that have already fired are recorded while List runs. The List's
// callbacks are appended to each member, so a member's later callbacks see
// what it passes on: its own result, or nil for a consumed error. A nil
// member counts as failed with an error matching ErrInvalidResult.
//
// Cancelling the List, while it has not fired, cancels every member; the
// List then fires from their outcomes as usual, and stays unfired if they
// do not fire. Call only on the reactor goroutine.
//
// Example:
//
//	deferred.List([]*deferred.Deferred{a, b}, deferred.ListOptions{ConsumeErrors: true}).
//		AddCallback(func(r any) (any, error) {
//			for i, res := range r.([]deferred.ListResult) {
//				fmt.Println(i, res.OK)
//			}
//			return nil, nil
//		})
//
// Twisted: defer.DeferredList.
func List(ds []*Deferred, opts ListOptions) *Deferred {
	l := &list{members: slices.Clone(ds), results: make([]ListResult, len(ds)), opts: opts}
	l.d = New(l.cancel)
	l.d.onlyOwn = true
	if len(ds) == 0 && !opts.FireOnOneCallback {
		_ = l.d.Callback(l.results)
	}
	for i, m := range l.members {
		if m == nil {
			l.record(i, nil, fmt.Errorf("%w: nil *Deferred in List", ErrInvalidResult))
			continue
		}
		m.AddBoth(func(r any, err error) (any, error) { return l.record(i, r, err) })
	}
	return l.d
}

// list is the state behind one List.
type list struct {
	d        *Deferred
	members  []*Deferred
	results  []ListResult
	finished int
	opts     ListOptions
}

// record stores member i's outcome, fires the List if this outcome decides
// it, and returns what the member's chain continues with.
func (l *list) record(i int, r any, err error) (any, error) {
	if err == nil {
		l.results[i] = ListResult{OK: true, Value: r}
	} else {
		l.results[i] = ListResult{Err: err}
	}
	l.finished++
	if !l.d.called {
		switch {
		case err == nil && l.opts.FireOnOneCallback:
			_ = l.d.Callback(FirstResult{Value: r, Index: i})
		case err != nil && l.opts.FireOnOneErrback:
			_ = l.d.Errback(&FirstError{Index: i, Err: err})
		case l.finished == len(l.results):
			_ = l.d.Callback(l.results)
		}
	}
	if err != nil && l.opts.ConsumeErrors {
		return nil, nil
	}
	return r, err
}

// cancel is the List's canceller: it cancels every member.
func (l *list) cancel(*Deferred) {
	for _, m := range l.members {
		if m != nil {
			m.Cancel()
		}
	}
}

// Gather returns a Deferred that fires with the members' results as an
// []any in input order, or fails with a [*FirstError] (Index and original
// Err, reachable with errors.Is and errors.As) as soon as one fails.
//
// The other members are left running: a failure cancels nothing. Errors
// are not consumed, so a failed member that has no errback of its own is
// also reported as unhandled; use [List] with FireOnOneErrback and
// ConsumeErrors to avoid that. Cancelling the result cancels every member,
// which normally fails it with a *FirstError wrapping ErrCancelled. Call only
// on the reactor goroutine.
//
// Example:
//
//	deferred.Gather(getUser(id), getPrefs(id)).AddCallback(func(r any) (any, error) {
//		v := r.([]any)
//		return render(v[0].(User), v[1].(Prefs)), nil
//	})
//
// Twisted: defer.gatherResults.
func Gather(ds ...*Deferred) *Deferred {
	return List(ds, ListOptions{FireOnOneErrback: true}).AddCallback(gatherValues)
}

func gatherValues(r any) (any, error) {
	results := r.([]ListResult)
	values := make([]any, len(results))
	for i, res := range results {
		values[i] = res.Value
	}
	return values, nil
}
