// The descriptor table: which descriptors the reactor watches, for what,
// under which generation.

package internet

import (
	"fmt"
	"reflect"

	"github.com/twistgo/twistgo/interfaces"
)

// watch is one entry of the descriptor table, indexed by fd. d is the
// descriptor and want what it is watched for. gen is the registration's
// generation, 0 when the entry is free; a new registration of the number
// gets a new one, so events collected for the previous descriptor are
// recognised and ignored. tracked says d is owned by the reactor (see
// core_live.go): when the entry is freed, d moves to the live set.
type watch struct {
	d       interfaces.FileDescriptor
	gen     uint32
	want    interest
	tracked bool
}

// reader returns the descriptor if it is watched for reading, else nil.
func (w *watch) reader() interfaces.ReadDescriptor {
	if w.want&evRead == 0 {
		return nil
	}
	rd, _ := w.d.(interfaces.ReadDescriptor)
	return rd
}

// writer returns the descriptor if it is watched for writing, else nil.
func (w *watch) writer() interfaces.WriteDescriptor {
	if w.want&evWrite == 0 {
		return nil
	}
	wd, _ := w.d.(interfaces.WriteDescriptor)
	return wd
}

// is reports whether d is the watched value. Descriptors are compared by
// identity; AddReader and AddWriter admit only comparable ones.
func (w *watch) is(d interfaces.FileDescriptor) bool {
	return w.gen != 0 && w.d == d
}

// watchAt returns the entry of fd, or nil if fd is not watched.
func (r *Reactor) watchAt(fd int) *watch {
	if w := r.watches.at(fd); w != nil && w.gen != 0 {
		return w
	}
	return nil
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
	return r.watchFor(d, evRead)
}

// AddWriter watches d for writability, as AddReader.
//
// Twisted: IReactorFDSet.addWriter.
func (r *Reactor) AddWriter(d interfaces.WriteDescriptor) error {
	return r.watchFor(d, evWrite)
}

// RemoveReader stops watching d for readability; it is a no-op if d is
// not watched. Call it before closing d's descriptor. Call only on the
// reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.removeReader.
func (r *Reactor) RemoveReader(d interfaces.ReadDescriptor) {
	r.unwatchFor(d, evRead)
}

// RemoveWriter stops watching d for writability; it is a no-op if d is
// not watched. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.removeWriter.
func (r *Reactor) RemoveWriter(d interfaces.WriteDescriptor) {
	r.unwatchFor(d, evWrite)
}

// watchFor adds ev to what d is watched for and tells the poller.
func (r *Reactor) watchFor(d interfaces.FileDescriptor, ev interest) error {
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
	w := r.watches.ensure(fd)
	if w.gen != 0 && !w.is(d) {
		r.log.Warn("twistgo: fd reused while still watched; its descriptor was closed without being removed",
			"reactor", r.name, "fd", fd)
		r.unwatch(fd)
	}
	want := w.want | ev
	if want == w.want {
		return nil
	}
	if w.gen != 0 {
		if err := r.poller.modify(fd, w.gen, want); err != nil {
			return err
		}
		w.want = want
		return nil
	}
	if !reflect.TypeOf(d).Comparable() {
		return fmt.Errorf("%w: descriptor of type %T is not comparable", interfaces.ErrInvalidArgument, d)
	}
	gen := r.newGen()
	if err := r.poller.add(fd, gen, want); err != nil {
		return err
	}
	*w = watch{d: d, gen: gen, want: want, tracked: r.adopt(d)}
	return nil
}

// unwatchFor takes ev from what d is watched for, if d is the one
// watched, and tells the poller; an entry left wanting nothing is freed.
func (r *Reactor) unwatchFor(d interfaces.FileDescriptor, ev interest) {
	fd := d.Fileno()
	w := r.watchAt(fd)
	if w == nil || !w.is(d) {
		return
	}
	want := w.want &^ ev
	switch {
	case want == w.want:
		return
	case want == 0:
		r.unwatch(fd)
		return
	}
	if err := r.poller.modify(fd, w.gen, want); err != nil {
		r.log.Error("twistgo: changing a descriptor's interest", "reactor", r.name, "fd", fd, "err", err)
	}
	w.want = want
}

// unwatch frees fd's entry, tells the poller, and returns the descriptor
// that was watched (nil if none). A tracked descriptor stays tracked.
func (r *Reactor) unwatch(fd int) interfaces.FileDescriptor {
	w := r.watchAt(fd)
	if w == nil {
		return nil
	}
	d := w.d
	if w.tracked {
		r.keepLive(d)
	}
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
	for fd, w := range r.watches.used() {
		all = append(all, w.d)
		r.unwatch(fd)
	}
	return all
}

// Readers returns the descriptors watched for readability. The slice is
// the caller's. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorFDSet.getReaders.
func (r *Reactor) Readers() []interfaces.ReadDescriptor {
	var rs []interfaces.ReadDescriptor
	for _, w := range r.watches.used() {
		if rd := w.reader(); rd != nil {
			rs = append(rs, rd)
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
	for _, w := range r.watches.used() {
		if wd := w.writer(); wd != nil {
			ws = append(ws, wd)
		}
	}
	return ws
}
