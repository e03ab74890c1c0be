//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Helpers shared by the pollers of every Unix the reactor supports.

package internet

import (
	"os"

	"golang.org/x/sys/unix"
)

// closePollerFD closes one of a poller's own descriptors, reporting a
// failure as an *os.SyscallError. close(2) is not retried on EINTR: the
// descriptor is released anyway on Linux and the BSDs, and a retry could
// close a number another goroutine just got.
func closePollerFD(fd int) error {
	if err := unix.Close(fd); err != nil {
		return os.NewSyscallError("close", err)
	}
	return nil
}
