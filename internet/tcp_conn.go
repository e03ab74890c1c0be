//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Starting the transport of an accepted or connected socket.

package internet

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

// startConn wraps the connected socket fd in a transport for proto and
// starts it; see newConn and Conn.Start.
func (r *Reactor) startConn(fd int, proto interfaces.Protocol, local, peer net.Addr, owner transport.Owner) (*transport.Conn, error) {
	c := r.newConn(fd, proto, local, peer, owner)
	if err := c.Start(); err != nil {
		r.untrack(c)
		return nil, err
	}
	return c, nil
}

// newConn wraps the connected socket fd in a transport for proto and
// tracks it, so shutdown reaches it even while it is not watched; owner
// must untrack it when told the connection ended. The connection does
// nothing until its Start, which runs MakeConnection and ConnectionMade;
// if Start fails, the socket is closed, proto is never called, and the
// caller must untrack the connection.
func (r *Reactor) newConn(fd int, proto interfaces.Protocol, local, peer net.Addr, owner transport.Owner) *transport.Conn {
	c := transport.New(transport.Config{FD: fd, Loop: r, Protocol: proto, Local: local, Peer: peer, Owner: owner})
	r.track(c)
	return c
}

// portOwner is a Port in its role as the owner of the connections it
// accepted. The named type keeps ConnectionEnded, which only transport
// calls, out of Port's methods.
type portOwner Port

// ConnectionEnded forgets c and counts it out of the port's limit.
func (o *portOwner) ConnectionEnded(c *transport.Conn, _ error) {
	p := (*Port)(o)
	p.r.untrack(c)
	p.connectionEnded()
}

// connectorOwner is a Connector in its role as the owner of the
// connection it made, as portOwner is for a Port.
type connectorOwner Connector

// ConnectionEnded forgets c and ends the connector's cycle.
func (o *connectorOwner) ConnectionEnded(c *transport.Conn, reason error) {
	cn := (*Connector)(o)
	cn.r.untrack(c)
	cn.lost(reason)
}
