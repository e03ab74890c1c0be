// The installed reactor: Install, InstallByName, Get and Names.

package reactor

import (
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
)

var (
	// current is the installed reactor once there is one; mu serialises
	// installing it. Reads after installation take no lock.
	current atomic.Pointer[installation]
	mu      sync.Mutex
)

// installation wraps the installed reactor for atomic.Pointer.
type installation struct{ r interfaces.Reactor }

// Install makes r the process-wide reactor. Call it before anything uses
// the reactor, typically first thing in main.
//
// It returns interfaces.ErrReactorAlreadyInstalled once a reactor is
// installed, or the default one was created by first use, and an error
// wrapping interfaces.ErrInvalidArgument for a nil r. Safe for concurrent
// use.
//
// Twisted: twisted.internet.main.installReactor.
func Install(r interfaces.Reactor) error {
	if r == nil {
		return fmt.Errorf("%w: nil reactor", interfaces.ErrInvalidArgument)
	}
	mu.Lock()
	defer mu.Unlock()
	if current.Load() != nil {
		return interfaces.ErrReactorAlreadyInstalled
	}
	current.Store(&installation{r})
	return nil
}

// InstallByName builds the reactor called name (one of Names(), or
// "default") with default options and installs it; it is what a
// --reactor flag calls. Nothing is built when a reactor is installed
// already.
//
// It returns interfaces.ErrReactorAlreadyInstalled as Install does, an
// error wrapping interfaces.ErrUnknownReactor (listing the valid names) for
// a name this platform does not offer, or the reactor's creation error.
// Safe for concurrent use.
//
// Twisted: twisted.application.reactors.installReactor.
func InstallByName(name string) error {
	mu.Lock()
	defer mu.Unlock()
	if current.Load() != nil {
		return interfaces.ErrReactorAlreadyInstalled
	}
	r, err := newReactor(name)
	if err != nil {
		return err
	}
	current.Store(&installation{r})
	return nil
}

// Get returns the installed reactor, installing the platform default
// (internet.DefaultName, with default options) on first use.
//
// Where no reactor can be created (a platform without one, or the process
// out of descriptors), Get logs the error through slog.Default and returns
// a stand-in whose methods return that error and do nothing; nothing is
// installed, so a later call tries again. Safe for concurrent use.
//
// Twisted: from twisted.internet import reactor.
func Get() interfaces.Reactor {
	if in := current.Load(); in != nil {
		return in.r
	}
	mu.Lock()
	defer mu.Unlock()
	if in := current.Load(); in != nil {
		return in.r
	}
	r, err := newReactor("default")
	if err != nil {
		slog.Default().Error("twistgo: no reactor", "err", err)
		return unavailable{err}
	}
	current.Store(&installation{r})
	return r
}

// Name returns the name of the installed reactor, such as "epoll",
// installing the default on first use as Get does. A reactor given to
// Install that has no Name method is described by its Go type. Safe for
// concurrent use.
func Name() string {
	r := Get()
	if n, ok := r.(interface{ Name() string }); ok {
		return n.Name()
	}
	return fmt.Sprintf("%T", r)
}

// Names returns the names InstallByName accepts on this platform, the
// default first. Safe for concurrent use.
func Names() []string { return internet.Names() }

// newReactor builds the reactor called name. Whether an *internet.Reactor
// is a whole interfaces.Reactor is checked when the program runs, not when
// it compiles: where the platform has no reactor, package internet leaves
// out the socket methods (and internet.New fails first anyway), and this
// package must still build there.
func newReactor(name string) (interfaces.Reactor, error) {
	r, err := internet.New(name)
	if err != nil {
		return nil, err
	}
	full, ok := any(r).(interfaces.Reactor)
	if !ok {
		return nil, fmt.Errorf("%w: the %s reactor has no sockets here", interfaces.ErrUnsupportedPlatform, name)
	}
	return full, nil
}
