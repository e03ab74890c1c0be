// The Reactor type, its constructors and the table of reactor names.

package internet

import (
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

var (
	_ interfaces.ReactorCore    = (*Reactor)(nil)
	_ interfaces.ReactorTime    = (*Reactor)(nil)
	_ interfaces.ReactorFDSet   = (*Reactor)(nil)
	_ interfaces.ReactorThreads = (*Reactor)(nil)
	_ transport.Loop            = (*Reactor)(nil)
)

// Reactor is an event loop: the shared core (timers, calls from other
// goroutines, system event triggers, signals, the descriptor table) over
// one poller. Every poller kind gives the same type; Name tells which.
//
// Build one with [New] or a named constructor; the zero value is not
// usable. A Reactor runs once: Run blocks until Stop, and a stopped reactor
// cannot run again. Methods whose comment says "Safe for concurrent use"
// (CallFromThread, CallInThread, Running, Name...) may be called from any
// goroutine; every other method must be called on the reactor goroutine
// (the one in Run), or before Run.
//
// Twisted: twisted.internet.posixbase.PosixReactorBase.
type Reactor struct {
	name   string
	poller poller
	log    *slog.Logger
	opts   Options

	// Lifecycle (core_run.go). state and running are read by other
	// goroutines; the rest belong to the reactor goroutine.
	state       atomic.Int32
	running     atomic.Bool
	stopped     bool // Twisted's _stopped: true until Run, set by Stop
	justStopped bool // Stop was called; the shutdown event has not fired
	crashed     bool // the shutdown event ended the loop
	closed      bool // the poller is closed: no more registrations

	epoch  time.Time // zero point of the timers' monotonic clock
	timers timerHeap

	// Calls from other goroutines (core_threads.go), under mu.
	mu          sync.Mutex
	calls       []func()
	spare       []func()
	wakePending bool
	dead        bool
	done        chan struct{} // closed once the loop has ended

	watches  watchTable                             // the descriptor table, by fd (core_fdset.go)
	live     map[interfaces.FileDescriptor]struct{} // tracked and not watched (core_live.go)
	nextGen  uint32
	readyBuf []ready
	flushQ   []transport.Flusher
	flushing bool // runFlushes is running (core_dispatch.go)
	readBuf  []byte

	events      [2]systemEvent // startup, shutdown (core_triggers.go)
	nextTrigger interfaces.TriggerID

	pool    workerPool
	signals signalWatcher
}

// reactorKind is one entry of a platform's reactor table.
type reactorKind struct {
	name      string
	newPoller func() (poller, error)
}

// Names returns the names of the reactors this platform offers, the
// default first: on Linux "epoll", "poll", "select"; on darwin and the
// BSDs "kqueue", "poll", "select"; none elsewhere. The slice is the
// caller's. Safe for concurrent use.
//
// Twisted: the reactor table of twisted.application.reactors.
func Names() []string {
	names := make([]string, len(reactorKinds))
	for i, k := range reactorKinds {
		names[i] = k.name
	}
	return names
}

// DefaultName returns the name of this platform's default reactor, or ""
// where there is none. Safe for concurrent use.
//
// Twisted: twisted.internet.default.
func DefaultName() string {
	if len(reactorKinds) == 0 {
		return ""
	}
	return reactorKinds[0].name
}

// New returns a reactor with default Options, by name: one of Names(), or
// "default" (or "") for DefaultName(). It is meant for command-line flags
// such as --reactor=poll.
//
// It returns an error wrapping interfaces.ErrUnknownReactor, listing the
// valid names, for a name this platform does not offer;
// interfaces.ErrUnsupportedPlatform where no reactor exists; or the
// poller's error (such as EMFILE).
//
// Twisted: twisted.application.reactors.installReactor.
func New(name string) (*Reactor, error) {
	return NewWithOptions(name, Options{})
}

// NewWithOptions is New with options.
func NewWithOptions(name string, o Options) (*Reactor, error) {
	if name == "default" || name == "" {
		if DefaultName() == "" {
			return nil, fmt.Errorf("%w: no reactor", interfaces.ErrUnsupportedPlatform)
		}
		name = DefaultName()
	}
	for _, k := range reactorKinds {
		if k.name == name {
			return newReactor(k, o)
		}
	}
	return nil, fmt.Errorf("%w %q: this platform offers %s (or \"default\")",
		interfaces.ErrUnknownReactor, name, strings.Join(Names(), ", "))
}

// NewEPollReactor returns a reactor over epoll(7). It returns
// interfaces.ErrUnsupportedPlatform except on Linux.
//
// Twisted: twisted.internet.epollreactor.
func NewEPollReactor(o Options) (*Reactor, error) { return newNamed("epoll", o) }

// NewPollReactor returns a reactor over poll(2). It returns
// interfaces.ErrUnsupportedPlatform except on Linux, darwin and the BSDs.
//
// Twisted: twisted.internet.pollreactor.
func NewPollReactor(o Options) (*Reactor, error) { return newNamed("poll", o) }

// NewSelectReactor returns a reactor over select(2), which cannot watch
// descriptor numbers at or above FD_SETSIZE (1024): AddReader and AddWriter
// return interfaces.ErrTooManyDescriptors for them. It returns
// interfaces.ErrUnsupportedPlatform except on Linux, darwin and the BSDs.
//
// Twisted: twisted.internet.selectreactor.
func NewSelectReactor(o Options) (*Reactor, error) { return newNamed("select", o) }

// NewKqueueReactor returns a reactor over kqueue(2). It returns
// interfaces.ErrUnsupportedPlatform except on darwin and the BSDs.
//
// Twisted: twisted.internet.kqreactor.
func NewKqueueReactor(o Options) (*Reactor, error) { return newNamed("kqueue", o) }

// newNamed builds the reactor called name, or reports that this platform
// has none.
func newNamed(name string, o Options) (*Reactor, error) {
	for _, k := range reactorKinds {
		if k.name == name {
			return newReactor(k, o)
		}
	}
	return nil, fmt.Errorf("%w: no %s reactor", interfaces.ErrUnsupportedPlatform, name)
}

// newReactor creates k's poller and the core around it.
func newReactor(k reactorKind, o Options) (*Reactor, error) {
	p, err := k.newPoller()
	if err != nil {
		return nil, fmt.Errorf("twistgo: creating the %s reactor: %w", k.name, err)
	}
	o = o.withDefaults()
	r := &Reactor{
		name:    k.name,
		poller:  p,
		log:     o.Logger,
		opts:    o,
		stopped: true,
		epoch:   time.Now(),
		nextGen: 1,
		done:    make(chan struct{}),
	}
	r.pool.init(r, DefaultThreadPoolSize)
	r.addBuiltinTriggers()
	return r, nil
}

// Name returns the reactor's name: "epoll", "poll", "select" or "kqueue".
// Safe for concurrent use.
func (r *Reactor) Name() string { return r.name }

// Logger returns the logger the reactor and its connections report
// through. Safe for concurrent use.
func (r *Reactor) Logger() *slog.Logger { return r.log }

// ReadBuffer returns the loop's shared read buffer (Options.ReadBufferSize
// bytes). Every connection of the loop reads into it, so its contents are
// valid only during the callback that read them. Call only on the reactor
// goroutine.
func (r *Reactor) ReadBuffer() []byte {
	if r.readBuf == nil {
		r.readBuf = make([]byte, r.opts.ReadBufferSize)
	}
	return r.readBuf
}
