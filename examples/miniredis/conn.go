// One client connection: its state, its life cycle, and back pressure when
// the client does not read its replies. Input is in conn_input.go, output
// in conn_output.go.

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
