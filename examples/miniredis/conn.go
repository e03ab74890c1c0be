// One client connection: splitting input into commands, buffering only an
// incomplete command, coalescing replies, the idle timeout, and back
// pressure when the client does not read its replies.

package main

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

const (
	// flushAt is the size of buffered replies that is handed to the
	// transport before the read is fully processed, so a long pipeline
	// does not grow the reply buffer without bound.
	flushAt = 64 << 10
	// directBulk is the value size from which a bulk reply is written to
	// the transport directly instead of being copied into the reply buffer
	// first.
	directBulk = 16 << 10
	// lingerTime is how long a connection closing after a reply still
	// reads and drops input before it closes for good.
	lingerTime = time.Second
	// keepBuffer is the largest buffer capacity a connection keeps between
	// reads; larger ones, grown for one big command or reply, are dropped.
	keepBuffer = 256 << 10
)

// conn is the protocol of one client connection. The framework calls its
// Protocol methods; as the transport's registered streaming producer it is
// also told to pause when its replies pile up unread, and then stops
// reading. Call its methods only on the reactor goroutine.
type conn struct {
	srv  *server
	t    interfaces.Transport
	args [][]byte // the command being run; aliases the input

	pending []byte // an incomplete command, never longer than lim.maxInput
	held    []byte // input not yet processed while paused
	out     []byte // replies not yet handed to the transport

	name []byte // CLIENT SETNAME

	idle       interfaces.DelayedCall // the pending idle check, or nil
	idleFn     func()                 // c.checkIdle, bound once
	lastActive time.Time              // when the last command completed
	progressed bool                   // a command completed in this read

	paused  bool                   // the transport's buffer is full: process nothing
	closing bool                   // a reply that ends the connection was queued
	shut    bool                   // closing has begun (closeAfterReplies or the idle timeout)
	linger  interfaces.DelayedCall // the end of a lingering close, or nil
}

var (
	_ interfaces.Protocol = (*conn)(nil)
	_ interfaces.Producer = (*conn)(nil)
)

func newConn(srv *server) *conn {
	c := &conn{srv: srv}
	c.idleFn = c.checkIdle
	return c
}

// MakeConnection keeps the transport.
//
// Twisted: IProtocol.makeConnection.
func (c *conn) MakeConnection(t interfaces.Transport) { c.t = t }

// ConnectionMade registers c as the transport's producer and starts the
// idle timer.
//
// Twisted: IProtocol.connectionMade.
func (c *conn) ConnectionMade() {
	_ = c.t.RegisterProducer(c, true)
	if c.srv.idleTimeout > 0 {
		c.lastActive = c.srv.clock.Now()
		c.idle = c.srv.clock.CallLater(c.srv.idleTimeout, c.idleFn)
	}
}

// DataReceived runs every command that data completes and sends their
// replies with one transport write. data is not kept: an incomplete command
// at its end is copied.
//
// Twisted: IProtocol.dataReceived.
func (c *conn) DataReceived(data []byte) {
	switch {
	case c.closing:
		return
	case c.paused:
		c.held = append(c.held, data...)
		return
	}
	c.feed(data)
	c.finish()
}

// ConnectionLost stops the idle timer and drops the buffers.
//
// Twisted: IProtocol.connectionLost.
func (c *conn) ConnectionLost(reason error) {
	for _, dc := range []*interfaces.DelayedCall{&c.idle, &c.linger} {
		if *dc != nil {
			_ = (*dc).Cancel()
			*dc = nil
		}
	}
	c.closing = true
	c.pending, c.held, c.out, c.args = nil, nil, nil, nil
}

// PauseProducing is called by the transport when the replies it buffers
// pass its high-water mark: c stops reading and running commands.
//
// Twisted: IPushProducer.pauseProducing.
func (c *conn) PauseProducing() {
	if !c.paused {
		c.paused = true
		c.t.PauseProducing()
	}
}

// ResumeProducing is called once the transport's buffer has drained: c runs
// the input it held back, then reads again unless that paused it anew.
//
// Twisted: IPushProducer.resumeProducing.
func (c *conn) ResumeProducing() {
	if !c.paused || c.closing {
		return
	}
	c.paused = false
	c.feed(c.held)
	if !c.paused {
		c.held = c.held[:0]
	}
	c.finish()
	if !c.paused && !c.closing {
		c.t.ResumeProducing()
	}
}

// StopProducing is called when the connection is gone; ConnectionLost does
// the cleaning up.
//
// Twisted: IPushProducer.stopProducing.
func (c *conn) StopProducing() {}

// feed runs the commands in data, keeping an incomplete one in c.pending
// and what is left after a pause in c.held.
func (c *conn) feed(data []byte) {
	for len(data) > 0 && !c.closing {
		if len(c.pending) > 0 {
			data = c.feedPending(data)
		} else {
			n := c.consume(data)
			data = data[n:]
			if !c.paused && !c.closing {
				// The tail is an incomplete command shorter than maxInput:
				// parseCommand would have failed otherwise.
				c.pending = append(c.pending, data...)
				return
			}
		}
		if c.paused {
			c.held = append(c.held[:0], data...) // may overlap: append copies like memmove
			return
		}
	}
}

// feedPending adds to the incomplete command in c.pending at most what fits
// under the input limit, runs what is complete, and returns the part of
// data it did not take or run.
func (c *conn) feedPending(data []byte) []byte {
	old := len(c.pending)
	take := min(c.srv.lim.maxInput-old, len(data))
	c.pending = append(c.pending, data[:take]...)
	n := c.consume(c.pending)
	switch {
	case n >= old: // the buffered command is done; go on from data itself
		c.pending = c.pending[:0]
		if cap(c.pending) > keepBuffer {
			c.pending = nil
		}
		return data[n-old:]
	case n > 0:
		c.pending = c.pending[:copy(c.pending, c.pending[n:])]
	}
	return data[take:]
}

// consume runs the complete commands at the start of buf and returns how
// many bytes they took. It stops early on a pause or a closing reply.
func (c *conn) consume(buf []byte) int {
	done := 0
	for done < len(buf) && !c.paused && !c.closing {
		args, n, err := parseCommand(buf[done:], c.args, c.srv.lim)
		c.args = args
		if err != nil {
			c.protocolError(err)
			return done
		}
		if n == 0 {
			break
		}
		done += n
		c.progressed = true
		if len(args) > 0 {
			c.exec(args)
			clear(args) // do not keep the input reachable
		}
		if len(c.out) >= flushAt {
			c.flush()
		}
	}
	return done
}

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

// reply appends a bulk string reply, writing a large value straight to the
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
