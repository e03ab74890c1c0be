//go:build unix && !linux

// Reading and writing a connection's socket where raw system calls are not
// the supported path (darwin goes through libc): x/sys/unix's wrappers.

package transport

import "golang.org/x/sys/unix"

// sockRead reads from the non-blocking socket fd into p.
func sockRead(fd int, p []byte) (int, error) { return unix.Read(fd, p) }

// sockWrite writes p to the non-blocking socket fd.
func sockWrite(fd int, p []byte) (int, error) { return unix.Write(fd, p) }
