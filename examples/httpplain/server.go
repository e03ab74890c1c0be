// The server: the Factory that builds a conn for each client, and the
// routing of requests to the two endpoints.

package main

import (
	"bytes"
	"net"
	"time"

	"github.com/twistgo/twistgo/examples/internal/reqconn"
	"github.com/twistgo/twistgo/interfaces"
)

// server is the Factory of httpplain connections. Call its methods only on
// the reactor goroutine.
type server struct {
	clock interfaces.ReactorTime
	lim   limits
	conns reqconn.Config // what every connection shares
	date  dateCache
}

var _ interfaces.Factory = (*server)(nil)

// newServer returns a server timed by clock.
func newServer(clock interfaces.ReactorTime, cfg config) *server {
	s := &server{clock: clock, lim: cfg.lim}
	s.conns = reqconn.Config{
		Clock:       clock,
		Now:         s.now,
		IdleTimeout: cfg.idleTimeout,
		MaxPending:  cfg.lim.maxHeaderBytes,
		KeepBuffer:  keepBuffer,
	}
	return s
}

// BuildProtocol returns a new connection for a client.
//
// Twisted: IProtocolFactory.buildProtocol.
func (s *server) BuildProtocol(net.Addr) interfaces.Protocol { return newConn(s) }

// DoStart does nothing: there is nothing to set up.
//
// Twisted: IProtocolFactory.doStart.
func (s *server) DoStart() {}

// DoStop does nothing: there is nothing to release.
//
// Twisted: IProtocolFactory.doStop.
func (s *server) DoStop() {}

// now reads the clock and brings the Date header up to date.
func (s *server) now() time.Time {
	now := s.clock.Now()
	s.date.update(now)
	return now
}

// check applies the rules about a head that decide whether the server can
// read on after it, and returns the statusError that ends the connection
// if it cannot.
func (s *server) check(req *request) error {
	switch {
	case req.hosts > 1 || (req.minor == 1 && req.hosts == 0):
		return errBadRequest // RFC 9112 §3.2: exactly one Host in HTTP/1.1
	case req.transferCoding && req.contentLength >= 0:
		return errBadRequest // RFC 9112 §6.1: a smuggling attempt, or a broken client
	case req.transferCoding:
		return errNotImplemented // chunked request bodies are not supported
	case req.contentLength > s.lim.maxBody:
		return errContentTooLarge
	}
	return nil
}

// routeFor picks the response to a request the server can read past.
func routeFor(req *request) route {
	if !knownMethod(req.method) {
		return routeNotImplemented // RFC 9110 §9.1
	}
	path := requestPath(req.target)
	var r route
	switch {
	case string(path) == "/plaintext":
		r = routePlaintext
	case string(path) == "/json":
		r = routeJSON
	default:
		return routeNotFound
	}
	if m := string(req.method); m != "GET" && m != "HEAD" {
		return routeMethodNotAllowed
	}
	return r
}

// knownMethod reports whether m is one of the methods of RFC 9110 §9 or
// PATCH. Methods are case-sensitive.
func knownMethod(m []byte) bool {
	switch string(m) {
	case "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH":
		return true
	}
	return false
}

// requestPath returns the path of a request target: the origin form
// without its query, or the path of the absolute form (RFC 9112 §3.2).
func requestPath(target []byte) []byte {
	if i := bytes.Index(target, []byte("://")); i > 0 && target[0] != '/' {
		rest := target[i+3:]
		j := bytes.IndexAny(rest, "/?")
		if j < 0 || rest[j] == '?' {
			return []byte("/")
		}
		target = rest[j:]
	}
	if q := bytes.IndexByte(target, '?'); q >= 0 {
		target = target[:q]
	}
	return target
}
