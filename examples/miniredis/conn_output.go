// A connection's output: coalescing replies into one transport write,
// writing large values directly, closing after a reply that ends the
// connection, and the idle timeout.

package main

import "github.com/twistgo/twistgo/interfaces"

// protocolError queues the error reply for input that is not RESP and
// closes the connection after it.
func (c *conn) protocolError(err error) {
	c.out = appendError(c.out, "ERR Protocol error: "+err.Error())
	c.closing = true
	c.pending, c.held = nil, nil
}

// finish hands the replies to the transport, refreshes the idle clock if a
// command completed, and closes the connection if a reply asked for it.
func (c *conn) finish() {
	c.flush()
	if c.progressed {
		c.progressed = false
		if c.idle != nil {
			c.lastActive = c.srv.clock.Now()
		}
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

// flush hands the buffered replies to the transport in one write.
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

// replyBulk appends a bulk string reply, writing a large value straight to the
// transport rather than copying it into the reply buffer first.
func (c *conn) replyBulk(v []byte) {
	if len(v) < directBulk {
		c.out = appendBulk(c.out, v)
		return
	}
	c.out = appendBulkHeader(c.out, len(v))
	c.flush()
	c.t.Write(v)
	c.out = append(c.out, '\r', '\n')
}

// checkIdle closes the connection if no command completed for the idle
// timeout, and otherwise checks again when it would have passed. Partial
// commands do not count: a client trickling bytes is closed all the same.
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
