// CooperativeTask: one iteration run by a Cooperator, and its handle.

package task

import (
	"github.com/twistgo/twistgo/deferred"
)

// CooperativeTask is a handle on an Iterator that a Cooperator runs: pause
// it, resume it, stop it, or wait for it to finish.
//
// Once finished, Pause and Stop return why: ErrTaskDone, ErrTaskStopped,
// ErrTaskFailed or ErrSchedulerStopped. Call only on the reactor goroutine.
//
// Twisted: task.CooperativeTask.
type CooperativeTask struct {
	it      Iterator
	coop    *Cooperator
	paused  int   // Pause count, plus one while waiting on a Deferred
	state   error // why the task finished; nil while it runs
	result  any   // WhenDone's value once finished
	err     error // WhenDone's error once finished
	waiters []*deferred.Deferred
}

// WhenDone returns a new Deferred that fires with the task's Iterator when
// the iterator is done, or fails with its error, ErrTaskStopped or
// ErrSchedulerStopped. Each call returns a separate Deferred.
//
// Twisted: CooperativeTask.whenDone.
func (t *CooperativeTask) WhenDone() *deferred.Deferred {
	d := deferred.New(nil)
	if t.state == nil {
		t.waiters = append(t.waiters, d)
		return d
	}
	t.fire(d)
	return d
}

// Pause stops calling the iterator until a matching Resume; pauses nest.
// It returns the reason if the task has finished.
//
// Twisted: CooperativeTask.pause.
func (t *CooperativeTask) Pause() error {
	if t.state != nil {
		return t.state
	}
	t.pause()
	return nil
}

// Resume undoes one Pause; with the last one undone, the task runs again.
// It returns ErrNotPaused if the task is not paused.
//
// Twisted: CooperativeTask.resume.
func (t *CooperativeTask) Resume() error {
	if t.paused == 0 {
		return ErrNotPaused
	}
	t.resume()
	return nil
}

// Stop ends the task: the iterator is not called again and WhenDone fails
// with ErrTaskStopped. It returns the reason if the task has finished.
//
// Twisted: CooperativeTask.stop.
func (t *CooperativeTask) Stop() error {
	if t.state != nil {
		return t.state
	}
	t.complete(ErrTaskStopped, nil, ErrTaskStopped)
	return nil
}

func (t *CooperativeTask) pause() {
	t.paused++
	if t.paused == 1 {
		t.coop.remove(t)
	}
}

func (t *CooperativeTask) resume() {
	t.paused--
	if t.paused == 0 && t.state == nil {
		t.coop.add(t)
	}
}

// step calls the iterator once and acts on what it reports.
func (t *CooperativeTask) step() {
	wait, more, err := t.call()
	switch {
	case err != nil:
		t.complete(ErrTaskFailed, nil, err)
	case wait != nil:
		t.pause()
		wait.AddCallbacks(func(any) (any, error) {
			t.afterWait(more)
			return nil, nil
		}, func(err error) (any, error) {
			t.complete(ErrTaskFailed, nil, err)
			return nil, nil
		})
	case !more:
		t.complete(ErrTaskDone, t.it, nil)
	}
}

// afterWait continues (or finishes) the task once its Deferred succeeded.
func (t *CooperativeTask) afterWait(more bool) {
	if t.state != nil {
		return // stopped while waiting
	}
	if !more {
		t.complete(ErrTaskDone, t.it, nil)
		return
	}
	t.resume()
}

// call runs the iterator, turning a panic into an error.
func (t *CooperativeTask) call() (wait *deferred.Deferred, more bool, err error) {
	defer func() {
		if v := recover(); v != nil {
			wait, more, err = nil, false, deferred.NewPanicError(v)
		}
	}()
	return t.it()
}

// complete finishes the task once: it leaves the Cooperator first, so
// WhenDone callbacks may use the Cooperator freely, then fires them.
func (t *CooperativeTask) complete(state error, result any, err error) {
	if t.state != nil {
		return
	}
	t.state, t.result, t.err = state, result, err
	if t.paused == 0 {
		t.coop.remove(t)
	}
	t.coop.forget(t)
	waiters := t.waiters
	t.waiters = nil
	for _, d := range waiters {
		t.fire(d)
	}
}

func (t *CooperativeTask) fire(d *deferred.Deferred) {
	if t.err != nil {
		_ = d.Errback(t.err)
		return
	}
	_ = d.Callback(t.result)
}
