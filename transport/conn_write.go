//go:build unix

// The write path.
//
// Write copies the caller's bytes into the output buffer and sends nothing
// itself. The bytes leave when the current callback returns:
//
//   - If the callback is one of this connection's own (DataReceived inside
//     DoRead, ConnectionMade inside Start, a pull producer inside DoWrite),
//     the connection flushes right after it, before DoRead returns.
//   - Otherwise (a timer, another connection's callback) the first Write
//     queues the connection with Loop.QueueFlush, and the loop calls Flush
//     once that callback returns.
//
// A flush hands the buffer to the kernel in one write(2), or one writev(2)
// when it spans several chunks, repeating only while the kernel takes
// everything. Only when the kernel would block with bytes left does the
// connection ask the loop for writability (AddWriter); DoWrite then sends
// more, and the writer is removed as soon as the buffer is empty. So a
// steady request/response exchange costs one read and one write per
// message and no poller changes.
//
// Once the buffer is empty, the flush finishes what was asked for:
// LoseConnection closes, LoseWriteConnection shuts the write side down.
// Producers are paused when the buffer passes the high-water mark and
// resumed at or below the low-water mark (see conn_producer.go).

package transport

import (
	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// Write queues data to be sent once the current callback returns. data is
// copied, so the caller may reuse it when Write returns. Write never
// blocks and never drops data while the connection is open, including
// after LoseConnection until the close completes; writes after the
// connection (or its write side) is gone are dropped. Call only on the
// reactor goroutine.
//
// Twisted: FileDescriptor.write.
func (t *Conn) Write(data []byte) {
	if len(data) == 0 || t.closed || t.writeDisconnected {
		return
	}
	t.out.append(data)
	t.afterWrite()
}

// WriteSequence queues the buffers in order, as one Write of their
// concatenation would. Call only on the reactor goroutine.
//
// Twisted: FileDescriptor.writeSequence.
func (t *Conn) WriteSequence(data [][]byte) {
	if t.closed || t.writeDisconnected {
		return
	}
	for _, p := range data {
		t.out.append(p)
	}
	t.afterWrite()
}

// afterWrite throttles the producer and makes sure a flush follows.
func (t *Conn) afterWrite() {
	t.pauseIfHigh()
	t.kick()
}

// Flush sends buffered output after a callback that was not the
// connection's own; the loop calls it once per QueueFlush. A panic in a
// user callback reached from here closes only this connection. Call only
// on the reactor goroutine.
func (t *Conn) Flush() {
	t.flushQueued = false
	if t.closed {
		return
	}
	defer t.recoverPanic()
	t.settle()
}

// DoWrite sends buffered output now that the socket is writable; with a
// pull producer and an empty buffer, it first asks the producer for more.
// Like DoRead, it closes the connection itself when it ends and always
// returns nil. Call only on the reactor goroutine.
//
// Twisted: FileDescriptor.doWrite.
func (t *Conn) DoWrite() error {
	if t.closed {
		return nil
	}
	if t.out.n == 0 && t.producer != nil && !t.streaming {
		t.inCallback = true
		t.producer.ResumeProducing()
		t.inCallback = false
	}
	t.settle()
	return nil
}

// kick makes sure flush runs soon: it will after the running callback of
// ours, or on the writable event being waited for; otherwise the loop is
// asked to call Flush.
func (t *Conn) kick() {
	if !t.started || t.closed || t.inCallback || t.writing || t.flushQueued {
		return
	}
	t.flushQueued = true
	t.loop.QueueFlush(t)
}

// settle flushes, closing the connection when the flush says so.
func (t *Conn) settle() {
	if t.closed {
		return
	}
	if err := t.flush(); err != nil {
		t.closeWith(err)
	}
}

// flush sends what the kernel takes, then settles the consequences: watch
// writability while bytes remain, resume a producer below the low-water
// mark, and finish a requested close or half-close once the buffer is
// empty. It returns the reason to drop the connection, or nil.
func (t *Conn) flush() error {
	if err := t.send(); err != nil {
		return err
	}
	t.resumeIfLow()
	switch {
	case t.closed:
		return nil
	case t.out.n > 0:
		return t.watchWrite(true)
	default:
		return t.drained()
	}
}

// send writes buffered output until the buffer is empty or the kernel's is
// full. A short write means the latter, so no further call is made just to
// see EAGAIN.
func (t *Conn) send() error {
	var scratch [maxIovecs][]byte // on the stack: no allocation, no per-connection memory
	for t.out.n > 0 {
		iov, want := t.out.peek(scratch[:0])
		n, err := writeBuffers(t.fd, iov)
		clear(iov)
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.EAGAIN:
			return nil
		case err != nil:
			return lost("write", err)
		}
		t.out.consume(n)
		if n < want {
			return nil
		}
	}
	return nil
}

// drained runs when the output buffer is empty.
func (t *Conn) drained() error {
	if t.producer != nil && !t.streaming {
		// A pull producer is asked for more on each writable event, and
		// holds a requested close until it is unregistered.
		return t.watchWrite(true)
	}
	if err := t.watchWrite(false); err != nil {
		return err
	}
	switch {
	case t.disconnecting:
		return interfaces.ErrConnectionDone
	case t.writeDisconnecting && !t.writeDisconnected:
		return t.shutdownWrite()
	}
	return nil
}

// shutdownWrite half-closes the socket after LoseWriteConnection and tells
// a half-closeable protocol.
func (t *Conn) shutdownWrite() error {
	t.writeDisconnected = true
	if err := unix.Shutdown(t.fd, unix.SHUT_WR); err != nil {
		return lost("shutdown", err)
	}
	if half := t.halfCloseable(); half != nil {
		prev := t.inCallback
		t.inCallback = true
		half.WriteConnectionLost()
		t.inCallback = prev
	}
	if !t.closed && t.disconnecting {
		return interfaces.ErrConnectionDone
	}
	return nil
}

// watchWrite registers or unregisters the writer.
func (t *Conn) watchWrite(on bool) error {
	if on == t.writing {
		return nil
	}
	if on {
		if err := t.loop.AddWriter(t); err != nil {
			return err
		}
	} else {
		t.loop.RemoveWriter(t)
	}
	t.writing = on
	return nil
}
