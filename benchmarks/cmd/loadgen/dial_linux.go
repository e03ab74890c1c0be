package main

import (
	"fmt"
	"net"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// loopbackAddr resolves hostport and refuses anything that is not a
// loopback address: the load generator never sends traffic off the machine.
func loopbackAddr(hostport string) (*net.TCPAddr, error) {
	a, err := net.ResolveTCPAddr("tcp", hostport)
	if err != nil {
		return nil, err
	}
	if !a.IP.IsLoopback() || a.Port == 0 {
		return nil, fmt.Errorf("-addr %s: want a loopback address with a port", hostport)
	}
	return a, nil
}

// sockaddr converts a to the form connect(2) takes.
func sockaddr(a *net.TCPAddr) (family int, sa unix.Sockaddr) {
	if ip4 := a.IP.To4(); ip4 != nil {
		s := &unix.SockaddrInet4{Port: a.Port}
		copy(s.Addr[:], ip4)
		return unix.AF_INET, s
	}
	s := &unix.SockaddrInet6{Port: a.Port}
	copy(s.Addr[:], a.IP.To16())
	return unix.AF_INET6, s
}

// dial opens a blocking TCP connection to a with Nagle off and a zero
// linger, so that closing it sends a reset and leaves no TIME_WAIT entry
// behind: thousands of connections per run would otherwise exhaust the
// ephemeral ports across rounds. timeout bounds each later send and receive.
// The caller owns the returned descriptor.
func dial(a *net.TCPAddr, timeout time.Duration) (int, error) {
	family, sa := sockaddr(a)
	fd, err := unix.Socket(family, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, os.NewSyscallError("socket", err)
	}
	if err := setupSocket(fd, timeout); err != nil {
		unix.Close(fd)
		return -1, err
	}
	for {
		err = unix.Connect(fd, sa)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		unix.Close(fd)
		return -1, os.NewSyscallError("connect", err)
	}
	return fd, nil
}

// setupSocket sets the options dial promises.
func setupSocket(fd int, timeout time.Duration) error {
	if err := unix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_NODELAY, 1); err != nil {
		return os.NewSyscallError("setsockopt TCP_NODELAY", err)
	}
	if err := unix.SetsockoptLinger(fd, unix.SOL_SOCKET, unix.SO_LINGER, &unix.Linger{Onoff: 1}); err != nil {
		return os.NewSyscallError("setsockopt SO_LINGER", err)
	}
	tv := unix.NsecToTimeval(timeout.Nanoseconds())
	for _, opt := range []int{unix.SO_RCVTIMEO, unix.SO_SNDTIMEO} {
		if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, opt, &tv); err != nil {
			return os.NewSyscallError("setsockopt timeout", err)
		}
	}
	return nil
}

// roundTrip sends b on a blocking socket and reads the same bytes back.
func roundTrip(fd int, b, scratch []byte) error {
	if _, err := unix.Write(fd, b); err != nil {
		return os.NewSyscallError("write", err)
	}
	got := scratch[:0]
	for len(got) < len(b) {
		n, err := unix.Read(fd, scratch[len(got):len(b)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("read", err)
		}
		if n == 0 {
			return fmt.Errorf("server closed the connection")
		}
		got = scratch[:len(got)+n]
	}
	if string(got) != string(b) {
		return fmt.Errorf("echo mismatch: sent %q, got %q", b, got)
	}
	return nil
}
