// The connection: its configuration, its state, its life cycle as a
// Protocol, and back pressure as its transport's producer. Input is in
// conn_input.go, output in conn_output.go.

package reqconn

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

const (
	// FlushAt is the size of buffered output that is handed to the
	// transport before a read is fully processed, so a long pipeline does
	// not grow the output buffer without bound.
	FlushAt = 64 << 10
	// LingerTime is how long a connection closing after an answer still
	// reads and drops input before it closes for good.
	LingerTime = time.Second
)

// Handler is the protocol-specific half of a connection: it parses and
// answers requests. Conn calls it only on the reactor goroutine.
type Handler interface {
	// Handle handles the request at the start of buf, appending its answer
	// to the Conn's Out (or calling Write), and returns how many bytes it
	// used. It returns 0 when buf holds no complete request, and after
	// calling Fail. buf aliases the transport's read buffer or the Conn's
	// own and is valid only during the call. A request longer than
	// Config.MaxPending must make it call Fail: that is what bounds the
	// Conn's input buffer.
	Handle(buf []byte) int
	// Release drops what the handler keeps of the input and its own
	// buffers; it is called once, when the connection is lost.
	Release()
}

// Config is what every connection of one server shares. Its zero value
// is not useful: Clock and MaxPending are required.
type Config struct {
	// Clock times the idle timeout and the lingering close.
	Clock interfaces.ReactorTime
	// Now, if set, is called before each batch of input is handled, and
	// its time counts as the moment of the answers in that batch; a server
	// uses it to refresh what its answers carry (an HTTP Date header).
	// If nil, Clock is read only when the idle timeout needs it.
	Now func() time.Time
	// IdleTimeout closes a connection after this long without an answered
	// request; 0: never.
	IdleTimeout time.Duration
	// MaxPending is the most bytes of an incomplete request kept between
	// reads: the longest request the Handler accepts.
	MaxPending int
	// KeepBuffer is the largest buffer capacity a connection keeps between
	// reads; larger ones, grown for one big request or answer, are dropped.
	KeepBuffer int
}

// Conn is one client connection. The framework calls its Protocol
// methods; as the transport's registered streaming producer it is also
// told to pause when its answers pile up unread, and then stops reading
// and handling requests. Call its methods only on the reactor goroutine.
type Conn struct {
	// Out holds answers not yet handed to the transport. A Handler
	// appends to it; the Conn writes it once per read (or at FlushAt).
	Out []byte

	cfg *Config
	h   Handler
	t   interfaces.Transport

	pending []byte // an incomplete request, never longer than cfg.MaxPending
	held    []byte // input not yet handled while paused

	idle       interfaces.DelayedCall // the pending idle check, or nil
	idleFn     func()                 // c.checkIdle, bound once
	lastActive time.Time              // when the last request was answered
	progressed bool                   // a request was answered in this batch

	paused  bool                   // the transport's buffer is full: handle nothing
	closing bool                   // an answer that ends the connection was queued
	shut    bool                   // closing has begun (closeAfterOutput or the idle timeout)
	linger  interfaces.DelayedCall // the end of a lingering close, or nil
}

var (
	_ interfaces.Protocol = (*Conn)(nil)
	_ interfaces.Producer = (*Conn)(nil)
)

// New returns a connection that hands its requests to h. cfg is shared,
// not copied: do not change it while connections use it.
func New(cfg *Config, h Handler) *Conn {
	c := &Conn{cfg: cfg, h: h}
	c.idleFn = c.checkIdle
	return c
}

// MakeConnection keeps the transport.
//
// Twisted: IProtocol.makeConnection.
func (c *Conn) MakeConnection(t interfaces.Transport) { c.t = t }

// ConnectionMade registers c as the transport's producer and starts the
// idle timer.
//
// Twisted: IProtocol.connectionMade.
func (c *Conn) ConnectionMade() {
	_ = c.t.RegisterProducer(c, true)
	if c.cfg.IdleTimeout > 0 {
		c.lastActive = c.cfg.Clock.Now()
		c.idle = c.cfg.Clock.CallLater(c.cfg.IdleTimeout, c.idleFn)
	}
}

// DataReceived handles every request that data completes and sends their
// answers with one transport write. data is not kept: an incomplete
// request at its end is copied.
//
// Twisted: IProtocol.dataReceived.
func (c *Conn) DataReceived(data []byte) {
	switch {
	case c.closing:
		return
	case c.paused:
		c.held = append(c.held, data...)
		return
	}
	now := c.now()
	c.feed(data)
	c.finish(now)
}

// ConnectionLost stops the timers and drops the buffers, the Handler's
// too.
//
// Twisted: IProtocol.connectionLost.
func (c *Conn) ConnectionLost(reason error) {
	for _, dc := range []*interfaces.DelayedCall{&c.idle, &c.linger} {
		if *dc != nil {
			_ = (*dc).Cancel()
			*dc = nil
		}
	}
	c.closing = true
	c.pending, c.held, c.Out = nil, nil, nil
	c.h.Release()
}

// PauseProducing is called by the transport when the answers it buffers
// pass its high-water mark: c stops reading and handling requests.
//
// Twisted: IPushProducer.pauseProducing.
func (c *Conn) PauseProducing() {
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
func (c *Conn) ResumeProducing() {
	if !c.paused || c.closing {
		return
	}
	c.paused = false
	now := c.now()
	c.feed(c.held)
	if !c.paused {
		c.held = c.held[:0]
	}
	c.finish(now)
	if !c.paused && !c.closing {
		c.t.ResumeProducing()
	}
}

// StopProducing is called when the connection is gone; ConnectionLost
// does the cleaning up.
//
// Twisted: IPushProducer.stopProducing.
func (c *Conn) StopProducing() {}

// Buffered returns how many bytes of an incomplete request c keeps; tests
// check it never passes Config.MaxPending.
func (c *Conn) Buffered() int { return len(c.pending) }

// now calls Config.Now if it is set, and otherwise returns the zero time
// (finish reads the clock itself if it must).
func (c *Conn) now() time.Time {
	if c.cfg.Now == nil {
		return time.Time{}
	}
	return c.cfg.Now()
}
