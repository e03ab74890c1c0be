// The server: the Factory that builds a conn for each client and holds
// what they share, the store and the limits.

package main

import (
	"net"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// server is the Factory of miniredis connections. Every connection it
// builds shares its store. Call its methods only on the reactor goroutine.
type server struct {
	clock       interfaces.ReactorTime
	store       *store
	lim         limits
	idleTimeout time.Duration // 0: connections never time out
}

var _ interfaces.Factory = (*server)(nil)

// newServer returns a server with an empty store, timed by clock.
func newServer(clock interfaces.ReactorTime, cfg config) *server {
	return &server{
		clock:       clock,
		store:       newStore(clock, cfg.maxMemory),
		lim:         cfg.lim,
		idleTimeout: cfg.idleTimeout,
	}
}

// BuildProtocol returns a new connection for a client.
//
// Twisted: IProtocolFactory.buildProtocol.
func (s *server) BuildProtocol(net.Addr) interfaces.Protocol { return newConn(s) }

// DoStart does nothing: the store needs no start.
//
// Twisted: IProtocolFactory.doStart.
func (s *server) DoStart() {}

// DoStop cancels the store's expiry sweep.
//
// Twisted: IProtocolFactory.doStop.
func (s *server) DoStop() { s.store.close() }
