//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Sending datagrams, and connected mode.

package internet

import (
	"fmt"
	"net"
	"net/netip"
	"os"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// Write sends data as one datagram to addr, or to the connected peer when
// addr is nil. A full socket buffer (EAGAIN, ENOBUFS) drops the datagram
// silently, as UDP may.
//
// It returns an error wrapping interfaces.ErrMessageTooLong when data is
// longer than the maximum packet size or the kernel says EMSGSIZE;
// interfaces.ErrConnectionRefused in connected mode when the peer
// refused an earlier datagram (the refusal is reported here, not to
// ConnectionRefused); interfaces.ErrNotConnected once the port is closed,
// or with a nil addr while not connected; interfaces.ErrInvalidArgument
// for an addr that is not a UDP address, or not the peer in connected
// mode; or the sendto(2) error.
//
// Twisted: udp.Port.write.
func (u *UDPPort) Write(data []byte, addr net.Addr) error {
	if !u.listening {
		return interfaces.ErrNotConnected
	}
	if len(data) > u.maxPacket {
		return fmt.Errorf("%w: %d bytes, more than the maximum packet size %d", interfaces.ErrMessageTooLong, len(data), u.maxPacket)
	}
	if u.peer != nil {
		if addr != nil && addr.String() != u.peer.String() {
			return fmt.Errorf("%w: %v is not the connected peer %v", interfaces.ErrInvalidArgument, addr, u.peer)
		}
		return sendError(retryEINTR(func() error { _, err := unix.Write(u.fd, data); return err }))
	}
	if addr == nil {
		return fmt.Errorf("%w: no address for a datagram on an unconnected port", interfaces.ErrNotConnected)
	}
	sa, err := u.sockaddr(addr)
	if err != nil {
		return err
	}
	return sendError(retryEINTR(func() error { return unix.Sendto(u.fd, data, 0, sa) }))
}

// Connect fixes the peer: only its datagrams are received, Write needs no
// address, and refusals are reported to ConnectionRefused. host must be
// an IP literal. It returns an error wrapping
// interfaces.ErrInvalidArgument for a host that is not one, a bad port,
// or a port that is connected already; interfaces.ErrNotConnected once
// the port is closed; or the connect(2) error.
//
// Twisted: udp.Port.connect.
func (u *UDPPort) Connect(host string, port int) error {
	switch {
	case !u.listening:
		return interfaces.ErrNotConnected
	case u.peer != nil:
		return fmt.Errorf("%w: already connected to %v", interfaces.ErrInvalidArgument, u.peer)
	}
	if err := checkPort(port); err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: UDP peer %q is not an IP address", interfaces.ErrInvalidArgument, host)
	}
	sa, err := sockaddrOf(u.family, ip, port)
	if err != nil {
		return err
	}
	if err := unix.Connect(u.fd, sa); err != nil {
		return os.NewSyscallError("connect", err)
	}
	u.peer = net.UDPAddrFromAddrPort(netip.AddrPortFrom(ip, uint16(port)))
	return nil
}

// sockaddr converts a destination for this socket's family.
func (u *UDPPort) sockaddr(addr net.Addr) (unix.Sockaddr, error) {
	ua, ok := addr.(*net.UDPAddr)
	if !ok {
		return nil, fmt.Errorf("%w: %T is not a *net.UDPAddr", interfaces.ErrInvalidArgument, addr)
	}
	ip, ok := netip.AddrFromSlice(ua.IP)
	if !ok {
		return nil, fmt.Errorf("%w: bad IP in %v", interfaces.ErrInvalidArgument, ua)
	}
	if u.family == unix.AF_INET {
		ip = ip.Unmap()
	}
	return sockaddrOf(u.family, ip.WithZone(ua.Zone), ua.Port)
}

// retryEINTR calls f until it is not interrupted.
func retryEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}

// sendError gives a send's errno its meaning.
func sendError(err error) error {
	switch err {
	case nil, unix.EAGAIN, unix.ENOBUFS:
		return nil
	case unix.EMSGSIZE:
		return fmt.Errorf("%w: %w", interfaces.ErrMessageTooLong, os.NewSyscallError("sendto", err))
	case unix.ECONNREFUSED:
		return fmt.Errorf("%w: %w", interfaces.ErrConnectionRefused, os.NewSyscallError("sendto", err))
	}
	return os.NewSyscallError("sendto", err)
}
