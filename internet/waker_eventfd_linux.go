// The waker on Linux: one eventfd(2) that other goroutines write to make
// the poller return.

package internet

import (
	"encoding/binary"
	"os"

	"golang.org/x/sys/unix"
)

// waker lets another goroutine end the reactor's wait in the poller. The
// poller watches fd for reading; wake adds to the eventfd counter and drain
// resets it. Both ends are the same non-blocking, close-on-exec descriptor.
type waker struct {
	fd  int
	one [8]byte // the counter increment, in native byte order
	buf [8]byte // drain's read buffer, kept here so reads do not allocate
}

// newWaker creates the eventfd.
func newWaker() (*waker, error) {
	fd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		return nil, os.NewSyscallError("eventfd", err)
	}
	w := &waker{fd: fd}
	binary.NativeEndian.PutUint64(w.one[:], 1)
	return w, nil
}

// readFD is the descriptor the poller watches.
func (w *waker) readFD() int { return w.fd }

// wake makes the descriptor readable. EAGAIN means the counter is at its
// maximum, so the descriptor is readable already.
func (w *waker) wake() error { return writeWake(w.fd, w.one[:]) }

// drain resets the counter so the descriptor stops being readable.
func (w *waker) drain() {
	for {
		_, err := unix.Read(w.fd, w.buf[:])
		if err != unix.EINTR {
			return
		}
	}
}

// close releases the eventfd.
func (w *waker) close() error {
	return closePollerFD(w.fd)
}
