//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// The poll(2) poller: portable across Unix, with a cost per wait that grows
// with the number of watched descriptors.

package internet

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// pollPoller keeps the array poll(2) takes dense: fds[0] is the waker, the
// rest are the watched descriptors in no particular order, gens[i] is the
// generation of fds[i], and index maps a descriptor number to its position
// (-1: not watched). remove moves the last entry into the hole.
type pollPoller struct {
	waker *waker
	fds   []unix.PollFd
	gens  []uint32
	index []int32
}

// newPollPoller creates the waker and the array holding it.
func newPollPoller() (poller, error) {
	w, err := newWaker()
	if err != nil {
		return nil, err
	}
	p := &pollPoller{waker: w}
	p.fds = append(p.fds, unix.PollFd{Fd: int32(w.readFD()), Events: unix.POLLIN})
	p.gens = append(p.gens, 0)
	return p, nil
}

func (p *pollPoller) add(fd int, gen uint32, want interest) error {
	if fd < len(p.index) && p.index[fd] >= 0 {
		return p.modify(fd, gen, want)
	}
	p.index = growTo(p.index, fd+1, -1)
	p.index[fd] = int32(len(p.fds))
	p.fds = append(p.fds, unix.PollFd{Fd: int32(fd), Events: pollEvents(want)})
	p.gens = append(p.gens, gen)
	return nil
}

func (p *pollPoller) modify(fd int, gen uint32, want interest) error {
	if fd >= len(p.index) || p.index[fd] < 0 {
		return p.add(fd, gen, want)
	}
	i := p.index[fd]
	p.fds[i].Events = pollEvents(want)
	p.gens[i] = gen
	return nil
}

func (p *pollPoller) remove(fd int) error {
	if fd >= len(p.index) || p.index[fd] < 0 {
		return nil
	}
	i, last := p.index[fd], len(p.fds)-1
	p.fds[i], p.gens[i] = p.fds[last], p.gens[last]
	p.index[p.fds[i].Fd] = i
	p.index[fd] = -1
	p.fds, p.gens = p.fds[:last], p.gens[:last]
	return nil
}

// pollEvents translates interest into poll(2)'s request bits.
func pollEvents(want interest) int16 {
	var ev int16
	if want&evRead != 0 {
		ev |= unix.POLLIN
	}
	if want&evWrite != 0 {
		ev |= unix.POLLOUT
	}
	return ev
}

func (p *pollPoller) wait(buf []ready, timeout time.Duration) ([]ready, error) {
	n, err := unix.Poll(p.fds, waitMillis(timeout))
	if err != nil {
		if err == unix.EINTR || err == unix.EAGAIN {
			return buf, nil
		}
		return buf, os.NewSyscallError("poll", err)
	}
	if n > 0 && p.fds[0].Revents != 0 {
		p.waker.drain()
		n--
	}
	for i := 1; n > 0 && i < len(p.fds); i++ {
		if p.fds[i].Revents == 0 {
			continue
		}
		n--
		pfd := &p.fds[i]
		buf = append(buf, ready{fd: pfd.Fd, gen: p.gens[i], ev: pollInterest(pfd.Revents)})
	}
	return buf, nil
}

// pollInterest translates poll(2)'s result bits. POLLERR and POLLHUP count
// as both readable and writable, so the next read or write sees the errno;
// POLLNVAL means the number is not open.
func pollInterest(bits int16) interest {
	var ev interest
	if bits&unix.POLLIN != 0 {
		ev |= evRead
	}
	if bits&unix.POLLOUT != 0 {
		ev |= evWrite
	}
	if bits&(unix.POLLERR|unix.POLLHUP) != 0 {
		ev |= evRead | evWrite
	}
	if bits&unix.POLLNVAL != 0 {
		ev |= evInvalid
	}
	return ev
}

func (p *pollPoller) wake() error { return p.waker.wake() }

func (p *pollPoller) close() error {
	return p.waker.close()
}
