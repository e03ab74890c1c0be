//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// The Port type: a listening stream socket (TCP or UNIX) that builds a
// protocol for each connection it accepts. Accepting is in tcp_accept.go;
// what differs between TCP and UNIX sits behind streamSocket.

package internet

import (
	"log/slog"
	"net"
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.ListeningPort  = (*Port)(nil)
	_ interfaces.ReadDescriptor = (*Port)(nil)
)

// streamSocket is what a Port needs to know about its address family.
type streamSocket interface {
	// open creates, binds and listens, returning the socket and the bound
	// address, or a *CannotListenError.
	open(backlog int) (fd int, host net.Addr, err error)
	// peer converts an accepted connection's address.
	peer(b *acceptBuf) net.Addr
	// local returns an accepted connection's own address, given the
	// port's bound address.
	local(fd int, host net.Addr) net.Addr
	// closed runs after the socket is closed (UNIX removes its file).
	closed()
	// name describes the address for logs, as "tcp 127.0.0.1:8080".
	name() string
}

// Port is a listening TCP or UNIX stream socket. The reactor calls DoRead
// when connections wait; the port accepts them, asks its factory for a
// protocol for each (nil refuses: the socket is closed), wraps the socket
// in a transport.Conn, and calls MakeConnection and ConnectionMade on the
// protocol.
//
// All methods: Call only on the reactor goroutine, or before Run.
//
// Twisted: tcp.Port, unix.Port.
type Port struct {
	r       *Reactor
	factory interfaces.Factory
	sock    streamSocket
	backlog int

	maxConns int  // open connections allowed; 0: no limit
	conns    int  // open connections accepted by this port
	full     bool // not accepting because conns reached maxConns

	fd        int
	host      net.Addr
	listening bool
	started   bool // factory told DoStart and not yet DoStop

	accepted acceptBuf              // the peer address of the last accept(2)
	accepts  int                    // accept(2) calls allowed per DoRead
	backoff  time.Duration          // current pause after a resource error
	retry    interfaces.DelayedCall // the pending end of that pause
	stopD    *deferred.Deferred     // the StopListening result to fire
	stopAt   interfaces.DelayedCall // the pending end of StopListening
	logger   *slog.Logger
}

// Accept batch limits, as Twisted's numberAccepts: start at 100, grow by
// 20 while every accept is used, shrink to what the last DoRead accepted.
const (
	initialAccepts = 100
	maxAccepts     = 1000
)

// newPort returns a port that is not listening yet; maxConns bounds its
// open connections (0: no limit).
func newPort(r *Reactor, f interfaces.Factory, s streamSocket, backlog, maxConns int) *Port {
	if backlog <= 0 {
		backlog = interfaces.DefaultBacklog
	}
	return &Port{r: r, factory: f, sock: s, backlog: backlog, maxConns: max(maxConns, 0), fd: -1, logger: r.Logger()}
}

// StartListening binds and listens, tells the factory DoStart, and starts
// accepting. It returns interfaces.ErrAlreadyListening while listening,
// or a *interfaces.CannotListenError (wrapping the errno, so
// errors.Is(err, syscall.EADDRINUSE) works).
//
// Twisted: tcp.Port.startListening.
func (p *Port) StartListening() error {
	if p.listening {
		return interfaces.ErrAlreadyListening
	}
	p.finishStop()
	fd, host, err := p.sock.open(p.backlog)
	if err != nil {
		return err
	}
	p.fd, p.host, p.listening, p.accepts = fd, host, true, initialAccepts
	if p.full = p.limited(); !p.full {
		if err := p.r.AddReader(p); err != nil {
			p.closeSocket()
			return &interfaces.CannotListenError{Addr: p.sock.name(), Err: err}
		}
	}
	p.r.track(p)
	p.logger.Debug("twistgo: listening", "port", p.sock.name(), "addr", host.String())
	p.started = true
	p.factory.DoStart()
	return nil
}

// StopListening closes the listening socket at once, so the address can
// be bound again; connections it accepted are untouched. On the next loop
// turn the factory is told DoStop and the Deferred fires with nil. It
// fails with interfaces.ErrNotListening if the port is not listening.
//
// Twisted: tcp.Port.stopListening.
func (p *Port) StopListening() *deferred.Deferred {
	if !p.listening {
		return deferred.Fail(interfaces.ErrNotListening)
	}
	p.closeSocket()
	p.stopD = deferred.New(nil)
	p.stopAt = p.r.CallLater(0, p.finishStop)
	return p.stopD
}

// GetHost returns the bound address: a *net.TCPAddr with the real port
// when 0 was asked for, or a *net.UnixAddr. It is nil before the first
// StartListening succeeds.
//
// Twisted: tcp.Port.getHost.
func (p *Port) GetHost() net.Addr { return p.host }

// Fileno returns the listening socket, or -1 when not listening.
//
// Twisted: tcp.Port.fileno.
func (p *Port) Fileno() int { return p.fd }

// ConnectionLost closes the port when the reactor drops it, as at
// shutdown: the socket is closed and the factory told DoStop.
//
// Twisted: tcp.Port.connectionLost.
func (p *Port) ConnectionLost(error) {
	p.closeSocket()
	p.finishStop()
}

// closeSocket stops accepting and closes the socket, removing it from the
// reactor first.
func (p *Port) closeSocket() {
	if !p.listening {
		return
	}
	p.listening = false
	if p.retry != nil {
		_ = p.retry.Cancel()
		p.retry = nil
	}
	p.r.RemoveReader(p)
	closeFD(p.fd)
	p.fd = -1
	p.sock.closed()
	p.logger.Debug("twistgo: stopped listening", "port", p.sock.name())
}

// finishStop ends a stop: the factory is told DoStop and the
// StopListening Deferreds fire. It does nothing while listening or when
// already done.
func (p *Port) finishStop() {
	if p.stopAt != nil {
		_ = p.stopAt.Cancel()
		p.stopAt = nil
	}
	if p.listening {
		return
	}
	p.r.untrack(p)
	if p.started {
		p.started = false
		p.factory.DoStop()
	}
	if d := p.stopD; d != nil {
		p.stopD = nil
		_ = d.Callback(nil)
	}
}
