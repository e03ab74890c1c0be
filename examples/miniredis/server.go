// The server: the Factory that builds a conn for each client and holds
// what they share, the store and the limits.

package main

import (
	"net"

	"github.com/twistgo/twistgo/examples/internal/reqconn"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// server is the Factory of miniredis connections. Every connection it
// builds shares its store. It counts the ports using it, as every factory
// must, and stops the store's expiry sweep when the last one stops. Call
// its methods only on the reactor goroutine.
type server struct {
	protocol.Factory
	clock interfaces.ReactorTime
	store *store
	lim   limits
	conns reqconn.Config
}

var _ interfaces.Factory = (*server)(nil)

// newServer returns a server with an empty store, timed by clock.
func newServer(clock interfaces.ReactorTime, cfg config) *server {
	s := &server{
		clock: clock,
		store: newStore(clock, cfg.maxMemory),
		lim:   cfg.lim,
		conns: reqconn.Config{
			Clock:       clock,
			IdleTimeout: cfg.idleTimeout,
			MaxPending:  cfg.lim.maxInput,
			KeepBuffer:  keepBuffer,
		},
	}
	s.Build = func(net.Addr) interfaces.Protocol { return newConn(s) }
	s.StopFactory = s.store.close
	return s
}
