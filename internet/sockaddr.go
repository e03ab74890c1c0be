//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Converting between the net package's addresses and x/sys/unix socket
// addresses, and parsing the interface strings of the Listen methods.

package internet

import (
	"fmt"
	"net"
	"net/netip"
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// parseInterface parses the Interface option of ListenTCP and ListenUDP:
// "" means every IPv4 address; otherwise it must be an IP literal, and an
// IPv6 one (zone allowed, as in "fe80::1%eth0") gives an IPv6 socket.
func parseInterface(iface string) (netip.Addr, error) {
	if iface == "" {
		return netip.IPv4Unspecified(), nil
	}
	a, err := netip.ParseAddr(iface)
	if err != nil {
		return netip.Addr{}, fmt.Errorf("%w: interface %q is not an IP address", interfaces.ErrInvalidArgument, iface)
	}
	return a, nil
}

// familyOf returns the socket family for a: AF_INET for IPv4, AF_INET6
// otherwise (IPv4-mapped IPv6 literals included, as Twisted does).
func familyOf(a netip.Addr) int {
	if a.Is4() {
		return unix.AF_INET
	}
	return unix.AF_INET6
}

// sockaddrOf returns a:port as a socket address of the given family. An
// IPv4 address for an IPv6 socket becomes IPv4-mapped; an IPv6 one for an
// IPv4 socket is an error wrapping ErrInvalidArgument.
func sockaddrOf(family int, a netip.Addr, port int) (unix.Sockaddr, error) {
	if family == unix.AF_INET {
		if !a.Unmap().Is4() {
			return nil, fmt.Errorf("%w: IPv6 address %s for an IPv4 socket", interfaces.ErrInvalidArgument, a)
		}
		return &unix.SockaddrInet4{Port: port, Addr: a.Unmap().As4()}, nil
	}
	sa := &unix.SockaddrInet6{Port: port, Addr: a.As16()}
	if z := a.Zone(); z != "" {
		sa.ZoneId = zoneIndex(z)
	}
	return sa, nil
}

// ipPortOf splits an IP socket address; ok is false for other families.
func ipPortOf(sa unix.Sockaddr) (ip net.IP, port int, zone string, ok bool) {
	switch sa := sa.(type) {
	case *unix.SockaddrInet4:
		return net.IP(sa.Addr[:]).To16(), sa.Port, "", true
	case *unix.SockaddrInet6:
		ip := make(net.IP, net.IPv6len)
		copy(ip, sa.Addr[:])
		return ip, sa.Port, zoneName(sa.ZoneId), true
	}
	return nil, 0, "", false
}

// tcpAddrOf returns sa as a *net.TCPAddr, or nil if it is not an IP
// address.
func tcpAddrOf(sa unix.Sockaddr) net.Addr {
	ip, port, zone, ok := ipPortOf(sa)
	if !ok {
		return nil
	}
	return &net.TCPAddr{IP: ip, Port: port, Zone: zone}
}

// udpAddrOf returns sa as a *net.UDPAddr, or nil if it is not an IP
// address.
func udpAddrOf(sa unix.Sockaddr) *net.UDPAddr {
	ip, port, zone, ok := ipPortOf(sa)
	if !ok {
		return nil
	}
	return &net.UDPAddr{IP: ip, Port: port, Zone: zone}
}

// unixAddrOf returns sa as a *net.UnixAddr; an unnamed socket (the usual
// client) has an empty Name. Linux abstract names start with "@".
func unixAddrOf(sa unix.Sockaddr) net.Addr {
	u, ok := sa.(*unix.SockaddrUnix)
	if !ok || u.Name == "@" {
		// x/sys/unix reports an unnamed socket as "@", the spelling of an
		// empty abstract name; both are unnamed.
		return &net.UnixAddr{Net: "unix"}
	}
	return &net.UnixAddr{Name: u.Name, Net: "unix"}
}

// zoneIndex returns the interface index an IPv6 zone names.
func zoneIndex(zone string) uint32 {
	if n, err := strconv.ParseUint(zone, 10, 32); err == nil {
		return uint32(n)
	}
	if ifi, err := net.InterfaceByName(zone); err == nil {
		return uint32(ifi.Index)
	}
	return 0
}

// zoneName returns the zone for an IPv6 scope ID: the interface name, or
// the number if the interface is unknown.
func zoneName(id uint32) string {
	if id == 0 {
		return ""
	}
	if ifi, err := net.InterfaceByIndex(int(id)); err == nil {
		return ifi.Name
	}
	return strconv.FormatUint(uint64(id), 10)
}
