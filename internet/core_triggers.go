// System event triggers: the startup and shutdown events and their
// Before, During and After phases.

package internet

import (
	"fmt"
	"slices"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// Indexes of Reactor.events and of systemEvent.phases.
const (
	startupEvent = iota
	shutdownEvent
)

const (
	beforePhase = iota
	duringPhase
	afterPhase
)

// systemEvent holds one event's triggers, per phase, in registration
// order. Firing consumes them.
type systemEvent struct {
	phases [3][]trigger
}

// trigger is a registered trigger: a user's f with its id, or one of the
// reactor's own calls (id 0, which RemoveSystemEventTrigger never finds).
type trigger struct {
	id   interfaces.TriggerID
	f    interfaces.Trigger
	call func()
}

// addBuiltinTriggers registers the reactor's own During triggers, before
// any user's, so they run first in their phase.
//
// Twisted: ReactorBase.__init__ (_reallyStartRunning, crash,
// disconnectAll).
func (r *Reactor) addBuiltinTriggers() {
	r.addTrigger(startupEvent, duringPhase, trigger{call: r.startRunning})
	r.addTrigger(shutdownEvent, duringPhase, trigger{call: r.endLoop})
}

// startRunning is the built-in During trigger of startup.
func (r *Reactor) startRunning() {
	r.running.Store(true)
	r.startSignals()
}

// endLoop is the built-in During trigger of shutdown: the loop ends after
// this turn, every descriptor is told ErrConnectionLost, and the worker
// pool stops taking work.
func (r *Reactor) endLoop() {
	r.running.Store(false)
	r.crashed = true
	r.disconnectAll()
	r.pool.stop()
}

func (r *Reactor) addTrigger(event, phase int, t trigger) {
	r.events[event].phases[phase] = append(r.events[event].phases[phase], t)
}

// AddSystemEventTrigger registers f to run at phase of event, after the
// triggers registered before it for the same phase. A trigger runs once:
// firing consumes it. A Before trigger may return a Deferred: the During
// phase waits until every such Deferred has fired (a failure is logged and
// does not block), for shutdown at most Options.ShutdownTimeout. A panic in
// f is recovered and logged.
//
// It returns an error wrapping interfaces.ErrInvalidArgument for an
// unknown phase or event, or a nil f. Call only on the reactor goroutine,
// or before Run.
//
// Twisted: IReactorCore.addSystemEventTrigger.
func (r *Reactor) AddSystemEventTrigger(phase interfaces.Phase, event interfaces.Event, f interfaces.Trigger) (interfaces.TriggerID, error) {
	p := slices.Index([]interfaces.Phase{interfaces.Before, interfaces.During, interfaces.After}, phase)
	e := slices.Index([]interfaces.Event{interfaces.Startup, interfaces.Shutdown}, event)
	switch {
	case p < 0:
		return 0, fmt.Errorf("%w: unknown phase %q", interfaces.ErrInvalidArgument, phase)
	case e < 0:
		return 0, fmt.Errorf("%w: unknown system event %q", interfaces.ErrInvalidArgument, event)
	case f == nil:
		return 0, fmt.Errorf("%w: nil trigger", interfaces.ErrInvalidArgument)
	}
	r.nextTrigger++
	r.addTrigger(e, p, trigger{id: r.nextTrigger, f: f})
	return r.nextTrigger, nil
}

// RemoveSystemEventTrigger unregisters a trigger that has not run. It
// returns interfaces.ErrUnknownTrigger if id names none (a trigger that
// ran is gone). Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorCore.removeSystemEventTrigger.
func (r *Reactor) RemoveSystemEventTrigger(id interfaces.TriggerID) error {
	for e := range r.events {
		for p, ts := range r.events[e].phases {
			i := slices.IndexFunc(ts, func(t trigger) bool { return id != 0 && t.id == id })
			if i >= 0 {
				r.events[e].phases[p] = slices.Delete(ts, i, i+1)
				return nil
			}
		}
	}
	return interfaces.ErrUnknownTrigger
}

// CallWhenRunning calls f now if the reactor is running, and otherwise once
// it has started, after the startup triggers registered before it. Call
// only on the reactor goroutine, or before Run.
//
// Twisted: IReactorCore.callWhenRunning.
func (r *Reactor) CallWhenRunning(f func()) {
	if r.running.Load() {
		f()
		return
	}
	r.addTrigger(startupEvent, afterPhase, trigger{call: f})
}

// fireEvent runs the Before triggers of event, then — once their
// Deferreds have fired — the During and After triggers.
//
// Twisted: _ThreePhaseEvent.fireEvent.
func (r *Reactor) fireEvent(event int) {
	var ds []*deferred.Deferred
	for t, ok := r.popTrigger(event, beforePhase); ok; t, ok = r.popTrigger(event, beforePhase) {
		if d := r.runTrigger(t); d != nil {
			ds = append(ds, d)
		}
	}
	r.waitThen(event, ds, func() {
		for _, phase := range []int{duringPhase, afterPhase} {
			for t, ok := r.popTrigger(event, phase); ok; t, ok = r.popTrigger(event, phase) {
				r.runTrigger(t)
			}
		}
	})
}

// popTrigger removes and returns the first trigger of a phase. Triggers
// added while a phase runs are found too, and run in the same firing.
func (r *Reactor) popTrigger(event, phase int) (trigger, bool) {
	ts := r.events[event].phases[phase]
	if len(ts) == 0 {
		return trigger{}, false
	}
	r.events[event].phases[phase] = ts[1:]
	return ts[0], true
}

// runTrigger runs one trigger and returns the Deferred it returned.
func (r *Reactor) runTrigger(t trigger) (d *deferred.Deferred) {
	r.runCall("system event trigger", func() {
		if t.call != nil {
			t.call()
			return
		}
		d = t.f()
	})
	return d
}
