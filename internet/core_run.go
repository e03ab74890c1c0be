// The loop: Run, Stop, and one turn of the reactor.
//
// A turn first runs what is due — the calls other goroutines queued (only
// those present when the turn starts), then the timers that are due (a
// timer scheduled meanwhile waits for the next turn), then the shutdown
// event if Stop was called — then waits in the poller until the next
// timer is due, a descriptor is ready or CallFromThread wakes it, and
// dispatches the ready descriptors. Every callback is followed by the
// flushes it queued, so output leaves before the next poll.
//
// The states follow Twisted's ReactorBase: Run fires the startup event,
// whose built-in During trigger sets Running and installs signal handlers;
// Stop marks the reactor stopped and the next turn fires the shutdown
// event, whose Before triggers may return Deferreds that the During phase
// waits for; its built-in During trigger ends the loop, removes every
// descriptor and tells it ErrConnectionLost, and stops the worker pool.
// Run then closes the poller and returns.

package internet

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// Values of Reactor.state.
const (
	stateNew     int32 = iota // never ran
	stateRunning              // inside Run
	stateDone                 // Run has returned
)

// Run fires the startup event and runs the loop on the calling goroutine,
// which becomes the reactor goroutine, until Stop (or SIGINT or SIGTERM,
// unless Options.NoSignalHandlers); it then fires the shutdown event,
// closes the reactor's own descriptors and returns nil.
//
// It returns interfaces.ErrReactorAlreadyRunning if the reactor runs and
// interfaces.ErrReactorNotRestartable if it ran before. Safe for
// concurrent use (only one call runs the loop).
//
// Twisted: IReactorCore.run.
func (r *Reactor) Run() error {
	if !r.state.CompareAndSwap(stateNew, stateRunning) {
		if r.state.Load() == stateRunning {
			return interfaces.ErrReactorAlreadyRunning
		}
		return interfaces.ErrReactorNotRestartable
	}
	r.stopped = false
	r.fireEvent(startupEvent)
	for !r.crashed {
		r.runUntilCurrent()
		if r.crashed {
			break
		}
		r.iterate(r.pollTimeout())
	}
	r.teardown()
	return nil
}

// Stop asks the loop to end. It returns at once; the shutdown event fires
// on the next loop turn, never inside Stop.
//
// It returns interfaces.ErrReactorNotRunning if the reactor is not
// running or is stopping already. Call only on the reactor goroutine (from
// another goroutine, use CallFromThread).
//
// Twisted: IReactorCore.stop.
func (r *Reactor) Stop() error {
	if r.stopped {
		return interfaces.ErrReactorNotRunning
	}
	r.stopped, r.justStopped = true, true
	return nil
}

// Running reports whether the reactor is between the During phase of
// startup and the During phase of shutdown. Safe for concurrent use.
//
// Twisted: IReactorCore.running.
func (r *Reactor) Running() bool { return r.running.Load() }

// runUntilCurrent runs what is due: queued thread calls, due timers, and
// the shutdown event once Stop was called.
//
// Twisted: ReactorBase.runUntilCurrent.
func (r *Reactor) runUntilCurrent() {
	r.drainThreadCalls()
	r.runDueTimers()
	if r.justStopped {
		r.justStopped = false
		r.fireEvent(shutdownEvent)
	}
}

// pollTimeout is how long the poller may wait: until the next timer is
// due, capped at maxWait, or without limit when no timer is scheduled.
func (r *Reactor) pollTimeout() time.Duration {
	d, ok := r.nextTimer()
	if !ok {
		return -1
	}
	return min(d, maxWait)
}

// iterate waits in the poller for at most timeout and dispatches what is
// ready.
//
// Twisted: PosixReactorBase.doIteration.
func (r *Reactor) iterate(timeout time.Duration) {
	buf, err := r.poller.wait(r.readyBuf[:0], timeout)
	r.readyBuf = buf
	if err != nil {
		r.log.Error("twistgo: waiting for events", "reactor", r.name, "err", err)
	}
	for _, ev := range buf {
		r.dispatch(ev)
	}
}

// teardown releases what the loop held once it has ended: descriptors
// still watched (added after shutdown began) are told they are lost,
// thread calls are refused, workers are given ShutdownTimeout to finish,
// and the poller and its waker are closed.
func (r *Reactor) teardown() {
	r.signals.stop()
	r.running.Store(false)
	r.disconnectAll()
	r.closeThreadCalls()
	r.pool.wait(r.opts.ShutdownTimeout)
	r.closed = true
	if err := r.poller.close(); err != nil {
		r.log.Error("twistgo: closing the poller", "reactor", r.name, "err", err)
	}
	r.state.Store(stateDone)
}
