// A connection's output: coalescing answers into one transport write,
// closing after an answer that ends the connection (lingering), and the
// idle timeout.

package reqconn

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// Answered tells c a request was answered: it counts as activity for the
// idle timeout, and the output is handed to the transport once it reaches
// FlushAt. Call only on the reactor goroutine.
func (c *Conn) Answered() {
	c.progressed = true
	if len(c.Out) >= FlushAt {
		c.Flush()
	}
}

// CloseAfterOutput makes the answers queued so far the last: c handles no
// more requests and closes the connection once they are sent. Call only
// on the reactor goroutine.
func (c *Conn) CloseAfterOutput() { c.closing = true }

// Fail is CloseAfterOutput for input the Handler cannot read past: it
// also drops the input c buffers. Call only on the reactor goroutine.
func (c *Conn) Fail() {
	c.closing = true
	c.pending, c.held = nil, nil
}

// Flush hands Out to the transport in one write. Call only on the reactor
// goroutine.
func (c *Conn) Flush() {
	if len(c.Out) == 0 {
		return
	}
	c.t.Write(c.Out)
	c.Out = c.Out[:0]
	if cap(c.Out) > c.cfg.KeepBuffer {
		c.Out = nil
	}
}

// Write flushes Out and then writes p to the transport, which copies it:
// a Handler uses it for a large value rather than copying it into Out
// first. Call only on the reactor goroutine.
func (c *Conn) Write(p []byte) {
	c.Flush()
	c.t.Write(p)
}

// finish hands the answers to the transport, refreshes the idle clock if
// a request was answered, and closes the connection if an answer asked for
// it. now is when the batch began, or zero to read the clock.
func (c *Conn) finish(now time.Time) {
	c.Flush()
	if c.progressed {
		c.progressed = false
		if c.idle != nil {
			if now.IsZero() {
				now = c.cfg.Clock.Now()
			}
			c.lastActive = now
		}
	}
	if c.closing && !c.shut {
		c.closeAfterOutput()
	}
}

// closeAfterOutput closes the connection once what was written is sent.
// It shuts down only the write side first and goes on reading, dropping
// what arrives, until the client closes or LingerTime passes: closing a
// socket with unread input makes the kernel send a reset, which can
// destroy the last answers before the client reads them (the "lingering
// close" of HTTP servers, RFC 9112 §9.6).
func (c *Conn) closeAfterOutput() {
	c.shut = true
	tcp, ok := c.t.(interfaces.TCPTransport)
	if !ok {
		c.t.LoseConnection()
		return
	}
	tcp.LoseWriteConnection()
	c.linger = c.cfg.Clock.CallLater(LingerTime, c.t.LoseConnection)
}

// checkIdle closes the connection if no request was answered for the
// idle timeout, and otherwise checks again when it would have passed.
// Bytes that complete no request do not count: a client trickling a
// request is closed all the same.
func (c *Conn) checkIdle() {
	c.idle = nil
	if c.closing {
		return
	}
	left := c.cfg.IdleTimeout - c.cfg.Clock.Now().Sub(c.lastActive)
	if left > 0 {
		c.idle = c.cfg.Clock.CallLater(left, c.idleFn)
		return
	}
	c.closing, c.shut = true, true
	if c.paused {
		c.t.AbortConnection() // it reads nothing either: do not wait on it
		return
	}
	c.t.LoseConnection()
}
