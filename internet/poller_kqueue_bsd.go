//go:build darwin || dragonfly || freebsd || netbsd || openbsd

// The kqueue(2) poller of darwin and the BSDs, whose cost per wait does not
// grow with the number of idle descriptors.

package internet

import (
	"errors"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Bounds of the event array handed to kevent(2), as for epoll.
const (
	kqueueMinEvents = 128
	kqueueMaxEvents = 4096
)

// kqueuePoller watches descriptors with one kqueue, level-triggered (no
// EV_CLEAR). Reading and writing are separate filters, so one descriptor
// may produce two events in one wait; the core handles them one by one.
// want and gens hold each descriptor's filters and generation by number.
type kqueuePoller struct {
	kq      int
	waker   *waker
	events  []unix.Kevent_t
	changes [2]unix.Kevent_t
	want    []interest
	gens    []uint32
	ts      unix.Timespec
}

// newKqueuePoller creates the kqueue, close-on-exec, and watches its waker.
func newKqueuePoller() (poller, error) {
	syscall.ForkLock.RLock()
	kq, err := unix.Kqueue()
	if err == nil {
		unix.CloseOnExec(kq)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, os.NewSyscallError("kqueue", err)
	}
	w, err := newWaker()
	if err != nil {
		_ = closePollerFD(kq)
		return nil, err
	}
	p := &kqueuePoller{kq: kq, waker: w, events: make([]unix.Kevent_t, kqueueMinEvents)}
	if err := p.add(w.readFD(), 0, evRead); err != nil {
		return nil, errors.Join(err, p.close())
	}
	return p, nil
}

func (p *kqueuePoller) add(fd int, gen uint32, want interest) error {
	p.want = growTo(p.want, fd+1, 0)
	p.gens = growTo(p.gens, fd+1, 0)
	return p.modify(fd, gen, want)
}

// modify adds the filters fd newly wants and deletes those it no longer
// wants, in one kevent(2) call.
func (p *kqueuePoller) modify(fd int, gen uint32, want interest) error {
	if fd >= len(p.want) {
		return p.add(fd, gen, want)
	}
	had := p.want[fd]
	n := 0
	for _, f := range [...]struct {
		bit    interest
		filter int
	}{{evRead, unix.EVFILT_READ}, {evWrite, unix.EVFILT_WRITE}} {
		switch {
		case want&f.bit != 0 && had&f.bit == 0:
			unix.SetKevent(&p.changes[n], fd, f.filter, unix.EV_ADD)
			n++
		case want&f.bit == 0 && had&f.bit != 0:
			unix.SetKevent(&p.changes[n], fd, f.filter, unix.EV_DELETE)
			n++
		}
	}
	p.gens[fd] = gen
	if n == 0 {
		return nil
	}
	if _, err := unix.Kevent(p.kq, p.changes[:n], nil, nil); err != nil {
		return os.NewSyscallError("kevent", err)
	}
	p.want[fd] = want
	return nil
}

// remove deletes fd's filters. ENOENT and EBADF mean the kernel dropped
// them already (closing a descriptor does).
func (p *kqueuePoller) remove(fd int) error {
	if fd >= len(p.want) || p.want[fd] == 0 {
		return nil
	}
	err := p.modify(fd, p.gens[fd], 0)
	p.want[fd] = 0
	if errors.Is(err, unix.ENOENT) || errors.Is(err, unix.EBADF) {
		return nil
	}
	return err
}

func (p *kqueuePoller) wait(buf []ready, timeout time.Duration) ([]ready, error) {
	n, err := unix.Kevent(p.kq, nil, p.events, p.timespec(timeout))
	if err != nil {
		if err == unix.EINTR {
			return buf, nil
		}
		return buf, os.NewSyscallError("kevent", err)
	}
	wfd := p.waker.readFD()
	for i := range n {
		ev := &p.events[i]
		fd := int(ev.Ident)
		switch {
		case fd == wfd:
			p.waker.drain()
		case fd < len(p.gens):
			buf = append(buf, ready{fd: int32(fd), gen: p.gens[fd], ev: kqueueInterest(ev)})
		}
	}
	if n == len(p.events) && n < kqueueMaxEvents {
		p.events = make([]unix.Kevent_t, 2*n)
	}
	return buf, nil
}

// kqueueInterest translates one event. EV_EOF and EV_ERROR count as both
// readable and writable, so the next read or write sees the errno; on a
// read filter EV_EOF may still leave bytes to read, which the read gets.
func kqueueInterest(ev *unix.Kevent_t) interest {
	if ev.Flags&(unix.EV_EOF|unix.EV_ERROR) != 0 {
		return evRead | evWrite
	}
	if ev.Filter == unix.EVFILT_WRITE {
		return evWrite
	}
	return evRead
}

// timespec converts a wait for kevent(2): nil means no limit.
func (p *kqueuePoller) timespec(d time.Duration) *unix.Timespec {
	if d < 0 {
		return nil
	}
	p.ts = unix.NsecToTimespec(min(d, maxWait).Nanoseconds())
	return &p.ts
}

func (p *kqueuePoller) wake() error { return p.waker.wake() }

func (p *kqueuePoller) close() error {
	return errors.Join(p.waker.close(), closePollerFD(p.kq))
}
