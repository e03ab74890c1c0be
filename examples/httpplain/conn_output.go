// A connection's output: queueing responses in order, handing them to the
// transport in one write, closing after a response that ends the
// connection, and the idle timeout.

package main

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// respond queues the response to the request just read.
func (c *conn) respond() {
	hdr := connDefault
	switch {
	case !c.keepAlive:
		hdr = connClose
		c.closing = true
	case c.minor == 0:
		hdr = connKeepAlive // HTTP/1.0 closes unless told otherwise
	}
	c.out, c.scratch = appendRoute(c.out, c.scratch, c.route, c.srv.date.buf, hdr, c.headOnly)
	c.progressed = true
	if len(c.out) >= flushAt {
		c.flush()
	}
}

// fail queues the response for a request the server cannot read past and
// closes the connection after it.
func (c *conn) fail(err *statusError, headOnly bool) {
	c.out = appendStatus(c.out, err.status, c.srv.date.buf, connClose, headOnly)
	c.closing = true
	c.pending, c.held = nil, nil
}

// finish hands the responses to the transport, refreshes the idle clock if
// a request was answered, and closes the connection if a response asked
// for it.
func (c *conn) finish(now time.Time) {
	c.flush()
	if c.progressed {
		c.progressed = false
		c.lastActive = now
	}
	if c.closing && !c.shut {
		c.closeAfterReplies()
	}
}

// closeAfterReplies closes the connection once what was written is sent.
// It shuts down only the write side first and goes on reading, dropping
// what arrives, until the client closes or lingerTime passes: closing a
// socket with unread input makes the kernel send a reset, which can destroy
// the last replies before the client reads them (the "lingering close" of
// HTTP servers, RFC 9112 §9.6).
func (c *conn) closeAfterReplies() {
	c.shut = true
	tcp, ok := c.t.(interfaces.TCPTransport)
	if !ok {
		c.t.LoseConnection()
		return
	}
	tcp.LoseWriteConnection()
	c.linger = c.srv.clock.CallLater(lingerTime, c.t.LoseConnection)
}

// flush hands the buffered responses to the transport in one write.
func (c *conn) flush() {
	if len(c.out) == 0 {
		return
	}
	c.t.Write(c.out)
	c.out = c.out[:0]
	if cap(c.out) > keepBuffer {
		c.out = nil
	}
}

// checkIdle closes the connection if no request was answered for the idle
// timeout, and otherwise checks again when it would have passed. Bytes
// that complete no request do not count: a client trickling a request is
// closed all the same.
func (c *conn) checkIdle() {
	c.idle = nil
	if c.closing {
		return
	}
	left := c.srv.idleTimeout - c.srv.clock.Now().Sub(c.lastActive)
	if left > 0 {
		c.idle = c.srv.clock.CallLater(left, c.idleFn)
		return
	}
	c.closing, c.shut = true, true
	if c.paused {
		c.t.AbortConnection() // it reads nothing either: do not wait on it
		return
	}
	c.t.LoseConnection()
}
