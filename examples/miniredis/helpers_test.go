package main

import (
	"net"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
)

// fakeTransport records what a conn does to its transport.
type fakeTransport struct {
	out        []byte
	writes     int
	lost       bool // LoseConnection
	aborted    bool // AbortConnection
	readPaused bool // PauseProducing on the transport itself
	producer   interfaces.Producer
	onWrite    func() // called after each write, to simulate a full buffer
}

var _ interfaces.Transport = (*fakeTransport)(nil)

func (t *fakeTransport) Write(b []byte) {
	t.out = append(t.out, b...)
	t.writes++
	if t.onWrite != nil {
		t.onWrite()
	}
}

func (t *fakeTransport) WriteSequence(bs [][]byte) {
	for _, b := range bs {
		t.Write(b)
	}
}

func (t *fakeTransport) RegisterProducer(p interfaces.Producer, _ bool) error {
	t.producer = p
	return nil
}

func (t *fakeTransport) UnregisterProducer() { t.producer = nil }
func (t *fakeTransport) PauseProducing()     { t.readPaused = true }
func (t *fakeTransport) ResumeProducing()    { t.readPaused = false }
func (t *fakeTransport) StopProducing()      {}
func (t *fakeTransport) LoseConnection()     { t.lost = true }
func (t *fakeTransport) AbortConnection()    { t.aborted = true }
func (t *fakeTransport) Disconnecting() bool { return t.lost || t.aborted }
func (t *fakeTransport) GetPeer() net.Addr {
	return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}
}
func (t *fakeTransport) GetHost() net.Addr {
	return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 6380}
}
func (t *fakeTransport) take() string { s := string(t.out); t.out = t.out[:0]; return s }
func (t *fakeTransport) closed() bool { return t.lost || t.aborted }

// testConfig is the default configuration with small limits that tests
// can reach.
func testConfig() config {
	return config{
		idleTimeout: defaultIdleTimeout,
		lim:         limits{maxBulk: 64, maxArgs: 8, maxInput: 256},
		maxMemory:   4096,
	}
}

// harness is a server on a fake clock with connections on fake transports.
type harness struct {
	t     testing.TB
	clock *task.Clock
	srv   *server
}

func newHarness(t testing.TB, cfg config) *harness {
	clock := task.NewClock()
	return &harness{t: t, clock: clock, srv: newServer(clock, cfg)}
}

// connect builds a connection as a listening port would.
func (h *harness) connect() (*conn, *fakeTransport) {
	tr := &fakeTransport{}
	p := h.srv.BuildProtocol(tr.GetPeer())
	p.MakeConnection(tr)
	p.ConnectionMade()
	return p.(*conn), tr
}

// send feeds each chunk to c as one read and returns the replies.
func send(c *conn, tr *fakeTransport, chunks ...string) string {
	for _, ch := range chunks {
		c.DataReceived([]byte(ch))
	}
	return tr.take()
}
