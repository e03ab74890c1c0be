// The descriptor table: which descriptors the reactor watches, for what,
// under which generation.

package internet

import (
	"fmt"
	"reflect"

	"github.com/twistgo/twistgo/interfaces"
)

// watch is one entry of the descriptor table, indexed by fd. r and w are
// the descriptor when it is watched for reading and for writing (the same
// value when both). gen is the registration's generation, 0 when the entry
// is free; a new registration of the number gets a new one, so events
// collected for the previous descriptor are recognised and ignored.
type watch struct {
	r   interfaces.ReadDescriptor
	w   interfaces.WriteDescriptor
	gen uint32
}

// want is what the entry watches for.
func (w *watch) want() interest {
	var ev interest
	if w.r != nil {
		ev |= evRead
	}
	if w.w != nil {
		ev |= evWrite
	}
	return ev
}

// descriptor returns the watched value.
func (w *watch) descriptor() interfaces.FileDescriptor {
	if w.r != nil {
		return w.r
	}
	return w.w
}

// is reports whether d is the watched value. Descriptors are compared by
// identity; AddReader and AddWriter admit only comparable ones.
func (w *watch) is(d interfaces.FileDescriptor) bool {
	return w.gen != 0 && w.descriptor() == d
}

// watchAt returns the entry of fd, or nil if fd is not watched.
func (r *Reactor) watchAt(fd int) *watch {
	if fd < 0 || fd >= len(r.watches) || r.watches[fd].gen == 0 {
		return nil
	}
	return &r.watches[fd]
}

// watchOf returns the entry an event is for, or nil if its descriptor has
// gone since the poll.
func (r *Reactor) watchOf(ev ready) *watch {
	w := r.watchAt(int(ev.fd))
	if w == nil || w.gen != ev.gen {
		return nil
	}
	return w
}

// AddReader watches d for readability. Adding it again is a no-op.
//
// It returns an error wrapping interfaces.ErrInvalidArgument for a nil
// descriptor, a negative Fileno, or a descriptor type that cannot be
// compared (descriptors are told apart by identity: use a pointer type);
// interfaces.ErrTooManyDescriptors if the poller cannot watch the number;
// interfaces.ErrReactorNotRunning once the reactor has stopped; or the
// poller's error. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.addReader.
func (r *Reactor) AddReader(d interfaces.ReadDescriptor) error {
	return r.watchFor(d, func(w *watch) { w.r = d })
}

// AddWriter watches d for writability, as AddReader.
//
// Twisted: IReactorFDSet.addWriter.
func (r *Reactor) AddWriter(d interfaces.WriteDescriptor) error {
	return r.watchFor(d, func(w *watch) { w.w = d })
}

// RemoveReader stops watching d for readability; it is a no-op if d is
// not watched. Call it before closing d's descriptor. Call only on the
// reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.removeReader.
func (r *Reactor) RemoveReader(d interfaces.ReadDescriptor) {
	r.unwatchFor(d, func(w *watch) { w.r = nil })
}

// RemoveWriter stops watching d for writability; it is a no-op if d is
// not watched. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.removeWriter.
func (r *Reactor) RemoveWriter(d interfaces.WriteDescriptor) {
	r.unwatchFor(d, func(w *watch) { w.w = nil })
}

// watchFor applies set to d's entry and tells the poller.
func (r *Reactor) watchFor(d interfaces.FileDescriptor, set func(*watch)) error {
	if r.closed {
		return interfaces.ErrReactorNotRunning
	}
	if d == nil {
		return fmt.Errorf("%w: nil descriptor", interfaces.ErrInvalidArgument)
	}
	fd := d.Fileno()
	if fd < 0 {
		return fmt.Errorf("%w: descriptor with fd %d", interfaces.ErrInvalidArgument, fd)
	}
	r.watches = growTo(r.watches, fd+1, watch{})
	w := &r.watches[fd]
	if w.gen != 0 && !w.is(d) {
		r.log.Warn("twistgo: fd reused while still watched; its descriptor was closed without being removed",
			"reactor", r.name, "fd", fd)
		r.unwatch(fd)
	}
	next := *w
	set(&next)
	if next.want() == w.want() {
		return nil
	}
	if w.gen != 0 {
		if err := r.poller.modify(fd, next.gen, next.want()); err != nil {
			return err
		}
		*w = next
		return nil
	}
	if !reflect.TypeOf(d).Comparable() {
		return fmt.Errorf("%w: descriptor of type %T is not comparable", interfaces.ErrInvalidArgument, d)
	}
	next.gen = r.newGen()
	if err := r.poller.add(fd, next.gen, next.want()); err != nil {
		return err
	}
	*w = next
	return nil
}

// unwatchFor applies clear to d's entry, if d is the one watched, and
// tells the poller; an entry left wanting nothing is freed.
func (r *Reactor) unwatchFor(d interfaces.FileDescriptor, clear func(*watch)) {
	fd := d.Fileno()
	w := r.watchAt(fd)
	if w == nil || !w.is(d) {
		return
	}
	next := *w
	clear(&next)
	switch {
	case next.want() == w.want():
		return
	case next.want() == 0:
		r.unwatch(fd)
		return
	}
	if err := r.poller.modify(fd, next.gen, next.want()); err != nil {
		r.log.Error("twistgo: changing a descriptor's interest", "reactor", r.name, "fd", fd, "err", err)
	}
	*w = next
}

// unwatch frees fd's entry, tells the poller, and returns the descriptor
// that was watched (nil if none).
func (r *Reactor) unwatch(fd int) interfaces.FileDescriptor {
	w := r.watchAt(fd)
	if w == nil {
		return nil
	}
	d := w.descriptor()
	*w = watch{}
	if r.closed {
		return d
	}
	if err := r.poller.remove(fd); err != nil {
		r.log.Error("twistgo: removing a descriptor", "reactor", r.name, "fd", fd, "err", err)
	}
	return d
}

// newGen returns the next registration generation, never 0.
func (r *Reactor) newGen() uint32 {
	g := r.nextGen
	r.nextGen++
	if r.nextGen == 0 {
		r.nextGen = 1
	}
	return g
}

// RemoveAll stops watching every descriptor except the reactor's own (its
// waker, which is not in the table) and returns them, each once. The slice
// is the caller's. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.removeAll.
func (r *Reactor) RemoveAll() []interfaces.FileDescriptor {
	var all []interfaces.FileDescriptor
	for fd := range r.watches {
		if d := r.unwatch(fd); d != nil {
			all = append(all, d)
		}
	}
	return all
}

// Readers returns the descriptors watched for readability. The slice is
// the caller's. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.getReaders.
func (r *Reactor) Readers() []interfaces.ReadDescriptor {
	var rs []interfaces.ReadDescriptor
	for i := range r.watches {
		if w := &r.watches[i]; w.gen != 0 && w.r != nil {
			rs = append(rs, w.r)
		}
	}
	return rs
}

// Writers returns the descriptors watched for writability. The slice is
// the caller's. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.getWriters.
func (r *Reactor) Writers() []interfaces.WriteDescriptor {
	var ws []interfaces.WriteDescriptor
	for i := range r.watches {
		if w := &r.watches[i]; w.gen != 0 && w.w != nil {
			ws = append(ws, w.w)
		}
	}
	return ws
}
