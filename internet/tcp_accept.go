//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Accepting connections: the Port's DoRead, and how it survives running
// out of descriptors or buffers.
//
// DoRead accepts up to p.accepts connections, stopping early at EAGAIN.
// The batch adapts as Twisted's does: a DoRead that used it all grows it,
// one that did not shrinks it to what it accepted, so a trickle of clients
// costs one accept(2) per readiness event and a flood is taken in large
// bites.
//
// When accept(2) fails for want of resources (EMFILE, ENFILE, ENOBUFS,
// ENOMEM), the pending connection stays in the kernel's queue, so the
// listening socket stays readable: reading again at once would spin the
// loop at full CPU. Instead the port stops reading, logs once, and
// resumes after a pause that doubles from minBackoff up to maxBackoff
// while the failure lasts. Any other unexpected error is handled the same
// way. ECONNABORTED (the client left the queue) and EPERM (a firewall
// refused it) cost only that connection.

package internet

import (
	"net"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// Pause bounds after a failed accept(2).
const (
	minBackoff = 5 * time.Millisecond
	maxBackoff = time.Second
)

// acceptHook is sysAccept; tests replace it to inject errors.
var acceptHook = sysAccept

// DoRead accepts waiting connections and starts a protocol for each. It
// returns nil: accept errors never close the port.
//
// Twisted: tcp.Port.doRead.
func (p *Port) DoRead() error {
	accepted := 0
	for p.listening && accepted < p.accepts {
		if p.limited() {
			p.stopAtLimit()
			break
		}
		fd, err := acceptHook(p.fd, &p.accepted)
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.ECONNABORTED, err == unix.EPERM:
			p.logger.Debug("twistgo: accept failed for one connection", "port", p.sock.name(), "err", err)
			continue
		case err == unix.EAGAIN:
			p.adapt(accepted)
			return nil
		case err != nil:
			p.pause(err)
			return nil
		}
		accepted++
		p.backoff = 0
		p.serve(fd)
	}
	p.adapt(accepted)
	return nil
}

// adapt sizes the next batch after a DoRead that accepted n.
func (p *Port) adapt(n int) {
	if n == p.accepts {
		p.accepts = min(p.accepts+20, maxAccepts)
		return
	}
	p.accepts = max(1, n)
}

// pause stops accepting after err and arranges to resume later.
func (p *Port) pause(err error) {
	if p.backoff == 0 {
		p.backoff = minBackoff
		p.logger.Warn("twistgo: could not accept new connections; pausing",
			"port", p.sock.name(), "err", err.Error())
	} else {
		p.backoff = min(2*p.backoff, maxBackoff)
	}
	p.r.RemoveReader(p)
	p.retry = p.r.CallLater(p.backoff, p.resume)
}

// resume starts accepting again after a pause, unless the port is at its
// connection limit (then the end of a connection resumes it).
func (p *Port) resume() {
	p.retry = nil
	if !p.listening || p.full {
		return
	}
	if err := p.r.AddReader(p); err != nil {
		p.logger.Error("twistgo: cannot watch the listening socket again", "port", p.sock.name(), "err", err)
	}
}

// serve builds the protocol for one accepted socket, whose peer address
// is in p.accepted, and starts its transport; a factory returning nil (or
// panicking) refuses the connection and the socket is closed.
func (p *Port) serve(fd int) {
	peer := p.sock.peer(&p.accepted)
	proto := p.build(peer)
	if proto == nil {
		closeFD(fd)
		return
	}
	if _, err := p.r.startConn(fd, proto, p.sock.local(fd, p.host), peer, (*portOwner)(p)); err != nil {
		p.logger.Error("twistgo: cannot watch an accepted connection", "port", p.sock.name(), "err", err)
		return
	}
	if p.maxConns > 0 {
		p.conns++
	}
}

// limited reports whether the port has as many open connections as
// Options.MaxConnections allows.
func (p *Port) limited() bool { return p.maxConns > 0 && p.conns >= p.maxConns }

// stopAtLimit stops accepting until a connection of the port ends; the
// clients meanwhile wait in the kernel's listen queue.
func (p *Port) stopAtLimit() {
	p.full = true
	p.r.RemoveReader(p)
	p.logger.Debug("twistgo: connection limit reached; not accepting", "port", p.sock.name(), "limit", p.maxConns)
}

// connectionEnded counts a connection of a limited port out and starts
// accepting again if the port stopped at its limit (and is not pausing
// after an accept error, whose end resumes it).
func (p *Port) connectionEnded() {
	if p.maxConns == 0 {
		return
	}
	p.conns--
	if !p.full || p.limited() {
		return
	}
	p.full = false
	if !p.listening || p.retry != nil {
		return
	}
	if err := p.r.AddReader(p); err != nil {
		p.logger.Error("twistgo: cannot watch the listening socket again", "port", p.sock.name(), "err", err)
	}
}

// build asks the factory for a protocol, turning a panic into a refusal.
func (p *Port) build(peer net.Addr) (proto interfaces.Protocol) {
	defer func() {
		if v := recover(); v != nil {
			_ = p.r.recovered("BuildProtocol", v)
			proto = nil
		}
	}()
	return p.factory.BuildProtocol(peer)
}
