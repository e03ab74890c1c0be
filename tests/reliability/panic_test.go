//go:build linux

package reliability_test

import (
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// panicServer is an echo server whose first connection panics in the
// callback kind names, once the peer sends "boom" (or at once, for the
// callbacks that run before any data).
type panicServer struct {
	r       *internet.Reactor
	kind    string
	built   int
	fired   chan struct{} // the panicking timer or thread call ran
	lost    chan error    // the first connection's ConnectionLost reason
	chained chan error    // what the Deferred's errback was given
}

func newPanicServer(r *internet.Reactor, kind string) *panicServer {
	return &panicServer{r: r, kind: kind,
		fired: make(chan struct{}, 1), lost: make(chan error, 1), chained: make(chan error, 1)}
}

func (s *panicServer) DoStart() {}
func (s *panicServer) DoStop()  {}

func (s *panicServer) BuildProtocol(net.Addr) interfaces.Protocol {
	s.built++
	first := s.built == 1
	if first && s.kind == "BuildProtocol" {
		panic("BuildProtocol boom")
	}
	p := &proto{data: s.data}
	if !first {
		return p
	}
	p.lost = func(_ *proto, reason error) {
		s.lost <- reason
		if s.kind == "ConnectionLost" {
			panic("ConnectionLost boom")
		}
	}
	if s.kind == "ConnectionMade" {
		p.made = func(*proto) { panic("ConnectionMade boom") }
	}
	return p
}

// data echoes, and on "boom" makes the chosen kind of callback panic.
func (s *panicServer) data(p *proto, b []byte) {
	if string(b) != "boom" {
		p.tr.Write(b)
		return
	}
	switch s.kind {
	case "DataReceived":
		panic("DataReceived boom")
	case "ConnectionLost":
		p.tr.LoseConnection()
	case "timer":
		s.r.CallLater(0, func() { s.fired <- struct{}{}; panic("timer boom") })
	case "CallFromThread":
		go s.r.CallFromThread(func() { s.fired <- struct{}{}; panic("CallFromThread boom") })
	case "Deferred callback":
		d := deferred.New(nil)
		d.AddCallback(func(any) (any, error) { panic("Deferred callback boom") })
		d.AddErrback(func(err error) (any, error) {
			s.chained <- err
			p.tr.LoseConnection()
			return nil, nil
		})
		_ = d.Callback(nil)
	}
}

// TestPanicInEachCallbackIsContained makes each kind of user callback
// panic on a connection and checks that the panic is reported with its
// stack, costs at most that connection (whose peer then sees the close),
// and that the reactor goes on serving: the next connection is echoed.
// Timers and thread calls belong to no connection, so their panic costs
// none: the connection that scheduled them keeps echoing.
func TestPanicInEachCallbackIsContained(t *testing.T) {
	logs := captureLogs(t)
	tests := []struct {
		kind     string
		sendBoom bool // the panic needs the peer's "boom"
		survives bool // the first connection stays open
		reason   func(t *testing.T, s *panicServer)
	}{
		{kind: "BuildProtocol"},
		{kind: "ConnectionMade", reason: wantLost(errPanic("ConnectionMade boom"))},
		{kind: "DataReceived", sendBoom: true, reason: wantLost(errPanic("DataReceived boom"))},
		{kind: "ConnectionLost", sendBoom: true, reason: wantLost(interfaces.ErrConnectionDone)},
		{kind: "timer", sendBoom: true, survives: true},
		{kind: "CallFromThread", sendBoom: true, survives: true},
		{kind: "Deferred callback", sendBoom: true, reason: func(t *testing.T, s *panicServer) {
			checkPanic(t, "the Deferred's errback got", internettest.Await(t, s.chained), "Deferred callback boom")
			wantLost(interfaces.ErrConnectionDone)(t, s)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.kind, func(t *testing.T) {
			internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
				mark := logs.Len()
				internettest.RunReactor(t, r)
				s := newPanicServer(r, tc.kind)
				addr := listen(t, r, s)
				first := dial(t, addr)
				if tc.sendBoom {
					if _, err := first.Write([]byte("boom")); err != nil {
						t.Fatal(err)
					}
				}
				if tc.survives {
					internettest.Await(t, s.fired)
					echoOver(t, first, "the connection that scheduled it is untouched")
				} else if got := peerSeesClose(t, first); len(got) > 0 {
					t.Errorf("the panicking connection's peer got %q before the close, want nothing", got)
				}
				echoOver(t, dial(t, addr), "a second connection is served")
				if tc.reason != nil {
					tc.reason(t, s)
				}
				if tc.kind != "Deferred callback" { // its panic is an error in the chain
					mustContain(t, "the log", logs.Since(mark), tc.kind+" boom", "panic_test.go", "level=ERROR")
				}
			})
		})
	}
}

// errPanic stands for a *PanicError with the given value in wantLost.
type errPanic string

func (e errPanic) Error() string { return string(e) }

// wantLost checks the first connection's ConnectionLost reason: want
// itself (errors.Is), or a *PanicError if want is an errPanic.
func wantLost(want error) func(t *testing.T, s *panicServer) {
	return func(t *testing.T, s *panicServer) {
		t.Helper()
		reason := internettest.Await(t, s.lost)
		if v, ok := want.(errPanic); ok {
			checkPanic(t, "ConnectionLost got", reason, string(v))
		} else if !errors.Is(reason, want) {
			t.Errorf("ConnectionLost(%v), want %v", reason, want)
		}
	}
}

// checkPanic checks that err is the *PanicError of value, with the stack
// of the panic in this file.
func checkPanic(t *testing.T, what string, err error, value string) {
	t.Helper()
	var pe *interfaces.PanicError
	if !errors.As(err, &pe) || pe.Value != value || !strings.Contains(string(pe.Stack), "panic_test.go") {
		t.Errorf("%s %v, want the *PanicError of %q with its stack", what, err, value)
	}
}
