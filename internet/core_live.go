// The descriptors a reactor owns whether or not it watches them right now,
// so that shutdown closes every one: a connection paused by its consumer or
// half-closed with nothing to send, a port backing off after EMFILE, a
// connection attempt waiting for a name lookup.
//
// A tracked descriptor is marked in its descriptor-table entry while it is
// watched and kept in the live set only while it is not, so the common
// case, a watched connection, costs no map entry.

package internet

import "github.com/twistgo/twistgo/interfaces"

// track records d as open until untrack, so that shutdown tells it
// ErrConnectionLost even while nothing watches it.
func (r *Reactor) track(d interfaces.FileDescriptor) {
	if w := r.watchAt(d.Fileno()); w != nil && w.is(d) {
		w.tracked = true
		return
	}
	r.keepLive(d)
}

// untrack forgets d; no-op if it is not tracked.
func (r *Reactor) untrack(d interfaces.FileDescriptor) {
	if w := r.watchAt(d.Fileno()); w != nil && w.is(d) {
		w.tracked = false
	}
	delete(r.live, d)
}

// keepLive adds d to the live set, for a tracked descriptor that is not
// watched.
func (r *Reactor) keepLive(d interfaces.FileDescriptor) {
	if r.live == nil {
		r.live = make(map[interfaces.FileDescriptor]struct{})
	}
	r.live[d] = struct{}{}
}

// adopt takes d out of the live set as it becomes watched, and reports
// whether it was there, that is, whether its new entry is tracked.
func (r *Reactor) adopt(d interfaces.FileDescriptor) bool {
	if len(r.live) == 0 {
		return false
	}
	if _, ok := r.live[d]; !ok {
		return false
	}
	delete(r.live, d)
	return true
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
