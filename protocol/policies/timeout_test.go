package policies_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/policies"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestTimeout(t *testing.T) {
	type step struct {
		do      string // "set N", "reset", "advance N"
		arg     time.Duration
		fired   int
		pending int
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"fires after the period", []step{
			{"set", 10 * time.Second, 0, 1},
			{"advance", 9 * time.Second, 0, 1},
			{"advance", time.Second, 1, 0},
			{"advance", time.Hour, 1, 0},
		}},
		{"traffic postpones it", []step{
			{"set", 10 * time.Second, 0, 1},
			{"advance", 8 * time.Second, 0, 1},
			{"reset", 0, 0, 1},
			{"advance", 8 * time.Second, 0, 1},
			{"advance", 2 * time.Second, 1, 0},
		}},
		{"zero stops it", []step{
			{"set", 10 * time.Second, 0, 1},
			{"set", 0, 0, 0},
			{"reset", 0, 0, 0},
			{"advance", time.Hour, 0, 0},
		}},
		{"a new period re-arms it", []step{
			{"set", 10 * time.Second, 0, 1},
			{"advance", 5 * time.Second, 0, 1},
			{"set", 20 * time.Second, 0, 1},
			{"advance", 19 * time.Second, 0, 1},
			{"advance", time.Second, 1, 0},
		}},
		{"set again after firing", []step{
			{"set", time.Second, 0, 1},
			{"advance", time.Second, 1, 0},
			{"reset", 0, 1, 0},
			{"set", time.Second, 1, 1},
			{"advance", time.Second, 2, 0},
		}},
		{"negative is zero", []step{
			{"set", -time.Second, 0, 0},
			{"advance", time.Hour, 0, 0},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := task.NewClock()
			fired := 0
			to := policies.Timeout{Clock: clock, OnTimeout: func() { fired++ }}
			for i, s := range tc.steps {
				switch s.do {
				case "set":
					to.SetTimeout(s.arg)
				case "reset":
					to.ResetTimeout()
				case "advance":
					clock.Advance(s.arg)
				}
				if fired != s.fired || len(clock.DelayedCalls()) != s.pending {
					t.Fatalf("step %d (%s %v): fired %d, pending %d; want %d, %d",
						i, s.do, s.arg, fired, len(clock.DelayedCalls()), s.fired, s.pending)
				}
			}
		})
	}
}

func TestTimeoutSetReturnsThePreviousPeriod(t *testing.T) {
	to := policies.Timeout{Clock: task.NewClock()}
	var got []time.Duration
	for _, d := range []time.Duration{time.Second, time.Minute, 0, time.Hour} {
		got = append(got, to.SetTimeout(d))
	}
	if diff := cmp.Diff([]time.Duration{0, time.Second, time.Minute, 0}, got); diff != "" {
		t.Errorf("previous periods (-want +got):\n%s", diff)
	}
	if to.TimeoutPeriod() != time.Hour {
		t.Errorf("TimeoutPeriod = %v, want 1h", to.TimeoutPeriod())
	}
	// Firing without OnTimeout is harmless.
	c := task.NewClock()
	quiet := policies.Timeout{Clock: c}
	quiet.SetTimeout(time.Second)
	c.Advance(time.Second)
}

// idle is a protocol that embeds Timeout, as the doc comment shows.
type idle struct {
	protocol.Base
	policies.Timeout
}

func (p *idle) ConnectionMade()          { p.SetTimeout(5 * time.Second) }
func (p *idle) DataReceived(data []byte) { p.ResetTimeout() }
func (p *idle) ConnectionLost(error)     { p.SetTimeout(0) }

func TestTimeoutEmbeddedInAProtocol(t *testing.T) {
	clock := task.NewClock()
	p := &idle{}
	p.Clock = clock
	p.OnTimeout = func() { p.Transport.LoseConnection() }
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	clock.Advance(4 * time.Second)
	p.DataReceived([]byte("x"))
	clock.Advance(4 * time.Second)
	if tr.Disconnecting() {
		t.Fatal("closed although traffic came within the period")
	}
	clock.Advance(time.Second)
	if !tr.Disconnecting() {
		t.Fatal("not closed after an idle period")
	}
}

func TestTimeoutFactory(t *testing.T) {
	tests := []struct {
		name    string
		traffic func(p interfaces.Protocol, inner *recorder)
	}{
		{"idle", func(interfaces.Protocol, *recorder) {}},
		{"reads", func(p interfaces.Protocol, _ *recorder) { p.DataReceived([]byte("x")) }},
		{"writes", func(_ interfaces.Protocol, inner *recorder) { inner.Transport.Write([]byte("x")) }},
		{"write sequences", func(_ interfaces.Protocol, inner *recorder) {
			inner.Transport.WriteSequence([][]byte{[]byte("x")})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := task.NewClock()
			inner := newRecorders()
			f := policies.NewTimeoutFactory(clock, inner, 10*time.Second)
			p := f.BuildProtocol(tcpAddr("192.0.2.1", 1))
			tr := transporttest.Connect(p, transporttest.NewStringTransport())
			clock.Advance(9 * time.Second)
			tc.traffic(p, inner.built[0])
			clock.Advance(9 * time.Second)
			idle := tc.name == "idle"
			if tr.Disconnecting() != idle {
				t.Fatalf("after 18s with traffic at 9s: disconnecting %v, want %v", tr.Disconnecting(), idle)
			}
			clock.Advance(time.Second)
			if !tr.Disconnecting() {
				t.Fatal("not closed 10s after the last traffic")
			}
		})
	}
}

// A timed-out connection whose output does not drain (the peer stopped
// reading) is aborted AbortDelay after the timeout; traffic after the
// timeout does not put the abort off. One whose close completes in time is
// not aborted.
func TestTimeoutFactoryAbortsAStuckClose(t *testing.T) {
	for _, closes := range []bool{false, true} {
		clock := task.NewClock()
		inner := newRecorders()
		f := policies.NewTimeoutFactory(clock, inner, 10*time.Second)
		f.AbortDelay = 5 * time.Second
		p := f.BuildProtocol(tcpAddr("192.0.2.1", 1))
		tr := transporttest.Connect(p, transporttest.NewStringTransport())
		clock.Advance(10 * time.Second)
		if !tr.Disconnecting() || tr.Aborted() {
			t.Fatalf("at the timeout: disconnecting %v, aborted %v; want a close, no abort", tr.Disconnecting(), tr.Aborted())
		}
		clock.Advance(4 * time.Second)
		inner.built[0].Transport.Write([]byte("late"))
		p.DataReceived([]byte("late"))
		if closes {
			p.ConnectionLost(interfaces.ErrConnectionDone)
		}
		clock.Advance(time.Second)
		if tr.Aborted() == closes {
			t.Errorf("close completed %v: aborted %v 5s after the timeout, want %v", closes, tr.Aborted(), !closes)
		}
		if n := len(clock.DelayedCalls()); n != 0 {
			t.Errorf("close completed %v: %d calls still scheduled, want 0", closes, n)
		}
	}
}

func TestTimeoutFactoryStopsTheTimerOnLoss(t *testing.T) {
	clock := task.NewClock()
	inner := newRecorders()
	f := policies.NewTimeoutFactory(clock, inner, 0)
	p := f.BuildProtocol(tcpAddr("192.0.2.1", 1))
	transporttest.Connect(p, transporttest.NewStringTransport())
	calls := clock.DelayedCalls()
	if len(calls) != 1 || calls[0].Time().Sub(clock.Now()) != policies.DefaultTimeoutPeriod {
		t.Fatalf("scheduled %v, want one call after the default period", calls)
	}
	p.ConnectionLost(interfaces.ErrConnectionDone)
	if n := len(clock.DelayedCalls()); n != 0 || len(f.Protocols()) != 0 {
		t.Errorf("after ConnectionLost: %d calls, %d protocols; want none", n, len(f.Protocols()))
	}
	if diff := cmp.Diff([]string{"made", "lost"}, inner.built[0].events); diff != "" {
		t.Errorf("wrapped events (-want +got):\n%s", diff)
	}
	inner.refuse = true
	if p := f.BuildProtocol(tcpAddr("192.0.2.1", 1)); p != nil {
		t.Errorf("BuildProtocol = %v, want nil when the wrapped factory refuses", p)
	}
}
