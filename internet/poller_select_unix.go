//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// The select(2) poller: the oldest readiness API, limited to descriptor
// numbers below FD_SETSIZE, with a cost per wait that grows with the
// highest watched number.

package internet

import (
	"fmt"
	"os"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// selectPoller keeps the interest sets and rebuilds the sets handed to
// select(2) from them on every wait, since select overwrites what it is
// given. gens holds each watched descriptor's generation by number; maxFD is
// the highest watched number (the waker's at least).
type selectPoller struct {
	waker      *waker
	rset, wset unix.FdSet
	rout, wout unix.FdSet
	gens       []uint32
	want       []interest
	maxFD      int
	tv         unix.Timeval
}

// newSelectPoller creates the waker and watches it.
func newSelectPoller() (poller, error) {
	w, err := newWaker()
	if err != nil {
		return nil, err
	}
	p := &selectPoller{waker: w}
	if err := p.add(w.readFD(), 0, evRead); err != nil {
		_ = w.close()
		return nil, err
	}
	return p, nil
}

// add refuses numbers at or above FD_SETSIZE before touching the sets:
// FdSet.Set indexes a fixed array, and select(2) itself would read past
// the set.
func (p *selectPoller) add(fd int, gen uint32, want interest) error {
	if fd < 0 || fd >= unix.FD_SETSIZE {
		return fmt.Errorf("%w: select cannot watch fd %d (FD_SETSIZE is %d); use the poll or epoll reactor",
			interfaces.ErrTooManyDescriptors, fd, unix.FD_SETSIZE)
	}
	p.gens = growTo(p.gens, fd+1, 0)
	p.want = growTo(p.want, fd+1, 0)
	p.gens[fd] = gen
	p.setInterest(fd, want)
	p.maxFD = max(p.maxFD, fd)
	return nil
}

func (p *selectPoller) modify(fd int, gen uint32, want interest) error {
	return p.add(fd, gen, want)
}

func (p *selectPoller) remove(fd int) error {
	if fd < 0 || fd >= len(p.want) {
		return nil
	}
	p.setInterest(fd, 0)
	for p.maxFD > 0 && p.want[p.maxFD] == 0 {
		p.maxFD--
	}
	return nil
}

// setInterest records want for fd in the interest sets.
func (p *selectPoller) setInterest(fd int, want interest) {
	p.want[fd] = want
	p.rset.Clear(fd)
	p.wset.Clear(fd)
	if want&evRead != 0 {
		p.rset.Set(fd)
	}
	if want&evWrite != 0 {
		p.wset.Set(fd)
	}
}

func (p *selectPoller) wait(buf []ready, timeout time.Duration) ([]ready, error) {
	p.rout, p.wout = p.rset, p.wset
	tv := p.timeval(timeout)
	n, err := unix.Select(p.maxFD+1, &p.rout, &p.wout, nil, tv)
	switch {
	case err == unix.EINTR:
		return buf, nil
	case err == unix.EBADF:
		return p.findClosed(buf), nil
	case err != nil:
		return buf, os.NewSyscallError("select", err)
	}
	for fd := 0; n > 0 && fd <= p.maxFD; fd++ {
		var ev interest
		if p.rout.IsSet(fd) {
			ev |= evRead
			n--
		}
		if p.wout.IsSet(fd) {
			ev |= evWrite
			n--
		}
		switch {
		case ev == 0:
		case fd == p.waker.readFD():
			p.waker.drain()
		default:
			buf = append(buf, ready{fd: int32(fd), gen: p.gens[fd], ev: ev})
		}
	}
	return buf, nil
}

// timeval converts a wait for select(2), which counts microseconds: nil
// means no limit, and a positive wait shorter than a microsecond rounds up
// to one, so the loop does not spin until the timer is due.
func (p *selectPoller) timeval(d time.Duration) *unix.Timeval {
	if d < 0 {
		return nil
	}
	d = min(d, maxWait)
	d = (d + time.Microsecond - 1) / time.Microsecond * time.Microsecond
	p.tv = unix.NsecToTimeval(d.Nanoseconds())
	return &p.tv
}

// findClosed handles select's EBADF, which means some watched number was
// closed without being removed first. It reports each such number as
// evInvalid, so the core drops its descriptor, and forgets it here.
func (p *selectPoller) findClosed(buf []ready) []ready {
	for fd := 0; fd <= p.maxFD; fd++ {
		if p.want[fd] == 0 {
			continue
		}
		if _, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0); err == unix.EBADF {
			buf = append(buf, ready{fd: int32(fd), gen: p.gens[fd], ev: evInvalid})
			_ = p.remove(fd)
		}
	}
	return buf
}

func (p *selectPoller) wake() error { return p.waker.wake() }

func (p *selectPoller) close() error { return p.waker.close() }
