// Dispatch: calling user code safely. Every callback the loop makes goes
// through one of these helpers, which recover a panic, log it once with its
// stack, and then run the flushes the callback queued.

package internet

import (
	"fmt"
	"os"
	"syscall"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

// errBadDescriptor is the reason given to a descriptor whose number the
// poller found closed while it was still registered.
var errBadDescriptor = fmt.Errorf("%w: %w", interfaces.ErrConnectionLost,
	os.NewSyscallError("poll", syscall.EBADF))

// dispatch hands one readiness event to its descriptor: DoRead, then
// DoWrite unless DoRead dropped it. An event whose generation does not
// match the table is for a descriptor that has gone since the poll (its
// number may already name a new one) and is ignored.
func (r *Reactor) dispatch(ev ready) {
	w := r.watchOf(ev)
	if w == nil {
		return
	}
	if ev.ev&evInvalid != 0 {
		r.disconnect(int(ev.fd), errBadDescriptor)
		return
	}
	if ev.ev&evRead != 0 {
		if rd := w.reader(); rd != nil {
			if err := r.doRead(rd); err != nil {
				r.drop(int(ev.fd), rd, err)
				return
			}
			// DoRead may have removed the descriptor.
			if w = r.watchOf(ev); w == nil {
				return
			}
		}
	}
	if ev.ev&evWrite != 0 {
		if wd := w.writer(); wd != nil {
			if err := r.doWrite(wd); err != nil {
				r.drop(int(ev.fd), wd, err)
			}
		}
	}
}

// drop removes d, whose DoRead or DoWrite returned reason, and tells it.
// d is told even if it removed itself inside that call: its error still
// means "drop me", and otherwise nothing would ever close its fd. The
// table entry is cleared only while it still holds d, because d may have
// closed its fd and a new descriptor taken the number.
func (r *Reactor) drop(fd int, d interfaces.FileDescriptor, reason error) {
	if w := r.watchAt(fd); w != nil && w.is(d) {
		r.unwatch(fd)
	}
	r.connectionLost(d, reason)
}

// doRead calls d.DoRead; a panic becomes its *PanicError result.
func (r *Reactor) doRead(d interfaces.ReadDescriptor) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = r.recovered("DoRead", v)
		}
		r.runFlushes()
	}()
	return d.DoRead()
}

// doWrite calls d.DoWrite; a panic becomes its *PanicError result.
func (r *Reactor) doWrite(d interfaces.WriteDescriptor) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = r.recovered("DoWrite", v)
		}
		r.runFlushes()
	}()
	return d.DoWrite()
}

// runCall calls f (a timer, a thread call, a trigger's wrapper); a panic
// is logged and forgotten.
func (r *Reactor) runCall(where string, f func()) {
	defer func() {
		if v := recover(); v != nil {
			r.recovered(where, v)
		}
		r.runFlushes()
	}()
	f()
}

// connectionLost tells d it is no longer watched.
func (r *Reactor) connectionLost(d interfaces.FileDescriptor, reason error) {
	defer func() {
		if v := recover(); v != nil {
			r.recovered("ConnectionLost", v)
		}
		r.runFlushes()
	}()
	d.ConnectionLost(reason)
}

// recovered turns a recovered panic into a *PanicError and logs it, with
// the stack of the panicking goroutine.
func (r *Reactor) recovered(where string, v any) error {
	pe := deferred.NewPanicError(v)
	r.log.Error("twistgo: panic in "+where+" recovered; the reactor goes on",
		"reactor", r.name, "panic", fmt.Sprint(v), "stack", string(pe.Stack))
	return pe
}

// disconnect removes the descriptor registered at fd and tells it reason.
func (r *Reactor) disconnect(fd int, reason error) {
	d := r.unwatch(fd)
	if d != nil {
		r.connectionLost(d, reason)
	}
}

// QueueFlush arranges for f.Flush to run once the callback now running
// returns, before the loop polls again, so writes made during one callback
// leave in one system call. The caller queues f at most once until its
// Flush runs. A panic in Flush is recovered and logged, and costs the
// flusher its connection when it is a registered descriptor. Call only on
// the reactor goroutine.
func (r *Reactor) QueueFlush(f transport.Flusher) {
	r.flushQ = append(r.flushQ, f)
}

// runFlushes runs the queued flushes, including any queued by a Flush.
// A Flush can reach runFlushes again (a connection that closes while
// flushing tells its connector, whose callback is followed by the flushes
// it queued); the inner call returns at once, because the pass already
// running picks up everything queued meanwhile.
func (r *Reactor) runFlushes() {
	if r.flushing {
		return
	}
	r.flushing = true
	for i := 0; i < len(r.flushQ); i++ {
		f := r.flushQ[i]
		r.flushQ[i] = nil
		r.flush(f)
	}
	r.flushQ = r.flushQ[:0]
	r.flushing = false
}

// flush runs one Flush.
func (r *Reactor) flush(f transport.Flusher) {
	defer func() {
		if v := recover(); v != nil {
			err := r.recovered("Flush", v)
			r.dropFlusher(f, err)
		}
	}()
	f.Flush()
}

// dropFlusher disconnects a flusher that panicked, if it is a descriptor
// this reactor watches.
func (r *Reactor) dropFlusher(f transport.Flusher, reason error) {
	d, ok := f.(interfaces.FileDescriptor)
	if !ok {
		return
	}
	fd := d.Fileno()
	if w := r.watchAt(fd); w != nil && w.is(d) {
		r.disconnect(fd, reason)
	}
}
