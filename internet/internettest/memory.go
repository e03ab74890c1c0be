// MemoryReactor: a reactor double that records listens and connects and
// lets a test drive them, with a task.Clock for time.

package internettest

import (
	"fmt"
	"slices"
	"sync"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
)

var _ interfaces.Reactor = (*MemoryReactor)(nil)

// MemoryReactor is an interfaces.Reactor that opens no sockets: it records
// every ListenTCP, ConnectTCP, ListenUNIX, ConnectUNIX and ListenUDP, and
// returns a FakePort or FakeConnector through which the test plays the
// network (FakePort.Accept, FakeConnector.Succeed and Fail). Time is the
// embedded task.Clock: CallLater schedules on it and Advance runs what is
// due.
//
// The rest is bookkeeping: AddReader and friends keep sets; triggers are
// stored (FireSystemEvent runs them); Run calls the CallWhenRunning hooks
// and the queued thread calls, then stops, as Twisted's MemoryReactor does.
// CallFromThread only queues f (from any goroutine); RunThreadCalls runs
// the queue. CallInThread runs f at once, on the caller's goroutine, so
// tests stay deterministic. Set ListenErr or ConnectErr to make the
// corresponding methods fail.
//
// The zero value is not usable; create one with [NewMemoryReactor]. Call
// only on the reactor goroutine, which for a MemoryReactor is the test's
// goroutine; CallFromThread alone is safe for concurrent use.
//
// Twisted: twisted.internet.testing.MemoryReactorClock.
type MemoryReactor struct {
	*task.Clock

	TCPServers  []TCPServer  // every ListenTCP, in order
	TCPClients  []TCPClient  // every ConnectTCP
	UNIXServers []UNIXServer // every ListenUNIX
	UNIXClients []UNIXClient // every ConnectUNIX
	UDPPorts    []UDPPort    // every ListenUDP

	// ListenErr, if set, is returned by every Listen method, which then
	// records nothing; ConnectErr likewise for the Connect methods.
	ListenErr, ConnectErr error

	WhenRunning []func() // CallWhenRunning hooks not yet run
	ThreadPool  int      // the last SuggestThreadPoolSize, 0 if none
	HasRun      bool     // Run was called
	HasStopped  bool     // Stop succeeded

	running  bool
	readers  []interfaces.ReadDescriptor
	writers  []interfaces.WriteDescriptor
	triggers []memTrigger
	nextID   interfaces.TriggerID

	mu     sync.Mutex // guards queued
	queued []func()
}

type memTrigger struct {
	id    interfaces.TriggerID
	phase interfaces.Phase
	event interfaces.Event
	f     interfaces.Trigger
}

// NewMemoryReactor returns a MemoryReactor, not running, whose clock is a
// new task.Clock.
func NewMemoryReactor() *MemoryReactor {
	return &MemoryReactor{Clock: task.NewClock()}
}

// Run runs the CallWhenRunning hooks and the queued thread calls, then
// stops and returns. It returns ErrReactorAlreadyRunning while running and
// ErrReactorNotRestartable once it has run. Triggers are not fired.
//
// Twisted: MemoryReactor.run.
func (r *MemoryReactor) Run() error {
	switch {
	case r.running:
		return interfaces.ErrReactorAlreadyRunning
	case r.HasRun:
		return interfaces.ErrReactorNotRestartable
	}
	r.running, r.HasRun = true, true
	hooks := r.WhenRunning
	r.WhenRunning = nil
	for _, f := range hooks {
		f()
	}
	r.RunThreadCalls()
	if r.running {
		_ = r.Stop()
	}
	return nil
}

// Stop marks the reactor stopped; ErrReactorNotRunning if it is not
// running.
//
// Twisted: MemoryReactor.stop.
func (r *MemoryReactor) Stop() error {
	if !r.running {
		return interfaces.ErrReactorNotRunning
	}
	r.running, r.HasStopped = false, true
	return nil
}

// Running reports whether Run is in progress.
func (r *MemoryReactor) Running() bool { return r.running }

// CallWhenRunning calls f now while running, and otherwise adds it to
// WhenRunning for Run.
//
// Twisted: MemoryReactor.callWhenRunning.
func (r *MemoryReactor) CallWhenRunning(f func()) {
	if r.running {
		f()
		return
	}
	r.WhenRunning = append(r.WhenRunning, f)
}

// AddSystemEventTrigger stores f for FireSystemEvent. It returns an error
// wrapping ErrInvalidArgument for an unknown phase or event or a nil f.
//
// Twisted: MemoryReactor.addSystemEventTrigger.
func (r *MemoryReactor) AddSystemEventTrigger(phase interfaces.Phase, event interfaces.Event, f interfaces.Trigger) (interfaces.TriggerID, error) {
	switch {
	case phase != interfaces.Before && phase != interfaces.During && phase != interfaces.After:
		return 0, fmt.Errorf("%w: unknown phase %q", interfaces.ErrInvalidArgument, phase)
	case event != interfaces.Startup && event != interfaces.Shutdown:
		return 0, fmt.Errorf("%w: unknown event %q", interfaces.ErrInvalidArgument, event)
	case f == nil:
		return 0, fmt.Errorf("%w: nil trigger", interfaces.ErrInvalidArgument)
	}
	r.nextID++
	r.triggers = append(r.triggers, memTrigger{r.nextID, phase, event, f})
	return r.nextID, nil
}

// RemoveSystemEventTrigger forgets a stored trigger; ErrUnknownTrigger if
// id names none.
func (r *MemoryReactor) RemoveSystemEventTrigger(id interfaces.TriggerID) error {
	i := slices.IndexFunc(r.triggers, func(t memTrigger) bool { return t.id == id })
	if i < 0 {
		return interfaces.ErrUnknownTrigger
	}
	r.triggers = slices.Delete(r.triggers, i, i+1)
	return nil
}

// Triggers returns the stored triggers for phase and event, in the order
// they were added.
func (r *MemoryReactor) Triggers(phase interfaces.Phase, event interfaces.Event) []interfaces.Trigger {
	var out []interfaces.Trigger
	for _, t := range r.triggers {
		if t.phase == phase && t.event == event {
			out = append(out, t.f)
		}
	}
	return out
}

// FireSystemEvent runs and consumes the triggers of event, phase by phase.
// Deferreds returned by Before triggers are returned, not waited for.
func (r *MemoryReactor) FireSystemEvent(event interfaces.Event) []*deferred.Deferred {
	var waits []*deferred.Deferred
	for _, phase := range []interfaces.Phase{interfaces.Before, interfaces.During, interfaces.After} {
		for _, f := range r.Triggers(phase, event) {
			if d := f(); d != nil && phase == interfaces.Before {
				waits = append(waits, d)
			}
		}
		r.triggers = slices.DeleteFunc(r.triggers, func(t memTrigger) bool { return t.phase == phase && t.event == event })
	}
	return waits
}

// CallFromThread queues f for RunThreadCalls (or Run). Safe for concurrent
// use.
func (r *MemoryReactor) CallFromThread(f func()) {
	r.mu.Lock()
	r.queued = append(r.queued, f)
	r.mu.Unlock()
}

// RunThreadCalls runs the calls CallFromThread queued, including calls
// they queue, and returns how many ran.
func (r *MemoryReactor) RunThreadCalls() int {
	n := 0
	for {
		r.mu.Lock()
		calls := r.queued
		r.queued = nil
		r.mu.Unlock()
		if len(calls) == 0 {
			return n
		}
		for _, f := range calls {
			f()
		}
		n += len(calls)
	}
}

// CallInThread runs f now, on the caller's goroutine.
func (r *MemoryReactor) CallInThread(f func()) { f() }

// SuggestThreadPoolSize records n in ThreadPool.
func (r *MemoryReactor) SuggestThreadPoolSize(n int) { r.ThreadPool = n }

// AddReader adds d to the reader set.
func (r *MemoryReactor) AddReader(d interfaces.ReadDescriptor) error {
	if !slices.Contains(r.readers, d) {
		r.readers = append(r.readers, d)
	}
	return nil
}

// AddWriter adds d to the writer set.
func (r *MemoryReactor) AddWriter(d interfaces.WriteDescriptor) error {
	if !slices.Contains(r.writers, d) {
		r.writers = append(r.writers, d)
	}
	return nil
}

// RemoveReader removes d from the reader set.
func (r *MemoryReactor) RemoveReader(d interfaces.ReadDescriptor) {
	r.readers = slices.DeleteFunc(r.readers, func(x interfaces.ReadDescriptor) bool { return x == d })
}

// RemoveWriter removes d from the writer set.
func (r *MemoryReactor) RemoveWriter(d interfaces.WriteDescriptor) {
	r.writers = slices.DeleteFunc(r.writers, func(x interfaces.WriteDescriptor) bool { return x == d })
}

// RemoveAll empties both sets and returns their members, each once.
func (r *MemoryReactor) RemoveAll() []interfaces.FileDescriptor {
	var out []interfaces.FileDescriptor
	for _, d := range r.readers {
		out = append(out, d)
	}
	for _, d := range r.writers {
		if !slices.ContainsFunc(out, func(x interfaces.FileDescriptor) bool { return x == d }) {
			out = append(out, d)
		}
	}
	r.readers, r.writers = nil, nil
	return out
}

// Readers returns a copy of the reader set.
func (r *MemoryReactor) Readers() []interfaces.ReadDescriptor { return slices.Clone(r.readers) }

// Writers returns a copy of the writer set.
func (r *MemoryReactor) Writers() []interfaces.WriteDescriptor { return slices.Clone(r.writers) }
