//go:build darwin

// Creating a socket where socket(2) has no SOCK_NONBLOCK or SOCK_CLOEXEC:
// the flags are set afterwards, under syscall.ForkLock so that no child
// process is started between socket(2) and FD_CLOEXEC.

package internet

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// sysSocket returns a new non-blocking, close-on-exec socket.
func sysSocket(family, sotype int) (int, error) {
	syscall.ForkLock.RLock()
	fd, err := unix.Socket(family, sotype, 0)
	if err == nil {
		unix.CloseOnExec(fd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return -1, os.NewSyscallError("socket", err)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		closeFD(fd)
		return -1, os.NewSyscallError("fcntl", err)
	}
	return fd, nil
}
