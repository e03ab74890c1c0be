//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// ListenTCP, and the TCP half of a Port: binding, listening and the
// addresses of accepted connections.

package internet

import (
	"fmt"
	"net"
	"net/netip"
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// ListenTCP listens on port (0: the system picks one; read it back with
// GetHost) and builds a protocol with f for every accepted connection. The
// socket has SO_REUSEADDR set; opts.Interface chooses the address (an IPv6
// literal such as "::1" gives an IPv6 socket) and opts.Backlog the
// listen(2) backlog. The returned value is a *Port.
//
// It returns a *interfaces.CannotListenError when the port cannot be bound
// (errors.Is(err, syscall.EADDRINUSE) works), and an error wrapping
// interfaces.ErrInvalidArgument for a port outside 0..65535, a nil f, or
// an Interface that is not an IP literal. Call only on the reactor
// goroutine, or before Run.
//
// Twisted: IReactorTCP.listenTCP.
func (r *Reactor) ListenTCP(port int, f interfaces.Factory, opts interfaces.TCPListenOptions) (interfaces.ListeningPort, error) {
	if err := checkPort(port); err != nil {
		return nil, err
	}
	if f == nil {
		return nil, fmt.Errorf("%w: nil factory", interfaces.ErrInvalidArgument)
	}
	ip, err := parseInterface(opts.Interface)
	if err != nil {
		return nil, err
	}
	p := newPort(r, f, &tcpSocket{ip: ip, port: port}, opts.Backlog, opts.MaxConnections)
	if err := p.StartListening(); err != nil {
		return nil, err
	}
	return p, nil
}

// checkPort rejects port numbers outside 0..65535.
func checkPort(port int) error {
	if port < 0 || port > 65535 {
		return fmt.Errorf("%w: port %d outside 0..65535", interfaces.ErrInvalidArgument, port)
	}
	return nil
}

// tcpSocket is the TCP half of a Port.
type tcpSocket struct {
	ip   netip.Addr
	port int
}

func (s *tcpSocket) open(backlog int) (int, net.Addr, error) {
	family := familyOf(s.ip)
	sa, err := sockaddrOf(family, s.ip, s.port)
	if err != nil {
		return -1, nil, err
	}
	fd, err := bindSocket(family, unix.SOCK_STREAM, sa, true)
	if err == nil {
		err = listenSocket(fd, backlog)
	}
	if err != nil {
		return -1, nil, &interfaces.CannotListenError{Addr: s.addr(), Err: err}
	}
	bound, err := sockName(fd)
	if err != nil {
		closeFD(fd)
		return -1, nil, &interfaces.CannotListenError{Addr: s.addr(), Err: err}
	}
	return fd, tcpAddrOf(bound), nil
}

func (s *tcpSocket) peer(b *acceptBuf) net.Addr { return b.tcpAddr() }

// local is the port's address unless it is a wildcard, which says nothing
// about which local address a connection came in on.
func (s *tcpSocket) local(fd int, host net.Addr) net.Addr {
	if !s.ip.IsUnspecified() {
		return host
	}
	if sa, err := sockName(fd); err == nil {
		return tcpAddrOf(sa)
	}
	return host
}

func (s *tcpSocket) closed() {}

func (s *tcpSocket) name() string { return "tcp " + s.addr() }

// addr is the address asked for, as "127.0.0.1:8080".
func (s *tcpSocket) addr() string {
	return net.JoinHostPort(s.ip.String(), strconv.Itoa(s.port))
}
