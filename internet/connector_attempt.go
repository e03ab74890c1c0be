//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// One connection attempt of a Connector: look the host name up (off the
// loop), create the socket, connect(2) without blocking, wait for
// writability, and check SO_ERROR; or fail on error, timeout, cancel or
// shutdown. It is a write descriptor while connect(2) is in progress.

package internet

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.WriteDescriptor = (*attempt)(nil)

// attempt is one try of a Connector. Every way it ends goes through fail
// or connected, once.
type attempt struct {
	c        *Connector
	fd       int
	sa       unix.Sockaddr
	timer    interfaces.DelayedCall // the connect timeout
	next     interfaces.DelayedCall // the pending start or retry
	cancel   context.CancelFunc     // ends a running lookup
	watching bool
	done     bool
}

// Fileno returns the connecting socket, or -1 when there is none.
func (a *attempt) Fileno() int { return a.fd }

// start begins the attempt, on the loop turn after Connect.
func (a *attempt) start() {
	a.next = nil
	if a.done {
		return
	}
	if host := a.c.target.lookupHost(); host != "" {
		a.lookup(host)
		return
	}
	a.dial(nil)
}

// dial creates the socket and starts connecting to the address picked
// from ips.
func (a *attempt) dial(ips []net.IP) {
	family, sa, err := a.c.target.sockaddr(ips)
	if err != nil {
		a.fail(err)
		return
	}
	fd, err := sysSocket(family, unix.SOCK_STREAM)
	if err != nil {
		a.fail(err)
		return
	}
	a.fd, a.sa = fd, sa
	if err := a.c.target.bind(fd, family); err != nil {
		a.fail(err)
		return
	}
	a.connect()
}

// connect calls connect(2) and acts on its answer.
func (a *attempt) connect() {
	err := unix.Connect(a.fd, a.sa)
	if d, ok := a.c.target.retryAfter(err); ok {
		a.next = a.c.r.CallLater(d, a.retry)
		return
	}
	switch err {
	case nil:
		a.connected()
	case unix.EINPROGRESS, unix.EALREADY, unix.EINTR:
		if err := a.c.r.AddWriter(a); err != nil {
			a.fail(err)
			return
		}
		a.watching = true
	default:
		a.fail(connectError("connect", err))
	}
}

// retry calls connect(2) again after the target asked to wait.
func (a *attempt) retry() {
	a.next = nil
	if !a.done {
		a.connect()
	}
}

// DoWrite runs when connect(2) has finished, well or not: SO_ERROR says
// which. It returns nil; the attempt ends itself.
func (a *attempt) DoWrite() error {
	if a.done {
		return nil
	}
	errno, err := unix.GetsockoptInt(a.fd, unix.SOL_SOCKET, unix.SO_ERROR)
	switch {
	case err != nil:
		a.fail(os.NewSyscallError("getsockopt", err))
	case errno != 0:
		a.fail(connectError("connect", unix.Errno(errno)))
	default:
		a.connected()
	}
	return nil
}

// ConnectionLost fails the attempt when the reactor drops it, as at
// shutdown.
func (a *attempt) ConnectionLost(reason error) { a.fail(reason) }

// timedOut fails the attempt when the connector's timeout passes.
func (a *attempt) timedOut() {
	a.timer = nil
	a.fail(fmt.Errorf("%w: no connection within %v", interfaces.ErrTimeout, a.c.timeout))
}

// fail ends the attempt with reason and tells the connector.
func (a *attempt) fail(reason error) {
	if a.done {
		return
	}
	a.finish()
	if a.fd >= 0 {
		closeFD(a.fd)
		a.fd = -1
	}
	a.c.failed(reason)
}

// connected hands the socket to a new transport and protocol.
func (a *attempt) connected() {
	a.finish()
	fd, c := a.fd, a.c
	a.fd = -1
	peer := c.target.peer(a.sa)
	proto := c.build(peer)
	if proto == nil {
		closeFD(fd)
		c.failed(interfaces.ErrNoProtocol)
		return
	}
	c.attempt, c.state = nil, connected
	c.conn = c.r.newConn(fd, proto, c.target.local(fd), peer, (*connectorOwner)(c))
	if err := c.conn.Start(); err != nil {
		c.r.untrack(c.conn)
		c.conn = nil
		c.failed(err)
	}
}

// finish releases what the attempt holds, except its socket.
func (a *attempt) finish() {
	a.done = true
	for _, dc := range []interfaces.DelayedCall{a.timer, a.next} {
		if dc != nil && dc.Active() {
			_ = dc.Cancel()
		}
	}
	a.timer, a.next = nil, nil
	if a.cancel != nil {
		a.cancel()
		a.cancel = nil
	}
	if a.watching {
		a.c.r.RemoveWriter(a)
		a.watching = false
	}
	a.c.r.untrack(a)
}

// build asks the factory for the protocol, turning a panic into a refusal.
func (c *Connector) build(peer net.Addr) (proto interfaces.Protocol) {
	defer func() {
		if v := recover(); v != nil {
			_ = c.r.recovered("BuildProtocol", v)
			proto = nil
		}
	}()
	return c.factory.BuildProtocol(peer)
}

// connectError wraps a failed connect(2)'s errno with its meaning, so
// errors.Is matches both (ECONNREFUSED and ErrConnectionRefused).
func connectError(op string, errno error) error {
	se := os.NewSyscallError(op, errno)
	switch errno {
	case unix.ECONNREFUSED:
		return fmt.Errorf("%w: %w", interfaces.ErrConnectionRefused, se)
	case unix.ETIMEDOUT:
		return fmt.Errorf("%w: %w", interfaces.ErrTimeout, se)
	}
	return se
}

// retryDelay is how long a UNIX connect waits before trying again when
// the listener's queue is full.
const retryDelay = 10 * time.Millisecond
