//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Reading datagrams: the UDP port's DoRead.

package internet

import (
	"net"

	"golang.org/x/sys/unix"
)

// Read limits of one DoRead, so one busy socket cannot starve the loop:
// Twisted's 256 KiB of data, and a bound on calls for errors that read
// nothing.
const (
	udpReadBudget = 256 << 10
	udpMaxCalls   = 256
)

// DoRead reads datagrams until the socket is empty or the budget is
// spent, handing each to DatagramReceived; in connected mode a refusal
// reported by the kernel (ICMP port unreachable) calls ConnectionRefused.
// A panic in the protocol is logged and costs only that datagram. It
// returns nil: read errors never close the port.
//
// Twisted: udp.Port.doRead.
func (u *UDPPort) DoRead() error {
	buf := u.readBuffer()
	read := 0
	for calls := 0; u.listening && read < udpReadBudget && calls < udpMaxCalls; calls++ {
		n, from, err := u.recv(buf)
		switch {
		case err == unix.EAGAIN:
			return nil
		case err == unix.ECONNREFUSED && u.peer != nil:
			u.safely("ConnectionRefused", func() { u.proto.ConnectionRefused() })
			continue
		case err != nil:
			u.r.Logger().Debug("twistgo: UDP read failed", "port", u.host.String(), "err", err)
			continue
		}
		read += n
		u.deliver(buf[:n], from)
	}
	return nil
}

// readBuffer returns a buffer of maxPacket bytes: the loop's shared one
// when it is large enough.
func (u *UDPPort) readBuffer() []byte {
	if b := u.r.ReadBuffer(); len(b) >= u.maxPacket {
		return b[:u.maxPacket]
	}
	if u.buf == nil {
		u.buf = make([]byte, u.maxPacket)
	}
	return u.buf
}

// recv reads one datagram and its sender. In connected mode the sender is
// the peer and read(2) is enough.
func (u *UDPPort) recv(buf []byte) (int, *net.UDPAddr, error) {
	if u.peer != nil {
		n, err := unix.Read(u.fd, buf)
		return n, u.peer, err
	}
	n, sa, err := unix.Recvfrom(u.fd, buf, 0)
	if err != nil {
		return 0, nil, err
	}
	return n, u.sender(sa), nil
}

// sender converts a sender's address, reusing the last one while the
// same sender repeats.
func (u *UDPPort) sender(sa unix.Sockaddr) *net.UDPAddr {
	if u.lastUA != nil && sameSockaddr(sa, u.last) {
		return u.lastUA
	}
	u.last, u.lastUA = sa, udpAddrOf(sa)
	return u.lastUA
}

// deliver hands one datagram to the protocol.
func (u *UDPPort) deliver(data []byte, from *net.UDPAddr) {
	defer u.recoverDatagram()
	u.proto.DatagramReceived(data, from)
}

// recoverDatagram logs a panic of DatagramReceived; deferred by deliver.
func (u *UDPPort) recoverDatagram() {
	if v := recover(); v != nil {
		_ = u.r.recovered("DatagramReceived", v)
	}
}

// safely runs a protocol callback, logging a panic.
func (u *UDPPort) safely(where string, f func()) {
	defer func() {
		if v := recover(); v != nil {
			_ = u.r.recovered(where, v)
		}
	}()
	f()
}

// sameSockaddr reports whether two IP socket addresses are equal.
func sameSockaddr(a, b unix.Sockaddr) bool {
	switch a := a.(type) {
	case *unix.SockaddrInet4:
		b, ok := b.(*unix.SockaddrInet4)
		return ok && a.Port == b.Port && a.Addr == b.Addr
	case *unix.SockaddrInet6:
		b, ok := b.(*unix.SockaddrInet6)
		return ok && a.Port == b.Port && a.Addr == b.Addr && a.ZoneId == b.ZoneId
	}
	return false
}
