// Command rawepoll is a hand-written epoll echo server with no framework:
// one OS thread, level-triggered epoll, one shared read buffer, a write
// straight back, and a per-connection buffer only when the kernel refuses
// part of a write. It is the practical ceiling of the peer comparison in
// docs/BENCHMARKS.md: what any framework on epoll can at best reach on one
// core.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on (IPv4)")
	flag.Parse()
	runtime.LockOSThread()
	lfd, bound, err := listen(*addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on %s\n", bound)
	s, err := newServer(lfd)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(s.serve())
}

// listen opens a non-blocking IPv4 listening socket on hostport and
// returns it with the address it is bound to.
func listen(hostport string) (int, *net.TCPAddr, error) {
	a, err := net.ResolveTCPAddr("tcp4", hostport)
	if err != nil {
		return -1, nil, err
	}
	sa := &unix.SockaddrInet4{Port: a.Port}
	copy(sa.Addr[:], a.IP.To4())
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, nil, os.NewSyscallError("socket", err)
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); err != nil {
		return -1, nil, os.NewSyscallError("setsockopt", err)
	}
	if err := unix.Bind(fd, sa); err != nil {
		return -1, nil, os.NewSyscallError("bind", err)
	}
	if err := unix.Listen(fd, unix.SOMAXCONN); err != nil {
		return -1, nil, os.NewSyscallError("listen", err)
	}
	got, err := unix.Getsockname(fd)
	if err != nil {
		return -1, nil, os.NewSyscallError("getsockname", err)
	}
	in4 := got.(*unix.SockaddrInet4)
	return fd, &net.TCPAddr{IP: in4.Addr[:], Port: in4.Port}, nil
}
