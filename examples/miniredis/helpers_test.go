package main

import (
	"github.com/twistgo/twistgo/examples/internal/reqconn/reqconntest"
	"github.com/twistgo/twistgo/internet/task"
)

// testConfig is the default configuration with small limits that tests
// can reach.
func testConfig() config {
	return config{
		idleTimeout: defaultIdleTimeout,
		lim:         limits{maxBulk: 64, maxArgs: 8, maxInput: 256},
		maxMemory:   4096,
	}
}

// harness is a server on a fake clock with connections on in-memory
// transports.
type harness struct {
	clock *task.Clock
	srv   *server
}

func newHarness(cfg config) *harness {
	clock := task.NewClock()
	return &harness{clock: clock, srv: newServer(clock, cfg)}
}

// connect starts a connection as a listening port would.
func (h *harness) connect() (*conn, *reqconntest.Transport) {
	p, tr := reqconntest.Connect(h.srv)
	return p.(*conn), tr
}

// send feeds each chunk to c as one read and returns the replies.
func send(c *conn, tr *reqconntest.Transport, chunks ...string) string {
	for _, ch := range chunks {
		c.DataReceived([]byte(ch))
	}
	return tr.Take()
}
