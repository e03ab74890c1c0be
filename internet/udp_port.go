//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// The UDP port: ListenUDP, the UDPPort type, and its lifecycle. Reading is
// in udp_read.go, sending in udp_write.go.

package internet

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.DatagramTransport = (*UDPPort)(nil)
	_ interfaces.ReadDescriptor    = (*UDPPort)(nil)
)

// UDPPort is a bound UDP socket delivering datagrams to a
// DatagramProtocol, and the protocol's DatagramTransport.
//
// All methods: Call only on the reactor goroutine, or before Run.
//
// Twisted: udp.Port.
type UDPPort struct {
	r         *Reactor
	proto     interfaces.DatagramProtocol
	fd        int
	family    int
	host      *net.UDPAddr
	maxPacket int
	listening bool
	stopped   bool // the protocol was told StopProtocol

	peer   *net.UDPAddr // the connected peer, or nil
	buf    []byte       // read buffer when the loop's is too small
	last   unix.Sockaddr
	lastUA *net.UDPAddr // last sender, reused while it repeats

	stopD  *deferred.Deferred // the StopListening result to fire
	stopAt interfaces.DelayedCall
}

// ListenUDP binds port (0: the system picks one; read it back with
// GetHost) on opts.Interface (an IPv6 literal gives an IPv6 socket) and
// delivers datagrams of up to opts.MaxPacketSize bytes
// (interfaces.DefaultMaxPacketSize if 0; longer ones are truncated) to p.
// p is told MakeConnection, then StartProtocol. The returned value is a
// *UDPPort.
//
// It returns a *interfaces.CannotListenError when the port cannot be
// bound, and an error wrapping interfaces.ErrInvalidArgument for a port
// outside 0..65535, a negative MaxPacketSize, a nil p or an Interface that
// is not an IP literal. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorUDP.listenUDP.
func (r *Reactor) ListenUDP(port int, p interfaces.DatagramProtocol, opts interfaces.UDPListenOptions) (interfaces.DatagramTransport, error) {
	if err := checkPort(port); err != nil {
		return nil, err
	}
	if p == nil || opts.MaxPacketSize < 0 {
		return nil, fmt.Errorf("%w: nil protocol or negative MaxPacketSize", interfaces.ErrInvalidArgument)
	}
	ip, err := parseInterface(opts.Interface)
	if err != nil {
		return nil, err
	}
	u := &UDPPort{r: r, proto: p, fd: -1, maxPacket: opts.MaxPacketSize}
	if u.maxPacket == 0 {
		u.maxPacket = interfaces.DefaultMaxPacketSize
	}
	if err := u.bind(ip, port); err != nil {
		return nil, err
	}
	p.MakeConnection(u)
	p.StartProtocol()
	return u, nil
}

// bind creates and binds the socket and starts reading.
func (u *UDPPort) bind(ip netip.Addr, port int) error {
	name := net.JoinHostPort(ip.String(), strconv.Itoa(port))
	u.family = familyOf(ip)
	sa, err := sockaddrOf(u.family, ip, port)
	if err != nil {
		return err
	}
	fd, err := bindSocket(u.family, unix.SOCK_DGRAM, sa, false)
	if err != nil {
		return &interfaces.CannotListenError{Addr: name, Err: err}
	}
	bound, err := sockName(fd)
	if err == nil {
		u.fd, u.host = fd, udpAddrOf(bound)
		err = u.r.AddReader(u)
	}
	if err != nil {
		closeFD(fd)
		u.fd = -1
		return &interfaces.CannotListenError{Addr: name, Err: err}
	}
	u.listening = true
	u.r.track(u)
	return nil
}

// GetHost returns the bound address, with the real port.
//
// Twisted: udp.Port.getHost.
func (u *UDPPort) GetHost() net.Addr { return u.host }

// Fileno returns the socket, or -1 once it is closed.
func (u *UDPPort) Fileno() int { return u.fd }

// SetBroadcastAllowed sets SO_BROADCAST. It returns
// interfaces.ErrNotConnected once the port is closed, or the
// setsockopt(2) error.
//
// Twisted: udp.Port.setBroadcastAllowed.
func (u *UDPPort) SetBroadcastAllowed(on bool) error {
	if !u.listening {
		return interfaces.ErrNotConnected
	}
	v := 0
	if on {
		v = 1
	}
	if err := unix.SetsockoptInt(u.fd, unix.SOL_SOCKET, unix.SO_BROADCAST, v); err != nil {
		return os.NewSyscallError("setsockopt", err)
	}
	return nil
}

// StopListening closes the socket at once; on the next loop turn the
// protocol is told StopProtocol and the Deferred fires with nil. It fails
// with interfaces.ErrNotListening if the port is closed already.
//
// Twisted: udp.Port.stopListening.
func (u *UDPPort) StopListening() *deferred.Deferred {
	if !u.listening {
		return deferred.Fail(interfaces.ErrNotListening)
	}
	u.closeSocket()
	u.stopD = deferred.New(nil)
	u.stopAt = u.r.CallLater(0, u.finishStop)
	return u.stopD
}

// ConnectionLost closes the port when the reactor drops it, as at
// shutdown, and tells the protocol StopProtocol.
//
// Twisted: udp.Port.connectionLost.
func (u *UDPPort) ConnectionLost(error) {
	u.closeSocket()
	u.finishStop()
}

// closeSocket removes the socket from the reactor, then closes it.
func (u *UDPPort) closeSocket() {
	if !u.listening {
		return
	}
	u.listening = false
	u.r.RemoveReader(u)
	closeFD(u.fd)
	u.fd = -1
}

// finishStop tells the protocol and fires the StopListening Deferreds,
// once.
func (u *UDPPort) finishStop() {
	if u.stopAt != nil {
		_ = u.stopAt.Cancel()
		u.stopAt = nil
	}
	u.r.untrack(u)
	if !u.stopped {
		u.stopped = true
		u.r.runCall("StopProtocol", u.proto.StopProtocol)
	}
	if d := u.stopD; d != nil {
		u.stopD = nil
		_ = d.Callback(nil)
	}
}
