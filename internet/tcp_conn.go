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
func (r *Reactor) startConn(fd int, proto interfaces.Protocol, local, peer net.Addr, onLost func(error)) (*transport.Conn, error) {
	c := r.newConn(fd, proto, local, peer, onLost)
	if err := c.Start(); err != nil {
		r.untrack(c)
		return nil, err
	}
	return c, nil
}

// newConn wraps the connected socket fd in a transport for proto and
// tracks it until it is lost, so shutdown reaches it even while it is not
// watched. onLost, if set, runs after the protocol's ConnectionLost. The
// connection does nothing until its Start, which runs MakeConnection and
// ConnectionMade; if Start fails, the socket is closed, proto is never
// called, and the caller must untrack the connection.
func (r *Reactor) newConn(fd int, proto interfaces.Protocol, local, peer net.Addr, onLost func(error)) *transport.Conn {
	var c *transport.Conn
	c = transport.New(transport.Config{
		FD: fd, Loop: r, Protocol: proto, Local: local, Peer: peer,
		OnLost: func(reason error) {
			r.untrack(c)
			if onLost != nil {
				onLost(reason)
			}
		},
	})
	r.track(c)
	return c
}
