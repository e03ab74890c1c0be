//go:build linux || dragonfly || freebsd

// Accepting a connection where x/sys/unix offers accept4(2): the new
// socket is non-blocking and close-on-exec from the start.

package internet

import "golang.org/x/sys/unix"

// sysAccept accepts one connection on the listening socket fd. The error
// is the raw errno, for the caller to compare without allocating.
func sysAccept(fd int) (int, unix.Sockaddr, error) {
	return unix.Accept4(fd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
}
