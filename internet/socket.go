//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Creating, binding and closing sockets: the steps every port and
// connector shares.

package internet

import (
	"os"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// With ListenTCP, ConnectTCP, ListenUNIX, ConnectUNIX and ListenUDP, a
// Reactor is everything interfaces.Reactor asks for.
var _ interfaces.Reactor = (*Reactor)(nil)

// bindSocket returns a new non-blocking, close-on-exec socket bound to sa.
// reuse sets SO_REUSEADDR first, so a listening port can be bound again
// while old connections linger in TIME_WAIT. Errors are
// *os.SyscallErrors; the socket is closed on failure.
func bindSocket(family, sotype int, sa unix.Sockaddr, reuse bool) (int, error) {
	fd, err := sysSocket(family, sotype)
	if err != nil {
		return -1, err
	}
	if reuse {
		if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); err != nil {
			closeFD(fd)
			return -1, os.NewSyscallError("setsockopt", err)
		}
	}
	if sa != nil {
		if err := unix.Bind(fd, sa); err != nil {
			closeFD(fd)
			return -1, os.NewSyscallError("bind", err)
		}
	}
	return fd, nil
}

// listenSocket puts a bound stream socket into the listening state,
// closing it on failure.
func listenSocket(fd, backlog int) error {
	if err := unix.Listen(fd, backlog); err != nil {
		closeFD(fd)
		return os.NewSyscallError("listen", err)
	}
	return nil
}

// closeFD closes fd. close(2) releases the descriptor even when it reports
// an error, and there is nothing useful to do with one, so it is dropped.
func closeFD(fd int) { _ = unix.Close(fd) }

// sockName returns the address a socket is bound to.
func sockName(fd int) (unix.Sockaddr, error) {
	sa, err := unix.Getsockname(fd)
	if err != nil {
		return nil, os.NewSyscallError("getsockname", err)
	}
	return sa, nil
}
