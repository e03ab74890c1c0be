//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// The Connector: an outgoing stream connection's handle, and its state
// machine disconnected -> connecting -> connected -> disconnected. The
// attempt itself (lookup, connect(2), timeout) is in connector_attempt.go;
// what differs between TCP and UNIX sits behind target.

package internet

import (
	"net"
	"strconv"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

var _ interfaces.Connector = (*Connector)(nil)

// target is what a Connector needs to know about its address family.
type target interface {
	// lookupHost is the name to resolve first, or "" when there is none.
	lookupHost() string
	// sockaddr picks the address to connect to among ips (the lookup's
	// result; nil without a lookup) and returns it with its family.
	sockaddr(ips []net.IP) (family int, sa unix.Sockaddr, err error)
	// bind binds the new socket before connect(2), if asked to.
	bind(fd, family int) error
	// peer and local are the connected socket's addresses.
	peer(sa unix.Sockaddr) net.Addr
	local(fd int) net.Addr
	// destination is what GetDestination returns; addr names it in errors.
	destination() net.Addr
	addr() string
	// retryAfter says how long to wait before calling connect(2) again
	// after errno, or false if errno means "in progress" or failure.
	retryAfter(errno error) (time.Duration, bool)
}

// Connector is the handle of an outgoing TCP or UNIX connection, made by
// ConnectTCP or ConnectUNIX: it connects, reports the outcome to its
// ClientFactory, and can try again, give up, or disconnect.
//
// The factory is told DoStart when a connect cycle starts and DoStop when
// it ends: after ClientConnectionFailed or ClientConnectionLost, unless
// that callback called Connect again.
//
// All methods: Call only on the reactor goroutine, or before Run.
//
// Twisted: base.BaseConnector, tcp.Connector.
type Connector struct {
	r       *Reactor
	factory interfaces.ClientFactory
	target  target
	timeout time.Duration

	state          connState
	attempt        *attempt        // while connecting
	conn           *transport.Conn // while connected
	factoryStarted bool
}

// connState is where a Connector is in its cycle.
type connState int

const (
	disconnected connState = iota
	connecting
	connected
)

// newConnector returns a disconnected connector.
func newConnector(r *Reactor, f interfaces.ClientFactory, t target, timeout time.Duration) *Connector {
	if timeout == 0 {
		timeout = interfaces.DefaultConnectTimeout
	}
	return &Connector{r: r, factory: f, target: t, timeout: timeout}
}

// Connect starts a connection attempt: the factory is told DoStart (once
// per cycle) and StartedConnecting, and the attempt proceeds from the next
// loop turn, so its outcome never reaches the factory from inside Connect.
// It returns interfaces.ErrAlreadyConnecting unless the connector is
// disconnected.
//
// Twisted: BaseConnector.connect.
func (c *Connector) Connect() error {
	if c.state != disconnected {
		return interfaces.ErrAlreadyConnecting
	}
	c.state = connecting
	if !c.factoryStarted {
		c.factoryStarted = true
		c.factory.DoStart()
	}
	a := &attempt{c: c, fd: -1}
	c.attempt = a
	c.r.track(a)
	a.timer = c.r.CallLater(c.timeout, a.timedOut)
	a.next = c.r.CallLater(0, a.start)
	c.factory.StartedConnecting(c)
	return nil
}

// StopConnecting abandons the attempt in progress: the factory is told
// ClientConnectionFailed with a *interfaces.ConnectError wrapping
// interfaces.ErrConnectingCancelled before StopConnecting returns. It
// returns interfaces.ErrNotConnecting if no attempt is in progress.
//
// Twisted: BaseConnector.stopConnecting.
func (c *Connector) StopConnecting() error {
	if c.state != connecting {
		return interfaces.ErrNotConnecting
	}
	c.attempt.fail(interfaces.ErrConnectingCancelled)
	return nil
}

// Disconnect stops connecting, or loses the connection, whichever applies;
// otherwise it does nothing.
//
// Twisted: BaseConnector.disconnect.
func (c *Connector) Disconnect() {
	switch c.state {
	case connecting:
		_ = c.StopConnecting()
	case connected:
		c.conn.LoseConnection()
	}
}

// GetDestination returns the address being connected to: a *net.TCPAddr
// for an IP literal, a *net.UnixAddr for a UNIX path, or an address whose
// String is "host:port" for a host name.
//
// Twisted: BaseConnector.getDestination.
func (c *Connector) GetDestination() net.Addr { return c.target.destination() }

// failed ends a cycle whose attempt failed.
func (c *Connector) failed(reason error) {
	c.attempt, c.state = nil, disconnected
	err := &interfaces.ConnectError{Addr: c.target.addr(), Err: reason}
	c.r.runCall("ClientConnectionFailed", func() { c.factory.ClientConnectionFailed(c, err) })
	c.maybeStopFactory()
}

// lost ends a cycle whose connection ended.
func (c *Connector) lost(reason error) {
	c.conn, c.state = nil, disconnected
	c.r.runCall("ClientConnectionLost", func() { c.factory.ClientConnectionLost(c, reason) })
	c.maybeStopFactory()
}

// maybeStopFactory tells the factory DoStop unless a callback connected
// again.
func (c *Connector) maybeStopFactory() {
	if c.state == disconnected && c.factoryStarted {
		c.factoryStarted = false
		c.factory.DoStop()
	}
}

// hostPort is the destination of a connection to a host name.
type hostPort struct {
	network, host string
	port          int
}

func (a hostPort) Network() string { return a.network }
func (a hostPort) String() string  { return net.JoinHostPort(a.host, strconv.Itoa(a.port)) }
