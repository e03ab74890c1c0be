//go:build darwin || netbsd || openbsd || (linux && 386)

// Accepting a connection where there is no accept4(2), or (linux/386) no
// accept4 system call of its own on kernels before 4.3: the flags are set
// afterwards, under syscall.ForkLock so that no child process is started
// between accept(2) and FD_CLOEXEC. x/sys/unix's Accept is used because
// direct system calls are not supported on darwin; its Sockaddr is copied
// into the port's buffer.

package internet

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// acceptAllocates says whether sysAccept allocates: x/sys/unix's Accept
// returns its Sockaddr on the heap.
const acceptAllocates = true

// sysAccept accepts one connection on the listening socket fd, writing the
// peer's address into b. The error is the raw errno, for the caller to
// compare without allocating.
func sysAccept(fd int, b *acceptBuf) (int, error) {
	syscall.ForkLock.RLock()
	nfd, sa, err := unix.Accept(fd)
	if err == nil {
		unix.CloseOnExec(nfd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return -1, err
	}
	if err := unix.SetNonblock(nfd, true); err != nil {
		closeFD(nfd)
		return -1, err
	}
	b.reset()
	b.fill(sa)
	return nfd, nil
}
