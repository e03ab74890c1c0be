//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// The buffer accept(2) writes a peer's address into, and reading it back
// without going through x/sys/unix's Sockaddr values, which would cost
// every accepted connection two short-lived allocations. (Where accept(2)
// goes through x/sys/unix, fill copies its Sockaddr in.)

package internet

import (
	"net"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// acceptBuf receives the address of each connection a port accepts; the
// port owns one, so accepting allocates nothing.
type acceptBuf struct {
	raw unix.RawSockaddrAny
	len uint32 // bytes of raw the kernel filled in
}

// reset prepares the buffer for the next accept(2).
func (b *acceptBuf) reset() {
	b.raw = unix.RawSockaddrAny{}
	b.len = unix.SizeofSockaddrAny
}

// tcpAddr returns the IP address in the buffer as a *net.TCPAddr, or nil
// if it holds another family.
func (b *acceptBuf) tcpAddr() net.Addr {
	switch int(b.raw.Addr.Family) {
	case unix.AF_INET:
		sa := (*unix.RawSockaddrInet4)(unsafe.Pointer(&b.raw))
		ip := [16]byte{10: 0xff, 11: 0xff} // the IPv4-in-IPv6 form net.IP uses
		copy(ip[12:], sa.Addr[:])
		return newTCPAddr(ip, networkPort(sa.Port), "")
	case unix.AF_INET6:
		sa := (*unix.RawSockaddrInet6)(unsafe.Pointer(&b.raw))
		return newTCPAddr(sa.Addr, networkPort(sa.Port), zoneName(sa.Scope_id))
	}
	return nil
}

// unixAddr returns the UNIX address in the buffer; an unnamed socket (the
// usual client) has an empty Name, and a Linux abstract one starts with
// "@".
func (b *acceptBuf) unixAddr() net.Addr {
	sa := (*unix.RawSockaddrUnix)(unsafe.Pointer(&b.raw))
	n := int(b.len) - int(unsafe.Offsetof(sa.Path))
	if int(b.raw.Addr.Family) != unix.AF_UNIX || n <= 0 {
		return &net.UnixAddr{Net: "unix"}
	}
	path := unsafe.Slice((*byte)(unsafe.Pointer(&sa.Path[0])), min(n, len(sa.Path)))
	if path[0] == 0 {
		if abstractNames && len(path) > 1 {
			return &net.UnixAddr{Name: "@" + string(path[1:]), Net: "unix"}
		}
		return &net.UnixAddr{Net: "unix"}
	}
	for i, c := range path {
		if c == 0 {
			path = path[:i]
			break
		}
	}
	return &net.UnixAddr{Name: string(path), Net: "unix"}
}

// fill stores sa in the buffer in the kernel's layout.
func (b *acceptBuf) fill(sa unix.Sockaddr) {
	switch sa := sa.(type) {
	case *unix.SockaddrInet4:
		raw := (*unix.RawSockaddrInet4)(unsafe.Pointer(&b.raw))
		raw.Family = unix.AF_INET
		raw.Port = networkOrder(sa.Port)
		raw.Addr = sa.Addr
		b.len = unix.SizeofSockaddrInet4
	case *unix.SockaddrInet6:
		raw := (*unix.RawSockaddrInet6)(unsafe.Pointer(&b.raw))
		raw.Family = unix.AF_INET6
		raw.Port = networkOrder(sa.Port)
		raw.Addr = sa.Addr
		raw.Scope_id = sa.ZoneId
		b.len = unix.SizeofSockaddrInet6
	case *unix.SockaddrUnix:
		raw := (*unix.RawSockaddrUnix)(unsafe.Pointer(&b.raw))
		raw.Family = unix.AF_UNIX
		path := unsafe.Slice((*byte)(unsafe.Pointer(&raw.Path[0])), len(raw.Path))
		name := sa.Name
		if abstractNames && strings.HasPrefix(name, "@") {
			// x/sys/unix spells an abstract name with "@" for its leading
			// NUL, and an unnamed socket as "@" alone.
			name = strings.Replace(name, "@", "\x00", 1)
			if name == "\x00" {
				name = ""
			}
		}
		b.len = uint32(unsafe.Offsetof(raw.Path)) + uint32(copy(path, name))
	default:
		b.len = 0
	}
}

// networkOrder converts a port number to network byte order, as the
// kernel stores it.
func networkOrder(port int) uint16 {
	var p uint16
	b := (*[2]byte)(unsafe.Pointer(&p))
	b[0], b[1] = byte(port>>8), byte(port)
	return p
}

// networkPort converts a port in network byte order, as the kernel stores
// it, to a number.
func networkPort(p uint16) int {
	b := (*[2]byte)(unsafe.Pointer(&p))
	return int(b[0])<<8 | int(b[1])
}

// tcpAddrBox is a *net.TCPAddr together with the bytes of its IP, so one
// allocation holds both.
type tcpAddrBox struct {
	addr net.TCPAddr
	ip   [16]byte
}

// newTCPAddr returns ip (in 16-byte form) and port as a *net.TCPAddr made
// in one allocation.
func newTCPAddr(ip [16]byte, port int, zone string) *net.TCPAddr {
	b := &tcpAddrBox{ip: ip}
	b.addr = net.TCPAddr{IP: b.ip[:], Port: port, Zone: zone}
	return &b.addr
}
