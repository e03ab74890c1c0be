// The descriptors a reactor owns whether or not it watches them right now,
// so that shutdown closes every one: a connection paused by its consumer or
// half-closed with nothing to send, a port backing off after EMFILE, a
// connection attempt waiting for a name lookup. Watched descriptors are in
// the descriptor table; these are the rest as well.

package internet

import "github.com/twistgo/twistgo/interfaces"

// track records d as open until untrack, so that shutdown tells it
// ErrConnectionLost even while nothing watches it.
func (r *Reactor) track(d interfaces.FileDescriptor) {
	if r.live == nil {
		r.live = make(map[interfaces.FileDescriptor]struct{})
	}
	r.live[d] = struct{}{}
}

// untrack forgets d; no-op if it is not tracked.
func (r *Reactor) untrack(d interfaces.FileDescriptor) {
	delete(r.live, d)
}

// disconnectAll removes every watched descriptor and tells it, and every
// other tracked descriptor, that it is lost. Each is told once: it is
// forgotten before it is told. It is the built-in During trigger of
// shutdown.
//
// Twisted: PosixReactorBase._disconnectAll.
func (r *Reactor) disconnectAll() {
	for _, d := range r.RemoveAll() {
		delete(r.live, d)
		r.connectionLost(d, interfaces.ErrConnectionLost)
	}
	for d := range r.live {
		delete(r.live, d)
		r.connectionLost(d, interfaces.ErrConnectionLost)
	}
}
