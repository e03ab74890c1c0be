package soak_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"sync/atomic"
	"time"
)

// clientTimeout bounds every dial and every exchange of a churned
// connection.
const clientTimeout = 10 * time.Second

// tally is what the clients did, summed over all of them. Safe for
// concurrent use.
type tally struct {
	dialed   atomic.Int64 // connections opened, churned or streaming
	churned  atomic.Int64 // churned connections finished
	echoed   atomic.Int64 // bytes sent and checked back
	failures atomic.Int64
	errs     chan error // the first few failures
}

func newTally() *tally { return &tally{errs: make(chan error, 8)} }

func (l *tally) fail(err error) {
	l.failures.Add(1)
	select {
	case l.errs <- err:
	default:
	}
}

// bytesOf returns a reader of the pseudo-random bytes a connection with
// this seed sends: every connection sends different bytes, so bytes
// crossing from one connection to another cannot pass the check.
func bytesOf(seed uint64) *rand.ChaCha8 {
	var key [32]byte
	binary.LittleEndian.PutUint64(key[:], seed)
	return rand.NewChaCha8(key)
}

// churnOne makes connection number i and ends it in one of four ways,
// most of them checking that every byte sent came back.
func churnOne(addr string, i uint64, l *tally) {
	c, err := net.DialTimeout("tcp", addr, clientTimeout)
	if err != nil {
		l.fail(fmt.Errorf("churned connection %d: %w", i, err))
		return
	}
	l.dialed.Add(1)
	defer l.churned.Add(1)
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(clientTimeout))
	msg := make([]byte, 1+rand.N(16<<10))
	_, _ = bytesOf(i).Read(msg)
	switch i % 16 {
	case 0: // a reset in the middle of the echo
		_, _ = c.Write(msg)
		_ = c.(*net.TCPConn).SetLinger(0)
	case 1: // a connection that says nothing
	case 2, 4, 6, 8, 10, 12, 14: // request, response, close
		err = exchange(c, msg, func() ([]byte, error) {
			got := make([]byte, len(msg))
			_, err := io.ReadFull(c, got)
			return got, err
		})
	default: // request, half-close, read the response to the end
		err = exchange(c, msg, func() ([]byte, error) {
			if err := c.(*net.TCPConn).CloseWrite(); err != nil {
				return nil, err
			}
			return io.ReadAll(c)
		})
	}
	if err != nil {
		l.fail(fmt.Errorf("churned connection %d: %w", i, err))
		return
	}
	if i%16 > 1 {
		l.echoed.Add(int64(len(msg)))
	}
}

// exchange sends msg on c and checks that read returns it.
func exchange(c net.Conn, msg []byte, read func() ([]byte, error)) error {
	if _, err := c.Write(msg); err != nil {
		return err
	}
	got, err := read()
	switch {
	case err != nil:
		return fmt.Errorf("after %d of %d bytes: %w", len(got), len(msg), err)
	case !bytes.Equal(got, msg):
		return fmt.Errorf("echo of %d bytes differs from what was sent (%d bytes back)", len(msg), len(got))
	}
	return nil
}

// stream keeps one connection streaming, a piece of up to 32 KiB each
// tick, until stop closes; then it half-closes and checks that every byte
// came back, in order, before the server's close.
func stream(addr string, seed uint64, stop <-chan struct{}, tick time.Duration, l *tally) {
	c, err := net.DialTimeout("tcp", addr, clientTimeout)
	if err != nil {
		l.fail(fmt.Errorf("stream %d: %w", seed, err))
		return
	}
	l.dialed.Add(1)
	defer c.Close()
	received := make(chan error, 1)
	var got int64
	go func() { received <- verify(c, bytesOf(seed), &got) }()
	sent, err := send(c, bytesOf(seed), stop, tick)
	if err == nil {
		err = c.(*net.TCPConn).CloseWrite()
	}
	if err != nil {
		_ = c.Close()
		<-received
		l.fail(fmt.Errorf("stream %d: sending: %w", seed, err))
		return
	}
	_ = c.SetReadDeadline(time.Now().Add(clientTimeout))
	if err := <-received; err != nil || got != sent {
		l.fail(fmt.Errorf("stream %d: %d bytes sent, %d came back: %v", seed, sent, got, err))
		return
	}
	l.echoed.Add(sent)
}

// send writes pieces from src to c, one per tick, until stop closes.
func send(c net.Conn, src io.Reader, stop <-chan struct{}, tick time.Duration) (int64, error) {
	t := time.NewTicker(tick) // paces the load; nothing waits on it for a result
	defer t.Stop()
	buf := make([]byte, 32<<10)
	var sent int64
	for {
		select {
		case <-stop:
			return sent, nil
		case <-t.C:
		}
		n := 1 + rand.N(len(buf))
		_, _ = src.Read(buf[:n])
		_ = c.SetWriteDeadline(time.Now().Add(clientTimeout))
		if _, err := c.Write(buf[:n]); err != nil {
			return sent, err
		}
		sent += int64(n)
	}
}

// verify reads c to its end, checking each byte against src, and counts
// them in *got.
func verify(c net.Conn, src io.Reader, got *int64) error {
	buf := make([]byte, 64<<10)
	want := make([]byte, len(buf))
	for {
		n, err := c.Read(buf)
		if n > 0 {
			_, _ = src.Read(want[:n])
			if !bytes.Equal(buf[:n], want[:n]) {
				return fmt.Errorf("stream byte %d onwards differs from what was sent", *got)
			}
			*got += int64(n)
		}
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return err
		}
	}
}
