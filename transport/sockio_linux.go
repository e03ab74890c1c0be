// Reading and writing a connection's socket on Linux without the
// scheduler hand-off of syscall.Syscall.
//
// The socket is non-blocking, so read(2) and write(2) return at once and
// the goroutine never needs to give up its P while in the kernel; telling
// the scheduler it might (entersyscall and exitsyscall around each call)
// is pure cost. Calling them raw lowers the echo server's CPU time per
// message by about 8 % (docs/BENCHMARKS.md). epoll_wait(2), which does
// block, keeps the ordinary path.

package transport

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// sockRead reads from the non-blocking socket fd into p. The error is the
// raw errno.
func sockRead(fd int, p []byte) (int, error) {
	return rawIO(unix.SYS_READ, fd, p)
}

// sockWrite writes p to the non-blocking socket fd. The error is the raw
// errno.
func sockWrite(fd int, p []byte) (int, error) {
	return rawIO(unix.SYS_WRITE, fd, p)
}

// rawIO makes the read or write system call trap on p without entering
// the scheduler.
func rawIO(trap uintptr, fd int, p []byte) (int, error) {
	var ptr unsafe.Pointer
	if len(p) > 0 {
		ptr = unsafe.Pointer(&p[0])
	}
	n, _, errno := unix.RawSyscall(trap, uintptr(fd), uintptr(ptr), uintptr(len(p)))
	if errno != 0 {
		return -1, errno
	}
	return int(n), nil
}
