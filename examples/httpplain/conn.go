// One client connection: the request-handling half of a reqconn.Conn,
// which does the buffering, back pressure, idle timeout and closing.
// Splitting input into heads and bodies is here, the responses in
// conn_output.go.

package main

import (
	"github.com/twistgo/twistgo/examples/internal/reqconn"
)

// keepBuffer is the largest buffer capacity a connection keeps between
// reads.
const keepBuffer = 64 << 10

// conn is the protocol of one client connection: a reqconn.Conn whose
// Handler answers HTTP requests. Responses go to c.Out. Call its methods
// only on the reactor goroutine.
type conn struct {
	*reqconn.Conn
	srv     *server
	req     request // the head being handled; aliases the input
	scratch []byte  // a response body being built

	// The request whose body is being read, answered once it is.
	bodyLeft  int64
	route     route
	minor     byte
	headOnly  bool
	keepAlive bool
}

var _ reqconn.Handler = (*conn)(nil)

func newConn(srv *server) *conn {
	c := &conn{srv: srv}
	c.Conn = reqconn.New(&srv.conns, c)
	return c
}

// Handle handles the request head or the body bytes at the start of buf
// and returns how many bytes it used, or 0 if buf holds no complete head
// or one the server cannot read past.
func (c *conn) Handle(buf []byte) int {
	if c.bodyLeft > 0 {
		k := int(min(c.bodyLeft, int64(len(buf))))
		c.bodyLeft -= int64(k)
		if c.bodyLeft == 0 {
			c.respond()
		}
		return k
	}
	n, err := parseHead(buf, &c.req, c.srv.lim)
	if err != nil {
		c.fail(err.(*statusError), false)
		return 0
	}
	if n > 0 && c.req.method != nil {
		c.begin()
	}
	return n
}

// Release drops the head, which aliases the input, and the scratch
// buffer.
func (c *conn) Release() {
	c.req = request{}
	c.scratch = nil
}

// begin decides the response to the head in c.req and sends it now, or
// once the body has been read.
func (c *conn) begin() {
	req := &c.req
	c.headOnly = string(req.method) == "HEAD"
	if err := c.srv.check(req); err != nil {
		c.fail(err.(*statusError), c.headOnly)
		return
	}
	c.route = routeFor(req)
	c.minor = req.minor
	c.keepAlive = !req.close && (req.minor == 1 || req.keepAlive)
	c.bodyLeft = max(req.contentLength, 0)
	if c.bodyLeft > 0 && req.expectContinue && req.minor == 1 {
		c.Out = append(c.Out, "HTTP/1.1 100 Continue\r\n\r\n"...) // RFC 9110 §10.1.1
	}
	c.req = request{}
	if c.bodyLeft == 0 {
		c.respond()
	}
}
