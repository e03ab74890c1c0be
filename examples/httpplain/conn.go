// One client connection: its state, its life cycle, and back pressure when
// the client does not read its responses. Input is in conn_input.go,
// output in conn_output.go.

package main

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

const (
	// flushAt is the size of buffered responses that is handed to the
	// transport before the read is fully processed.
	flushAt = 64 << 10
	// lingerTime is how long a connection closing after a response still
	// reads and drops input before it closes for good.
	lingerTime = time.Second
	// keepBuffer is the largest buffer capacity a connection keeps between
	// reads.
	keepBuffer = 64 << 10
)

// conn is the protocol of one client connection. The framework calls its
// Protocol methods; as the transport's registered streaming producer it is
// also told to pause when its responses pile up unread, and then stops
// reading. Call its methods only on the reactor goroutine.
type conn struct {
	srv *server
	t   interfaces.Transport
	req request // the head being handled; aliases the input

	pending []byte // an incomplete head, never longer than lim.maxHeaderBytes
	held    []byte // input not yet processed while paused
	out     []byte // responses not yet handed to the transport
	scratch []byte // a response body being built

	// The request whose body is being read, answered once it is.
	bodyLeft  int64
	route     route
	minor     byte
	headOnly  bool
	keepAlive bool

	idle       interfaces.DelayedCall // the pending idle check, or nil
	idleFn     func()                 // c.checkIdle, bound once
	lastActive time.Time              // when the last request was answered
	progressed bool                   // a request was answered in this read

	paused  bool                   // the transport's buffer is full: process nothing
	closing bool                   // a response that ends the connection was queued
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

// DataReceived answers every request that data completes, in order, with
// one transport write. data is not kept: an incomplete head at its end is
// copied, body bytes are counted and dropped.
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
	now := c.srv.now()
	c.feed(data)
	c.finish(now)
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
	c.pending, c.held, c.out, c.scratch = nil, nil, nil, nil
	c.req = request{}
}

// PauseProducing is called by the transport when the responses it buffers
// pass its high-water mark: c stops reading and answering.
//
// Twisted: IPushProducer.pauseProducing.
func (c *conn) PauseProducing() {
	if !c.paused {
		c.paused = true
		c.t.PauseProducing()
	}
}

// ResumeProducing is called once the transport's buffer has drained: c
// handles the input it held back, then reads again unless that paused it
// anew.
//
// Twisted: IPushProducer.resumeProducing.
func (c *conn) ResumeProducing() {
	if !c.paused || c.closing {
		return
	}
	c.paused = false
	now := c.srv.now()
	c.feed(c.held)
	if !c.paused {
		c.held = c.held[:0]
	}
	c.finish(now)
	if !c.paused && !c.closing {
		c.t.ResumeProducing()
	}
}

// StopProducing is called when the connection is gone; ConnectionLost does
// the cleaning up.
//
// Twisted: IPushProducer.stopProducing.
func (c *conn) StopProducing() {}
