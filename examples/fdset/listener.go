// The listening socket: a ReadDescriptor whose DoRead accepts.

package main

import (
	"log/slog"
	"net/netip"
	"os"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.ReadDescriptor = (*listener)(nil)

// listener accepts connections and hands each to the reactor as a conn.
type listener struct {
	fd   int
	addr netip.AddrPort // the bound address, with the real port
	r    interfaces.ReactorFDSet
}

// newListener opens a non-blocking TCP socket listening on addr.
func newListener(r interfaces.ReactorFDSet, addr netip.AddrPort) (*listener, error) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	l := &listener{fd: fd, r: r}
	if err := l.bind(addr); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return l, nil
}

// bind makes the socket non-blocking, binds and listens, and records the
// real address.
func (l *listener) bind(addr netip.AddrPort) error {
	unix.CloseOnExec(l.fd)
	if err := unix.SetNonblock(l.fd, true); err != nil {
		return os.NewSyscallError("setnonblock", err)
	}
	if err := unix.SetsockoptInt(l.fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); err != nil {
		return os.NewSyscallError("setsockopt", err)
	}
	if err := unix.Bind(l.fd, &unix.SockaddrInet4{Port: int(addr.Port()), Addr: addr.Addr().As4()}); err != nil {
		return os.NewSyscallError("bind", err)
	}
	if err := unix.Listen(l.fd, interfaces.DefaultBacklog); err != nil {
		return os.NewSyscallError("listen", err)
	}
	sa, err := unix.Getsockname(l.fd)
	if err != nil {
		return os.NewSyscallError("getsockname", err)
	}
	in4 := sa.(*unix.SockaddrInet4)
	l.addr = netip.AddrPortFrom(netip.AddrFrom4(in4.Addr), uint16(in4.Port))
	return nil
}

// Fileno returns the listening socket.
func (l *listener) Fileno() int { return l.fd }

// DoRead accepts every pending connection. Errors of one accept, such as
// running out of descriptors, are logged and the socket keeps listening.
func (l *listener) DoRead() error {
	for {
		fd, _, err := unix.Accept(l.fd)
		switch err {
		case nil:
		case unix.EAGAIN:
			return nil // no more pending connections
		case unix.EINTR, unix.ECONNABORTED:
			continue // interrupted, or the peer left the queue: next one
		default:
			slog.Warn("fdset: accept", "err", os.NewSyscallError("accept", err))
			return nil
		}
		if err := l.watch(fd); err != nil {
			slog.Warn("fdset: new connection", "err", err)
			unix.Close(fd)
		}
	}
}

// watch makes an accepted socket a conn and tells the reactor to watch it.
func (l *listener) watch(fd int) error {
	unix.CloseOnExec(fd)
	if err := unix.SetNonblock(fd, true); err != nil {
		return os.NewSyscallError("setnonblock", err)
	}
	return l.r.AddReader(&conn{fd: fd, r: l.r})
}

// ConnectionLost closes the listening socket; the reactor calls it at
// shutdown.
func (l *listener) ConnectionLost(reason error) {
	unix.Close(l.fd)
}
