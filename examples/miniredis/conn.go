// One client connection: the command-running half of a reqconn.Conn,
// which does the buffering, back pressure, idle timeout and closing.

package main

import (
	"github.com/twistgo/twistgo/examples/internal/reqconn"
)

const (
	// directBulk is the value size from which a bulk reply is written to
	// the transport directly instead of being copied into the reply buffer
	// first.
	directBulk = 16 << 10
	// keepBuffer is the largest buffer capacity a connection keeps between
	// reads; larger ones, grown for one big command or reply, are dropped.
	keepBuffer = 256 << 10
)

// conn is the protocol of one client connection: a reqconn.Conn whose
// Handler runs RESP commands. Replies go to c.Out. Call its methods only
// on the reactor goroutine.
type conn struct {
	*reqconn.Conn
	srv  *server
	args [][]byte // the command being run; aliases the input
	name []byte   // CLIENT SETNAME
}

var _ reqconn.Handler = (*conn)(nil)

func newConn(srv *server) *conn {
	c := &conn{srv: srv}
	c.Conn = reqconn.New(&srv.conns, c)
	return c
}

// Handle runs the command at the start of buf and returns its length, or
// 0 if buf holds no complete command or is not RESP.
func (c *conn) Handle(buf []byte) int {
	args, n, err := parseCommand(buf, c.args, c.srv.lim)
	c.args = args
	if err != nil {
		c.protocolError(err)
		return 0
	}
	if n > 0 && len(args) > 0 { // an empty command is not activity: it must not keep a connection alive
		c.exec(args)
		clear(args) // do not keep the input reachable
		c.Answered()
	}
	return n
}

// Release drops the argument slice, which may alias the input.
func (c *conn) Release() { c.args = nil }

// protocolError queues the error reply for input that is not RESP and
// closes the connection after it.
func (c *conn) protocolError(err error) {
	c.Out = appendError(c.Out, "ERR Protocol error: "+err.Error())
	c.Fail()
}

// replyBulk appends a bulk string reply, writing a large value straight to the
// transport rather than copying it into the reply buffer first.
func (c *conn) replyBulk(v []byte) {
	if len(v) < directBulk {
		c.Out = appendBulk(c.Out, v)
		return
	}
	c.Out = appendBulkHeader(c.Out, len(v))
	c.Write(v)
	c.Out = append(c.Out, '\r', '\n')
}
