//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Keeping track of the open ports, connections and connection attempts of
// each reactor, so the shutdown event reaches those the reactor is not
// watching right now: a connection paused by its consumer or half-closed
// with nothing to send, a port backing off after EMFILE, an attempt
// waiting for a name lookup. The reactor's own shutdown tells every
// watched descriptor; this tells the rest, so every open connection is
// closed and told ErrConnectionLost.

package internet

import (
	"sync"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// liveSets maps each *Reactor that has made sockets to its *liveSet. It is
// a sync.Map because reactors run on different goroutines; each set is
// used only on its reactor's goroutine.
var liveSets sync.Map

// liveSet is what one reactor has open.
type liveSet map[interfaces.FileDescriptor]struct{}

// track records d as open until untrack. The first call for a reactor adds
// a During trigger of its shutdown event, which runs after the reactor's
// own and tells every descriptor still open ErrConnectionLost.
func (r *Reactor) track(d interfaces.FileDescriptor) {
	if v, ok := liveSets.Load(r); ok {
		v.(liveSet)[d] = struct{}{}
		return
	}
	set := liveSet{d: {}}
	if _, err := r.AddSystemEventTrigger(interfaces.During, interfaces.Shutdown, r.closeLive); err != nil {
		return
	}
	liveSets.Store(r, set)
}

// untrack forgets d; no-op if it is not tracked.
func (r *Reactor) untrack(d interfaces.FileDescriptor) {
	if v, ok := liveSets.Load(r); ok {
		delete(v.(liveSet), d)
	}
}

// closeLive tells every descriptor still open that it is lost, and forgets
// the reactor.
func (r *Reactor) closeLive() *deferred.Deferred {
	v, ok := liveSets.LoadAndDelete(r)
	if !ok {
		return nil
	}
	for d := range v.(liveSet) {
		r.connectionLost(d, interfaces.ErrConnectionLost)
	}
	return nil
}
