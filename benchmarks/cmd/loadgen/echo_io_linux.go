package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// readable reads what the server echoed on c, checks it, records the
// latency of each completed message and starts as many new ones.
func (r *echoRun) readable(c *echoConn) {
	n, err := unix.Read(c.fd, r.buf)
	switch {
	case err == unix.EAGAIN || err == unix.EINTR:
		return
	case err != nil:
		r.fail(c, os.NewSyscallError("read", err))
		return
	case n == 0:
		r.fail(c, fmt.Errorf("conn %d: %w with %d bytes outstanding", c.id, io.EOF, c.sent-c.recv))
		return
	}
	first := c.recv / c.size
	done, err := c.absorb(r.buf[:n])
	if err != nil {
		r.fail(c, err)
		return
	}
	if done == 0 {
		return
	}
	now := r.now()
	r.res.total += done
	for j := first; j < first+done; j++ {
		if r.phase == phaseMeasure {
			r.res.hist.record(c.latency(j, now))
			r.res.msgs++
		}
		if r.phase < phaseDrain {
			c.start(now)
		}
	}
	r.flush(c)
}

// flush sends c's started messages and keeps its EPOLLOUT interest in step
// with whether the kernel took them all.
func (r *echoRun) flush(c *echoConn) {
	pending, err := c.flush()
	if err != nil {
		r.fail(c, err)
		return
	}
	if pending == c.wantOut {
		return
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(c.fd)}
	if pending {
		ev.Events |= unix.EPOLLOUT
	}
	if err := unix.EpollCtl(r.ep, unix.EPOLL_CTL_MOD, c.fd, &ev); err != nil {
		r.fail(c, os.NewSyscallError("epoll_ctl", err))
		return
	}
	c.wantOut = pending
}

// fail counts an error and, when c is given, closes that connection.
func (r *echoRun) fail(c *echoConn, err error) {
	r.res.errors++
	if r.res.firstErr == nil {
		r.res.firstErr = err
	}
	if c == nil {
		r.phase = phaseDone
		return
	}
	c.dead = true
	r.live--
	unix.Close(c.fd)
}

// closeAll counts every live connection whose echoes never all came back
// as an error, then closes it.
func (r *echoRun) closeAll() {
	for _, c := range r.conns {
		if c.dead {
			continue
		}
		if c.outstanding() > 0 {
			r.res.errors++
			if r.res.firstErr == nil {
				r.res.firstErr = fmt.Errorf("conn %d: %d bytes never echoed", c.id, c.outstanding())
			}
		}
		c.dead = true
		unix.Close(c.fd)
	}
}
