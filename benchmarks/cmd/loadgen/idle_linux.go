package main

import (
	"fmt"
	"net"
	"time"

	"golang.org/x/sys/unix"
)

// idleConfig is what one idle run does.
type idleConfig struct {
	addr  *net.TCPAddr
	conns int
	pid   int
}

// idleResult is what one idle run measured.
type idleResult struct {
	rssBefore, rssAfter int64 // server VmRSS in KiB
	opened              int
	errors              int
	firstErr            error
}

// bytesPerConn is the server's resident-set growth per open connection.
func (r *idleResult) bytesPerConn() float64 {
	if r.opened == 0 {
		return 0
	}
	return float64(r.rssAfter-r.rssBefore) * 1024 / float64(r.opened)
}

// runIdle opens the connections one at a time, each proved alive by a
// one-byte echo before the next is opened, so the server's accept backlog
// never overflows; then proves all of them alive at once and reads the
// server's resident set.
func runIdle(cfg idleConfig) (*idleResult, error) {
	res := &idleResult{}
	before, err := rssKB(cfg.pid)
	if err != nil {
		return nil, err
	}
	res.rssBefore = before
	fds := make([]int, 0, cfg.conns)
	defer func() {
		for _, fd := range fds {
			unix.Close(fd)
		}
	}()
	scratch := make([]byte, 1)
	for i := range cfg.conns {
		fd, err := dial(cfg.addr, 5*time.Second)
		if err == nil {
			err = roundTrip(fd, []byte{byte('a' + i%26)}, scratch)
			fds = append(fds, fd)
		}
		if err != nil {
			return nil, fmt.Errorf("connection %d: %w", i, err)
		}
	}
	res.opened = len(fds)
	for i, fd := range fds {
		if err := roundTrip(fd, []byte{byte('A' + i%26)}, scratch); err != nil {
			res.errors++
			if res.firstErr == nil {
				res.firstErr = fmt.Errorf("connection %d on second pass: %w", i, err)
			}
		}
	}
	res.rssAfter, err = rssKB(cfg.pid)
	return res, err
}
