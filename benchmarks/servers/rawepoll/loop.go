package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// A server is the listening socket, the epoll instance and the state of
// every connection, indexed by descriptor.
type server struct {
	lfd   int
	ep    int
	out   [][]byte // out[fd]: bytes the kernel has not taken yet
	open  []bool   // open[fd]: fd is a connection of ours
	buf   []byte
	evbuf []unix.EpollEvent
}

// newServer creates the epoll instance and registers the listener.
func newServer(lfd int) (*server, error) {
	ep, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	s := &server{lfd: lfd, ep: ep, buf: make([]byte, 64<<10), evbuf: make([]unix.EpollEvent, 256)}
	if err := s.interest(unix.EPOLL_CTL_ADD, lfd, unix.EPOLLIN); err != nil {
		return nil, err
	}
	return s, nil
}

// interest adds or changes the events epoll reports for fd.
func (s *server) interest(op, fd int, events uint32) error {
	ev := unix.EpollEvent{Events: events, Fd: int32(fd)}
	return os.NewSyscallError("epoll_ctl", unix.EpollCtl(s.ep, op, fd, &ev))
}

// serve runs the loop until epoll itself fails.
func (s *server) serve() error {
	for {
		n, err := unix.EpollWait(s.ep, s.evbuf, -1)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("epoll_wait", err)
		}
		for _, ev := range s.evbuf[:n] {
			fd := int(ev.Fd)
			switch {
			case fd == s.lfd:
				s.accept()
			case ev.Events&unix.EPOLLOUT != 0:
				s.writable(fd)
			default:
				s.readable(fd)
			}
		}
	}
}

// accept takes every pending connection.
func (s *server) accept() {
	for {
		fd, _, err := unix.Accept4(s.lfd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
		if err != nil {
			return // EAGAIN, or out of descriptors: try again on the next event
		}
		unix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_NODELAY, 1)
		for fd >= len(s.open) {
			s.open = append(s.open, false)
			s.out = append(s.out, nil)
		}
		if s.interest(unix.EPOLL_CTL_ADD, fd, unix.EPOLLIN) != nil {
			unix.Close(fd)
			continue
		}
		s.open[fd] = true
	}
}

// readable reads once and writes the bytes straight back. What the kernel
// does not take is kept, and the connection waits for EPOLLOUT instead of
// reading more, so a client that does not read cannot grow our memory.
func (s *server) readable(fd int) {
	n, err := unix.Read(fd, s.buf)
	if err == unix.EAGAIN || err == unix.EINTR {
		return
	}
	if n <= 0 {
		s.close(fd)
		return
	}
	w, err := unix.Write(fd, s.buf[:n])
	if err != nil && err != unix.EAGAIN {
		s.close(fd)
		return
	}
	if w = max(w, 0); w < n {
		s.out[fd] = append(s.out[fd][:0], s.buf[w:n]...)
		if s.interest(unix.EPOLL_CTL_MOD, fd, unix.EPOLLOUT) != nil {
			s.close(fd)
		}
	}
}

// writable sends kept bytes and resumes reading once they are all gone.
func (s *server) writable(fd int) {
	w, err := unix.Write(fd, s.out[fd])
	if err != nil && err != unix.EAGAIN {
		s.close(fd)
		return
	}
	s.out[fd] = s.out[fd][max(w, 0):]
	if len(s.out[fd]) == 0 && s.interest(unix.EPOLL_CTL_MOD, fd, unix.EPOLLIN) != nil {
		s.close(fd)
	}
}

// close forgets fd; closing it also removes it from epoll.
func (s *server) close(fd int) {
	if fd < len(s.open) && s.open[fd] {
		s.open[fd] = false
		s.out[fd] = nil
		unix.Close(fd)
	}
}
