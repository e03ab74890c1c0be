//go:build darwin || linux || openbsd

// Sending several output chunks in one system call, where x/sys/unix
// offers writev(2).

package transport

import "golang.org/x/sys/unix"

// writeBuffers sends bufs with one write(2), or one writev(2) when there are
// several. It returns the bytes sent; a short count means the kernel's
// buffer is full.
func writeBuffers(fd int, bufs [][]byte) (int, error) {
	if len(bufs) == 1 {
		return sockWrite(fd, bufs[0])
	}
	return unix.Writev(fd, bufs)
}
