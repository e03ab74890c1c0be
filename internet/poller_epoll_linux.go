// The epoll(7) poller: Linux's readiness API, whose cost per wait does not
// grow with the number of idle descriptors.

package internet

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// Bounds of the event array handed to epoll_wait(2). It starts small and
// doubles whenever a wait fills it, so busy loops collect more events per
// call without idle reactors paying for it.
const (
	epollMinEvents = 128
	epollMaxEvents = 4096
)

// epollPoller watches descriptors with one epoll instance, level-triggered.
// Each registration stores the descriptor in the event's Fd field and its
// generation in Pad, which together form the kernel's 64-bit user data.
type epollPoller struct {
	epfd   int
	waker  *waker
	events []unix.EpollEvent
}

// newEPollPoller creates the epoll instance and registers its waker.
func newEPollPoller() (poller, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	w, err := newWaker()
	if err != nil {
		_ = closePollerFD(epfd)
		return nil, err
	}
	p := &epollPoller{epfd: epfd, waker: w, events: make([]unix.EpollEvent, epollMinEvents)}
	if err := p.ctl(unix.EPOLL_CTL_ADD, w.readFD(), 0, evRead); err != nil {
		return nil, errors.Join(err, p.close())
	}
	return p, nil
}

// ctl applies one epoll_ctl(2) operation.
func (p *epollPoller) ctl(op, fd int, gen uint32, want interest) error {
	ev := unix.EpollEvent{Fd: int32(fd), Pad: int32(gen)}
	if want&evRead != 0 {
		ev.Events |= unix.EPOLLIN
	}
	if want&evWrite != 0 {
		ev.Events |= unix.EPOLLOUT
	}
	if err := unix.EpollCtl(p.epfd, op, fd, &ev); err != nil {
		return os.NewSyscallError("epoll_ctl", err)
	}
	return nil
}

// add registers fd. EEXIST means the number is still registered: the
// descriptor it named was closed while another open file shared its
// description, so the registration is taken over.
func (p *epollPoller) add(fd int, gen uint32, want interest) error {
	err := p.ctl(unix.EPOLL_CTL_ADD, fd, gen, want)
	if errors.Is(err, unix.EEXIST) {
		return p.ctl(unix.EPOLL_CTL_MOD, fd, gen, want)
	}
	return err
}

func (p *epollPoller) modify(fd int, gen uint32, want interest) error {
	return p.ctl(unix.EPOLL_CTL_MOD, fd, gen, want)
}

// remove unregisters fd; ENOENT and EBADF mean it is not registered any
// more, which is what remove is for.
func (p *epollPoller) remove(fd int) error {
	err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, fd, nil)
	switch err {
	case nil, unix.ENOENT, unix.EBADF:
		return nil
	}
	return os.NewSyscallError("epoll_ctl", err)
}

func (p *epollPoller) wait(buf []ready, timeout time.Duration) ([]ready, error) {
	n, err := unix.EpollWait(p.epfd, p.events, waitMillis(timeout))
	if err != nil {
		if err == unix.EINTR {
			return buf, nil
		}
		return buf, os.NewSyscallError("epoll_wait", err)
	}
	wfd := int32(p.waker.readFD())
	for i := range n {
		ev := &p.events[i]
		if ev.Fd == wfd {
			p.waker.drain()
			continue
		}
		buf = append(buf, ready{fd: ev.Fd, gen: uint32(ev.Pad), ev: epollInterest(ev.Events)})
	}
	if n == len(p.events) && n < epollMaxEvents {
		p.events = make([]unix.EpollEvent, 2*n)
	}
	return buf, nil
}

// epollInterest translates epoll's bits. EPOLLERR and EPOLLHUP count as
// both readable and writable, so the next read or write sees the errno
// (Twisted #2809 spun when they were ignored).
func epollInterest(bits uint32) interest {
	var ev interest
	if bits&unix.EPOLLIN != 0 {
		ev |= evRead
	}
	if bits&unix.EPOLLOUT != 0 {
		ev |= evWrite
	}
	if bits&(unix.EPOLLERR|unix.EPOLLHUP) != 0 {
		ev |= evRead | evWrite
	}
	return ev
}

func (p *epollPoller) wake() error { return p.waker.wake() }

func (p *epollPoller) close() error {
	return errors.Join(p.waker.close(), closePollerFD(p.epfd))
}
