//go:build unix

// What the eventfd and self-pipe wakers share.

package internet

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeWake writes b to a waker's fd, retrying EINTR. EAGAIN counts as
// success: the eventfd counter or the pipe is full, so the waker is
// readable already.
func writeWake(fd int, b []byte) error {
	for {
		_, err := unix.Write(fd, b)
		switch err {
		case nil, unix.EAGAIN:
			return nil
		case unix.EINTR:
			continue
		}
		return os.NewSyscallError("write", err)
	}
}
