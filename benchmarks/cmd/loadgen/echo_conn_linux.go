package main

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// An echoConn is one connection of echo mode: the stream it has sent, what
// has come back and been checked, and when each outstanding message left.
type echoConn struct {
	fd      int
	id      int
	pat     *pattern
	size    int64
	sent    int64   // stream bytes handed to the kernel
	recv    int64   // stream bytes echoed back and verified
	started int64   // messages started; their bytes end at started*size
	sendAt  []int64 // start time of message j at j%len(sendAt), ns since start
	wantOut bool    // registered for EPOLLOUT because the kernel was full
	dead    bool
}

// outstanding is the number of bytes sent or queued but not yet echoed.
func (c *echoConn) outstanding() int64 { return c.started*c.size - c.recv }

// start begins one more message at time now.
func (c *echoConn) start(now int64) {
	c.sendAt[c.started%int64(len(c.sendAt))] = now
	c.started++
}

// flush writes as much of the started messages as the kernel takes. It
// returns whether bytes remain, so the caller can ask for EPOLLOUT.
func (c *echoConn) flush() (pending bool, err error) {
	for c.sent < c.started*c.size {
		n, err := unix.Write(c.fd, c.pat.window(c.sent, int(c.started*c.size-c.sent)))
		switch {
		case err == unix.EAGAIN:
			return true, nil
		case err == unix.EINTR:
			continue
		case err != nil:
			return false, os.NewSyscallError("write", err)
		}
		c.sent += int64(n)
	}
	return false, nil
}

// absorb checks n newly read bytes and returns how many messages they
// completed. Bytes beyond what was sent, or bytes that differ from what was
// sent, are an error: the server corrupted or invented data.
func (c *echoConn) absorb(got []byte) (done int64, err error) {
	if int64(len(got)) > c.sent-c.recv {
		return 0, fmt.Errorf("conn %d: %d bytes echoed but only %d outstanding", c.id, len(got), c.sent-c.recv)
	}
	if !c.pat.verify(c.recv, got) {
		return 0, fmt.Errorf("conn %d: echoed bytes at stream offset %d differ from those sent", c.id, c.recv)
	}
	before := c.recv / c.size
	c.recv += int64(len(got))
	return c.recv/c.size - before, nil
}

// latency returns how long message j took, given it completed at now.
func (c *echoConn) latency(j, now int64) int64 {
	return now - c.sendAt[j%int64(len(c.sendAt))]
}
