//go:build linux || dragonfly || freebsd || netbsd || openbsd

// Creating a socket where socket(2) takes SOCK_NONBLOCK and SOCK_CLOEXEC,
// so no child process started meanwhile can inherit it.

package internet

import (
	"os"

	"golang.org/x/sys/unix"
)

// sysSocket returns a new non-blocking, close-on-exec socket.
func sysSocket(family, sotype int) (int, error) {
	fd, err := unix.Socket(family, sotype|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, os.NewSyscallError("socket", err)
	}
	return fd, nil
}
