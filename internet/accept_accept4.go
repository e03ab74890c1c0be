//go:build (linux && !386) || dragonfly || freebsd

// Accepting a connection with accept4(2): the new socket is non-blocking
// and close-on-exec from the start.

package internet

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// acceptAllocates says whether sysAccept allocates: not here.
const acceptAllocates = false

// sysAccept accepts one connection on the listening socket fd, writing the
// peer's address into b. The error is the raw errno, for the caller to
// compare without allocating.
func sysAccept(fd int, b *acceptBuf) (int, error) {
	b.reset()
	nfd, _, errno := unix.Syscall6(unix.SYS_ACCEPT4, uintptr(fd),
		uintptr(unsafe.Pointer(&b.raw)), uintptr(unsafe.Pointer(&b.len)),
		unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0, 0)
	if errno != 0 {
		return -1, errno
	}
	return int(nfd), nil
}
