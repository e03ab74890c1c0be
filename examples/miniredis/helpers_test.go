package main

import (
	"github.com/twistgo/twistgo/internet/task"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// recordingTransport is a StringTransport that also counts writes and can
// act on each, to stand in for a transport whose buffer fills.
type recordingTransport struct {
	*transporttest.StringTransport
	writes  int
	onWrite func()
}

func (t *recordingTransport) Write(b []byte) {
	t.StringTransport.Write(b)
	t.writes++
	if t.onWrite != nil {
		t.onWrite()
	}
}

// take returns what was written since the last take.
func (t *recordingTransport) take() string {
	s := string(t.Value())
	t.Clear()
	return s
}

// closed reports whether the protocol closed the connection, or began to
// with a lingering close.
func (t *recordingTransport) closed() bool { return t.Disconnecting() || t.WriteClosed() }

// readPaused reports whether the protocol paused the transport's reading.
func (t *recordingTransport) readPaused() bool {
	return t.ProducerState() == transporttest.Paused
}

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
func (h *harness) connect() (*conn, *recordingTransport) {
	tr := &recordingTransport{StringTransport: transporttest.NewStringTransport()}
	p := h.srv.BuildProtocol(tr.GetPeer())
	transporttest.Connect(p, tr)
	return p.(*conn), tr
}

// send feeds each chunk to c as one read and returns the replies.
func send(c *conn, tr *recordingTransport, chunks ...string) string {
	for _, ch := range chunks {
		c.DataReceived([]byte(ch))
	}
	return tr.take()
}

// producer returns the producer the connection registered.
func producer(tr *recordingTransport) any {
	p, _ := tr.Producer()
	return p
}
