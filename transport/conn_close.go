//go:build unix

// Ending a connection: orderly, half, abortive, and the one close path that
// tells the protocol exactly once.

package transport

import (
	"log/slog"
	"runtime/debug"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// LoseConnection closes the connection once the buffered output has been
// sent. Reading stops at once; writes made before the close completes are
// still sent. A registered pull producer holds the close until it is
// unregistered; a streaming producer does not (it is told StopProducing
// when the connection closes). The protocol is told ConnectionLost with
// ErrConnectionDone, after the running callback returns. Call only on the
// reactor goroutine.
//
// Twisted: ITransport.loseConnection.
func (t *Conn) LoseConnection() {
	if t.closed || t.disconnecting {
		return
	}
	t.disconnecting = true
	t.updateReading()
	t.kick()
}

// LoseWriteConnection shuts down the write side (shutdown(2) SHUT_WR) once
// the buffered output has been sent; reading goes on. A
// HalfCloseableProtocol is then told WriteConnectionLost. Call only on the
// reactor goroutine.
//
// Twisted: ITCPTransport.loseWriteConnection.
func (t *Conn) LoseWriteConnection() {
	if t.closed || t.writeDisconnecting {
		return
	}
	t.writeDisconnecting = true
	t.kick()
}

// AbortConnection closes the connection now, dropping buffered output; a
// TCP peer sees a reset. The protocol is told ConnectionLost with
// ErrConnectionAborted on a later loop turn, never from inside this call.
// Call only on the reactor goroutine.
//
// Twisted: ITCPTransport.abortConnection.
func (t *Conn) AbortConnection() {
	if t.closed {
		return
	}
	t.disconnecting, t.aborted = true, true
	t.release(true)
	t.loop.CallLater(0, t.abortDone)
}

// abortDone tells the protocol about an abort, a turn after it happened.
func (t *Conn) abortDone() { t.tellLost(interfaces.ErrConnectionAborted) }

// ConnectionLost is the loop's notice that it stopped watching the
// connection: DoRead or DoWrite returned reason, a callback panicked, or
// the reactor is shutting down. The socket is closed and the protocol
// told, unless that happened already. An aborted connection whose notice
// is still pending (the reactor may stop before that loop turn) is told
// ErrConnectionAborted now. Call only on the reactor goroutine.
//
// Twisted: tcp.Connection.connectionLost.
func (t *Conn) ConnectionLost(reason error) {
	if t.aborted {
		t.abortDone()
		return
	}
	t.closeWith(reason)
}

// closeWith is the one idempotent close path.
func (t *Conn) closeWith(reason error) {
	if t.closed {
		return
	}
	t.release(false)
	t.tellLost(reason)
}

// release removes the connection from the loop, then closes the socket (so
// an event for a reused fd number can never reach this connection) and
// drops unsent output. abortive makes a TCP close send a reset.
func (t *Conn) release(abortive bool) {
	t.closed = true
	if t.reading {
		t.loop.RemoveReader(t)
	}
	if t.writing {
		t.loop.RemoveWriter(t)
	}
	t.reading, t.writing = false, false
	if abortive && !t.isUNIX() {
		// SO_LINGER with a zero timeout: close(2) sends RST, not FIN.
		_ = unix.SetsockoptLinger(t.fd, unix.SOL_SOCKET, unix.SO_LINGER, &unix.Linger{Onoff: 1, Linger: 0})
	}
	_ = unix.Close(t.fd) // close(2) frees the fd even when it reports an error
	t.fd = -1
	t.out.reset()
}

// tellLost stops the producer and tells the protocol (then the owner),
// once.
func (t *Conn) tellLost(reason error) {
	if t.lostTold {
		return
	}
	t.lostTold = true
	if p := t.producer; p != nil {
		t.producer = nil
		t.guard(p.StopProducing)
	}
	t.guard(func() { t.proto.ConnectionLost(reason) })
	if t.owner != nil {
		t.guard(func() { t.owner.ConnectionEnded(t, reason) })
	}
}

// guard runs a user callback on the way out, logging a panic instead of
// letting it stop the close.
func (t *Conn) guard(f func()) {
	defer func() {
		if v := recover(); v != nil {
			t.logPanic(&interfaces.PanicError{Value: v, Stack: debug.Stack()})
		}
	}()
	f()
}

// recoverPanic turns a panic in a user callback reached from Start or
// Flush into the reason this connection closes; deferred by them.
func (t *Conn) recoverPanic() {
	v := recover()
	if v == nil {
		return
	}
	err := &interfaces.PanicError{Value: v, Stack: debug.Stack()}
	t.logPanic(err)
	t.inCallback = false
	t.closeWith(err)
}

// logPanic reports a recovered panic with its stack.
func (t *Conn) logPanic(err *interfaces.PanicError) {
	t.loop.Logger().Error("twistgo: panic in a protocol callback",
		slog.Any("panic", err.Value), slog.String("stack", string(err.Stack)))
}
