package interfaces

import (
	"time"

	"github.com/twistgo/twistgo/deferred"
)

// Reactor is everything a Twistgo reactor offers. Protocols and helpers
// should ask for the narrowest interface they need (ReactorTime for timers,
// ReactorTCP to connect) so tests can hand them a double.
type Reactor interface {
	ReactorCore
	ReactorTime
	ReactorFDSet
	ReactorThreads
	ReactorTCP
	ReactorUNIX
	ReactorUDP
}

// Phase is when, relative to a system event, a trigger runs.
type Phase string

// The phases of a system event, run in this order.
const (
	Before Phase = "before"
	During Phase = "during"
	After  Phase = "after"
)

// Event names a system event.
type Event string

// The system events a reactor fires.
const (
	// Startup fires when Run starts the loop.
	Startup Event = "startup"
	// Shutdown fires after Stop, before Run returns.
	Shutdown Event = "shutdown"
)

// TriggerID names a registered system event trigger so it can be removed.
type TriggerID uint64

// Trigger is a function run at a phase of a system event. A Before trigger
// may return a Deferred: the During phase then waits until every such
// Deferred has fired (success or failure) or the reactor's shutdown bound
// passes. Other triggers return nil; what they return is ignored.
type Trigger func() *deferred.Deferred

// ReactorCore is the reactor's lifecycle: running the loop, stopping it, and
// the startup and shutdown events around it.
//
// Twisted: IReactorCore.
type ReactorCore interface {
	// Run fires the startup event and runs the loop on the calling
	// goroutine, which becomes the reactor goroutine, until Stop, then fires
	// the shutdown event and returns nil.
	//
	// It returns ErrReactorAlreadyRunning if the reactor runs and
	// ErrReactorNotRestartable if it ran before.
	//
	// Twisted: IReactorCore.run.
	Run() error

	// Stop asks the loop to end. It returns at once; the shutdown event
	// fires on a later loop turn, never inside Stop. At shutdown every open
	// connection is closed and told ErrConnectionLost.
	//
	// It returns ErrReactorNotRunning if the reactor is not running or is
	// stopping already. Call only on the reactor goroutine (from another
	// goroutine, use CallFromThread).
	//
	// Twisted: IReactorCore.stop.
	Stop() error

	// Running reports whether the reactor is between the During phase of
	// startup and the During phase of shutdown.
	//
	// Twisted: IReactorCore.running.
	Running() bool

	// CallWhenRunning calls f now if the reactor is running, and otherwise
	// once it has started, after the startup triggers registered before it.
	// Call only on the reactor goroutine, or before Run.
	//
	// Twisted: IReactorCore.callWhenRunning.
	CallWhenRunning(f func())

	// AddSystemEventTrigger registers f to run at phase of event, after the
	// triggers registered before it for the same phase. A trigger runs once:
	// firing consumes it.
	//
	// It returns an error wrapping ErrInvalidArgument for an unknown phase
	// or event, or a nil f. Call only on the reactor goroutine, or before
	// Run.
	//
	// Twisted: IReactorCore.addSystemEventTrigger.
	AddSystemEventTrigger(phase Phase, event Event, f Trigger) (TriggerID, error)

	// RemoveSystemEventTrigger unregisters a trigger that has not run. It
	// returns ErrUnknownTrigger if id names none.
	//
	// Twisted: IReactorCore.removeSystemEventTrigger.
	RemoveSystemEventTrigger(id TriggerID) error
}

// DelayedCall is a call scheduled by CallLater. It is declared in package
// deferred, whose timeouts need it without importing this package.
//
// Twisted: IDelayedCall.
type DelayedCall = deferred.DelayedCall

// ReactorTime schedules calls at a future time.
//
// Twisted: IReactorTime.
type ReactorTime interface {
	// Now returns the reactor's current time, with a monotonic reading.
	//
	// Twisted: IReactorTime.seconds.
	Now() time.Time

	// CallLater runs f on the reactor goroutine once delay has passed. A
	// zero or negative delay runs f on the next loop turn, never inside
	// CallLater. Calls due at the same time run in the order they were
	// scheduled. Call only on the reactor goroutine, or before Run.
	//
	// Twisted: IReactorTime.callLater.
	CallLater(delay time.Duration, f func()) DelayedCall

	// DelayedCalls returns the calls that are scheduled and neither run nor
	// cancelled, in no particular order.
	//
	// Twisted: IReactorTime.getDelayedCalls.
	DelayedCalls() []DelayedCall
}

// ReactorThreads is the door between other goroutines and the reactor
// goroutine.
//
// Twisted: IReactorThreads.
type ReactorThreads interface {
	// CallFromThread queues f to run on the reactor goroutine and wakes the
	// loop. Calls from one goroutine run in the order they were made. A call
	// queued after the reactor stopped never runs.
	//
	// Safe for concurrent use.
	//
	// Twisted: IReactorFromThreads.callFromThread.
	CallFromThread(f func())

	// CallInThread runs f on a worker goroutine from the reactor's bounded
	// pool; when every worker is busy, f waits its turn in a queue.
	//
	// Safe for concurrent use.
	//
	// Twisted: IReactorInThreads.callInThread.
	CallInThread(f func())

	// SuggestThreadPoolSize sets how many worker goroutines CallInThread may
	// run at once (at least 1; the default is 10).
	//
	// Safe for concurrent use.
	//
	// Twisted: IReactorThreads.suggestThreadPoolSize.
	SuggestThreadPoolSize(n int)
}
