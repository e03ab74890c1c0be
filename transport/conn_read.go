//go:build unix

// The read side: DoRead, end of input, and the transport as a producer of
// the bytes it reads.

package transport

import (
	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// DoRead reads what the socket holds into the loop's read buffer and hands
// each piece to the protocol's DataReceived, then sends what the protocol
// wrote in one system call.
//
// It reads until the kernel has no more, at most maxReadsPerTurn times so
// other connections get their turn. A read shorter than the buffer means
// the socket is drained, so no further read is made just to see EAGAIN.
// Reading also pauses for the turn once buffered output passes the
// high-water mark. When the connection ends here (the peer's orderly close
// unless the protocol is half-closeable, a read or write error, a close
// that LoseConnection asked for) it closes itself and tells the protocol,
// so DoRead always returns nil; a panic in the protocol is left to the
// loop, which calls ConnectionLost with it. As in Twisted, the peer's
// orderly close ends a protocol that is not half-closeable at once, and
// output not yet sent is dropped. Call only on the reactor goroutine.
//
// Twisted: tcp.Connection.doRead.
func (t *Conn) DoRead() error {
	if t.closed || !t.reading {
		return nil
	}
	t.inCallback = true
	err := t.readSome(t.loop.ReadBuffer())
	t.inCallback = false
	if err == nil && !t.closed {
		err = t.flush()
	}
	if err != nil {
		t.closeWith(err)
	}
	return nil
}

// readSome is DoRead's loop.
func (t *Conn) readSome(buf []byte) error {
	for range maxReadsPerTurn {
		n, err := sockRead(t.fd, buf)
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.EAGAIN:
			return nil
		case err != nil:
			return lost("read", err)
		case n == 0:
			return t.readEOF()
		}
		t.proto.DataReceived(buf[:n])
		if !t.reading || n < len(buf) || t.out.n >= t.high {
			return nil
		}
	}
	return nil
}

// readEOF handles the peer's orderly shutdown of its write side: the end of
// the connection, unless the protocol wants to hear about each direction.
func (t *Conn) readEOF() error {
	half := t.halfCloseable()
	if half == nil {
		return interfaces.ErrConnectionDone
	}
	t.readDisconnected = true
	t.updateReading()
	half.ReadConnectionLost()
	return nil
}

// PauseProducing stops reading from the socket, and so DataReceived, until
// ResumeProducing. Call only on the reactor goroutine.
//
// Twisted: FileDescriptor.pauseProducing.
func (t *Conn) PauseProducing() {
	t.readPaused = true
	t.updateReading()
}

// ResumeProducing starts reading again after PauseProducing, unless the
// connection is closing or the peer has finished sending. Call only on the
// reactor goroutine.
//
// Twisted: FileDescriptor.resumeProducing.
func (t *Conn) ResumeProducing() {
	t.readPaused = false
	t.updateReading()
}

// StopProducing closes the connection, as LoseConnection. Call only on the
// reactor goroutine.
//
// Twisted: FileDescriptor.stopProducing.
func (t *Conn) StopProducing() { t.LoseConnection() }

// updateReading registers or unregisters the reader so it matches the
// state: reading while started and open, not closing, not paused, and the
// peer still sending.
func (t *Conn) updateReading() {
	want := t.started && !t.closed && !t.disconnecting && !t.readDisconnected && !t.readPaused
	if want == t.reading {
		return
	}
	if !want {
		t.loop.RemoveReader(t)
		t.reading = false
		return
	}
	if err := t.loop.AddReader(t); err != nil {
		t.closeWith(err)
		return
	}
	t.reading = true
}
