// Waiting for the Deferreds of Before triggers, without polling: each one
// counts down as it fires, and shutdown also arms a timer for the bound.

package internet

import (
	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// eventWait runs then once every Deferred has fired or the timer has
// expired, whichever comes first.
type eventWait struct {
	pending int
	done    bool
	timer   interfaces.DelayedCall
	then    func()
}

// waitThen calls then once every Deferred in ds has fired: at once if ds
// is empty or they all fired already. A failure is logged and counts as
// fired. For the shutdown event the wait is bounded by ShutdownTimeout.
//
// Twisted: _ThreePhaseEvent._continueFiring, via a DeferredList.
func (r *Reactor) waitThen(event int, ds []*deferred.Deferred, then func()) {
	if len(ds) == 0 {
		then()
		return
	}
	w := &eventWait{pending: len(ds), then: then}
	name := [...]string{"startup", "shutdown"}[event]
	if event == shutdownEvent {
		w.timer = r.CallLater(r.opts.ShutdownTimeout, func() {
			r.log.Warn("twistgo: before-shutdown triggers still pending; shutting down anyway",
				"reactor", r.name, "pending", w.pending, "timeout", r.opts.ShutdownTimeout)
			w.timer = nil
			w.finish()
		})
	}
	for _, d := range ds {
		d.AddBoth(func(_ any, err error) (any, error) {
			if err != nil {
				r.log.Error("twistgo: a before-"+name+" trigger failed", "reactor", r.name, "err", err)
			}
			w.pending--
			if w.pending == 0 {
				w.finish()
			}
			return nil, nil
		})
	}
}

// finish runs then, once.
func (w *eventWait) finish() {
	if w.done {
		return
	}
	w.done = true
	if w.timer != nil {
		_ = w.timer.Cancel()
	}
	w.then()
}
