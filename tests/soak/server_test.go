package soak_test

import (
	"errors"
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

// echoServer builds echo protocols and keeps count of them. Its fields
// belong to the reactor goroutine.
type echoServer struct {
	made, done, lost, other int
	otherReasons            []error       // the first few reasons that were neither
	draining                bool          // no more connections are coming
	drained                 chan struct{} // closed once draining and none is left
}

func newEchoServer() *echoServer { return &echoServer{drained: make(chan struct{})} }

func (s *echoServer) DoStart() {}
func (s *echoServer) DoStop()  {}

func (s *echoServer) BuildProtocol(net.Addr) interfaces.Protocol { return &echo{s: s} }

// drain marks that no more connections are coming; drained closes once
// every connection has ended. Call only on the reactor goroutine.
func (s *echoServer) drain() {
	s.draining = true
	s.checkDrained()
}

func (s *echoServer) checkDrained() {
	if s.draining && s.made == s.done+s.lost+s.other {
		select {
		case <-s.drained:
		default:
			close(s.drained)
		}
	}
}

// echo writes back what it reads, at once (no Nagle delay). It is the
// producer of its own output, so it stops reading from a peer that does
// not read the echo, and it finishes sending after the peer half-closes.
type echo struct {
	s  *echoServer
	tr interfaces.Transport
}

func (e *echo) MakeConnection(t interfaces.Transport) { e.tr = t }

func (e *echo) ConnectionMade() {
	e.s.made++
	_ = e.tr.(interfaces.TCPTransport).SetTCPNoDelay(true)
	_ = e.tr.RegisterProducer(e.tr, true)
}

func (e *echo) DataReceived(b []byte) { e.tr.Write(b) }

func (e *echo) ReadConnectionLost() { e.tr.LoseConnection() }

func (e *echo) WriteConnectionLost() {}

func (e *echo) ConnectionLost(reason error) {
	switch {
	case errors.Is(reason, interfaces.ErrConnectionDone):
		e.s.done++
	case errors.Is(reason, interfaces.ErrConnectionLost):
		e.s.lost++
	default:
		e.s.other++
		if len(e.s.otherReasons) < 5 {
			e.s.otherReasons = append(e.s.otherReasons, reason)
		}
	}
	e.s.checkDrained()
}
