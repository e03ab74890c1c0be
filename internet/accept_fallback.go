//go:build darwin || netbsd || openbsd

// Accepting a connection where x/sys/unix offers no accept4(2): the flags
// are set afterwards, under syscall.ForkLock so that no child process is
// started between accept(2) and FD_CLOEXEC.

package internet

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// sysAccept accepts one connection on the listening socket fd. The error
// is the raw errno, for the caller to compare without allocating.
func sysAccept(fd int) (int, unix.Sockaddr, error) {
	syscall.ForkLock.RLock()
	nfd, sa, err := unix.Accept(fd)
	if err == nil {
		unix.CloseOnExec(nfd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return -1, nil, err
	}
	if err := unix.SetNonblock(nfd, true); err != nil {
		closeFD(nfd)
		return -1, nil, err
	}
	return nfd, sa, nil
}
