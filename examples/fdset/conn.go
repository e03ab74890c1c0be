// One connection: a ReadDescriptor and WriteDescriptor that echoes in
// capitals.

package main

import (
	"bytes"
	"os"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

var (
	_ interfaces.ReadDescriptor  = (*conn)(nil)
	_ interfaces.WriteDescriptor = (*conn)(nil)
)

// maxPending bounds the reply waiting for the kernel: beyond it the conn
// stops reading until the peer has read enough, so a client that sends but
// never reads cannot make the server's memory grow.
const maxPending = 64 << 10

// conn echoes what it reads in capitals.
type conn struct {
	fd      int
	r       interfaces.ReactorFDSet
	pending []byte // reply bytes the kernel did not take yet
	eof     bool   // the peer will send no more: close once pending is sent
	buf     [4096]byte
}

// Fileno returns the connection's socket.
func (c *conn) Fileno() int { return c.fd }

// DoRead reads what is there and replies. Returning an error tells the
// reactor to drop the conn and call ConnectionLost with it.
func (c *conn) DoRead() error {
	n, err := unix.Read(c.fd, c.buf[:])
	switch {
	case err == unix.EAGAIN || err == unix.EINTR:
		return nil // spurious wake-up: wait for the next one
	case err != nil:
		return os.NewSyscallError("read", err)
	case n == 0: // the peer closed its side: finish replying, then close
		c.eof = true
		if err := c.flush(); err != nil {
			return err // ErrConnectionDone: all sent
		}
		// The writer finishes the reply. Remove the reader only now: the
		// reactor drops a descriptor for an error only while it watches it.
		c.r.RemoveReader(c)
		return nil
	}
	c.pending = append(c.pending, bytes.ToUpper(c.buf[:n])...)
	return c.flush()
}

// DoWrite sends what the kernel refused before.
func (c *conn) DoWrite() error { return c.flush() }

// flush writes pending output, and watches for writability (and stops
// reading, past maxPending) only while some is left. Once all is sent
// after the peer's end of input, it returns ErrConnectionDone so the
// reactor drops the conn.
func (c *conn) flush() error {
	for len(c.pending) > 0 {
		n, err := unix.Write(c.fd, c.pending)
		if err == unix.EAGAIN {
			break
		}
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("write", err)
		}
		c.pending = c.pending[n:]
	}
	switch {
	case len(c.pending) == 0 && c.eof:
		return interfaces.ErrConnectionDone
	case len(c.pending) == 0:
		c.pending = nil
		c.r.RemoveWriter(c)
		return c.r.AddReader(c)
	}
	if len(c.pending) >= maxPending {
		c.r.RemoveReader(c)
	}
	return c.r.AddWriter(c)
}

// ConnectionLost closes the socket: the reactor no longer watches it, and
// the descriptor owns its fd.
func (c *conn) ConnectionLost(reason error) {
	unix.Close(c.fd)
}
