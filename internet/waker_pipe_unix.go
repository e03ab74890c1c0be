//go:build darwin || dragonfly || freebsd || netbsd || openbsd

// The waker where there is no eventfd: a self-pipe whose ends are both
// non-blocking.

package internet

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// waker lets another goroutine end the reactor's wait in the poller. The
// poller watches the pipe's read end; wake writes one byte to the write
// end and drain reads everything back.
type waker struct {
	r, w int
	one  [1]byte
	buf  [64]byte // drain's read buffer, kept here so reads do not allocate
}

// newWaker creates the pipe. pipe2(2) is missing on darwin, so the flags
// are set with fcntl while holding syscall.ForkLock, which keeps a
// concurrent fork+exec from inheriting the descriptors.
func newWaker() (*waker, error) {
	var p [2]int
	syscall.ForkLock.RLock()
	err := unix.Pipe(p[:])
	if err == nil {
		unix.CloseOnExec(p[0])
		unix.CloseOnExec(p[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, os.NewSyscallError("pipe", err)
	}
	w := &waker{r: p[0], w: p[1]}
	for _, fd := range p {
		if err := unix.SetNonblock(fd, true); err != nil {
			_ = w.close()
			return nil, os.NewSyscallError("fcntl", err)
		}
	}
	return w, nil
}

// readFD is the descriptor the poller watches.
func (w *waker) readFD() int { return w.r }

// wake makes the read end readable. EAGAIN means the pipe is full, so it
// is readable already.
func (w *waker) wake() error { return writeWake(w.w, w.one[:]) }

// drain reads until the pipe is empty.
func (w *waker) drain() {
	for {
		n, err := unix.Read(w.r, w.buf[:])
		if err == unix.EINTR {
			continue
		}
		if err != nil || n < len(w.buf) {
			return
		}
	}
}

// close releases both ends.
func (w *waker) close() error {
	return errors.Join(closePollerFD(w.r), closePollerFD(w.w))
}
