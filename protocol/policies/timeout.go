// Timeout: an idle timer for a protocol, re-armed by traffic.

package policies

import (
	"errors"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// Timeout is an idle timer to embed in a protocol: once SetTimeout armed
// it, OnTimeout runs when the period passes without a ResetTimeout. A
// protocol calls ResetTimeout on traffic and SetTimeout(0) when the
// connection is lost:
//
//	type session struct {
//		protocol.Base
//		policies.Timeout
//	}
//
//	func newSession(clock interfaces.ReactorTime) *session {
//		s := &session{}
//		s.Clock = clock
//		s.OnTimeout = func() { s.Transport.LoseConnection() }
//		return s
//	}
//
//	func (s *session) ConnectionMade()          { s.SetTimeout(5 * time.Minute) }
//	func (s *session) DataReceived(data []byte) { s.ResetTimeout() }
//	func (s *session) ConnectionLost(error)     { s.SetTimeout(0) }
//
// Call only on the reactor goroutine.
//
// Twisted: policies.TimeoutMixin.
type Timeout struct {
	// Clock runs the timer; usually the reactor. It must be set before
	// SetTimeout.
	Clock interfaces.ReactorTime
	// OnTimeout runs when the timer fires; nil does nothing. Twisted's
	// default, closing the connection, is a one-line OnTimeout.
	//
	// Twisted: TimeoutMixin.timeoutConnection.
	OnTimeout func()

	period time.Duration
	call   interfaces.DelayedCall
}

// SetTimeout sets the idle period and returns the previous one. A positive
// period arms the timer to fire period from now (re-arming a running one);
// 0 stops it.
//
// Twisted: TimeoutMixin.setTimeout.
func (t *Timeout) SetTimeout(period time.Duration) (previous time.Duration) {
	previous, t.period = t.period, max(period, 0)
	switch {
	case t.call != nil && t.period == 0:
		_ = t.call.Cancel() // already run or cancelled: nothing to stop
		t.call = nil
	case t.call != nil:
		if err := t.call.Reset(t.period); errors.Is(err, interfaces.ErrAlreadyCalled) || errors.Is(err, interfaces.ErrAlreadyCancelled) {
			t.call = t.Clock.CallLater(t.period, t.timedOut)
		}
	case t.period > 0:
		t.call = t.Clock.CallLater(t.period, t.timedOut)
	}
	return previous
}

// ResetTimeout re-arms a running timer to fire a full period from now; it
// does nothing if the timer is not running.
//
// Twisted: TimeoutMixin.resetTimeout.
func (t *Timeout) ResetTimeout() {
	if t.call != nil && t.period > 0 {
		_ = t.call.Reset(t.period)
	}
}

// TimeoutPeriod returns the idle period; 0 means none.
//
// Twisted: TimeoutMixin.timeOut.
func (t *Timeout) TimeoutPeriod() time.Duration { return t.period }

func (t *Timeout) timedOut() {
	t.call = nil
	if t.OnTimeout != nil {
		t.OnTimeout()
	}
}
