//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// ConnectTCP, and the TCP half of a Connector: addresses, binding, and
// which host to resolve.

package internet

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// ConnectTCP starts connecting to host:port and returns the *Connector.
// host may be an IP literal or a name; a name is resolved on the worker
// pool (CallInThread) so the loop never blocks, and the first IPv4 address
// is used if there is one. opts.Timeout bounds the whole attempt
// (interfaces.DefaultConnectTimeout if 0) and opts.BindAddress, if set,
// is bound first.
//
// The outcome reaches f: ClientConnectionFailed with a
// *interfaces.ConnectError wrapping ErrConnectionRefused, ErrTimeout,
// ErrDNSLookup, ErrNoProtocol or the errno; or, once connected, f's
// protocol gets MakeConnection and ConnectionMade, and f gets
// ClientConnectionLost when the connection ends. It returns an error only
// for bad arguments (wrapping interfaces.ErrInvalidArgument): an empty
// host, a port outside 0..65535, a negative timeout or a nil f. Call only
// on the reactor goroutine, or before Run.
//
// Twisted: IReactorTCP.connectTCP.
func (r *Reactor) ConnectTCP(host string, port int, f interfaces.ClientFactory, opts interfaces.TCPConnectOptions) (interfaces.Connector, error) {
	switch {
	case host == "":
		return nil, fmt.Errorf("%w: empty host", interfaces.ErrInvalidArgument)
	case opts.Timeout < 0:
		return nil, fmt.Errorf("%w: negative timeout %v", interfaces.ErrInvalidArgument, opts.Timeout)
	case f == nil:
		return nil, fmt.Errorf("%w: nil factory", interfaces.ErrInvalidArgument)
	}
	if err := checkPort(port); err != nil {
		return nil, err
	}
	t := &tcpTarget{host: host, port: port, bindTo: opts.BindAddress}
	t.ip, _ = netip.ParseAddr(host)
	c := newConnector(r, f, t, opts.Timeout)
	if err := c.Connect(); err != nil {
		return nil, err
	}
	return c, nil
}

// tcpTarget is the TCP half of a Connector.
type tcpTarget struct {
	host   string
	ip     netip.Addr // host, if it is an IP literal
	port   int
	bindTo *net.TCPAddr
}

func (t *tcpTarget) lookupHost() string {
	if t.ip.IsValid() {
		return ""
	}
	return t.host
}

func (t *tcpTarget) sockaddr(ips []net.IP) (int, unix.Sockaddr, error) {
	ip := t.ip
	if len(ips) > 0 {
		a, _ := netip.AddrFromSlice(pickIP(ips))
		ip = a.Unmap()
	}
	family := familyOf(ip)
	if b := t.bindTo; b != nil && b.IP.To4() == nil && len(b.IP) > 0 {
		family = unix.AF_INET6 // an IPv6 bind address needs an IPv6 socket
	}
	sa, err := sockaddrOf(family, ip, t.port)
	return family, sa, err
}

func (t *tcpTarget) bind(fd, family int) error {
	if t.bindTo == nil {
		return nil
	}
	ip, ok := netip.AddrFromSlice(t.bindTo.IP)
	if !ok {
		ip = netip.IPv4Unspecified()
		if family == unix.AF_INET6 {
			ip = netip.IPv6Unspecified()
		}
	}
	sa, err := sockaddrOf(family, ip.WithZone(t.bindTo.Zone), t.bindTo.Port)
	if err != nil {
		return err
	}
	if err := unix.Bind(fd, sa); err != nil {
		return os.NewSyscallError("bind", err)
	}
	return nil
}

func (t *tcpTarget) peer(sa unix.Sockaddr) net.Addr { return tcpAddrOf(sa) }

func (t *tcpTarget) local(fd int) net.Addr {
	sa, err := sockName(fd)
	if err != nil {
		return &net.TCPAddr{}
	}
	return tcpAddrOf(sa)
}

func (t *tcpTarget) destination() net.Addr {
	if t.ip.IsValid() {
		return net.TCPAddrFromAddrPort(netip.AddrPortFrom(t.ip, uint16(t.port)))
	}
	return hostPort{network: "tcp", host: t.host, port: t.port}
}

func (t *tcpTarget) addr() string { return hostPort{host: t.host, port: t.port}.String() }

// retryAfter: a TCP connect(2) in progress says EINPROGRESS, and the
// attempt waits for writability instead.
func (t *tcpTarget) retryAfter(error) (time.Duration, bool) { return 0, false }
