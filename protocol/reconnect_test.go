package protocol_test

import (
	"bytes"
	"log/slog"
	"math"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
	"github.com/twistgo/twistgo/protocol"
)

// fakeConnector counts what a factory asks of it.
type fakeConnector struct {
	connects, stops int
	connecting      bool
}

func (c *fakeConnector) Connect() error {
	c.connects++
	c.connecting = true
	return nil
}

func (c *fakeConnector) StopConnecting() error {
	if !c.connecting {
		return interfaces.ErrNotConnecting
	}
	c.stops++
	c.connecting = false
	return nil
}

func (c *fakeConnector) Disconnect()              {}
func (c *fakeConnector) GetDestination() net.Addr { return fakeAddr("dest:1") }

// waits fails the connection n times, letting each retry run, and returns
// the waits the factory chose.
func waits(f *protocol.ReconnectingClientFactory, clock *task.Clock, c *fakeConnector, n int) []time.Duration {
	var got []time.Duration
	for range n {
		c.connecting = false
		f.ClientConnectionFailed(c, interfaces.ErrConnectionRefused)
		dc := f.Pending()
		if dc == nil {
			return got
		}
		wait := dc.Time().Sub(clock.Now())
		got = append(got, wait)
		clock.Advance(wait)
	}
	return got
}

func seconds(s ...float64) []time.Duration {
	out := make([]time.Duration, len(s))
	for i, v := range s {
		out[i] = time.Duration(v * float64(time.Second))
	}
	return out
}

// approx compares durations to the microsecond: float rounding differs.
var approx = cmp.Comparer(func(a, b time.Duration) bool { return (a - b).Abs() < time.Microsecond })

func TestReconnectBackoff(t *testing.T) {
	e := math.E
	tests := []struct {
		name   string
		setup  func(f *protocol.ReconnectingClientFactory)
		n      int
		want   []time.Duration
		retrys int
	}{
		{
			name:  "defaults without jitter",
			setup: func(f *protocol.ReconnectingClientFactory) { f.Jitter = 0 },
			n:     4,
			want:  seconds(1, e, e*e, e*e*e),
		},
		{
			name:  "capped at MaxDelay",
			setup: func(f *protocol.ReconnectingClientFactory) { f.Jitter = 0 },
			n:     12,
			want:  seconds(1, e, e*e, e*e*e, math.Pow(e, 4), math.Pow(e, 5), math.Pow(e, 6), math.Pow(e, 7), math.Pow(e, 8), 3600, 3600, 3600),
		},
		{
			name: "custom delays",
			setup: func(f *protocol.ReconnectingClientFactory) {
				f.Jitter, f.InitialDelay, f.Factor, f.MaxDelay = 0, 100*time.Millisecond, 2, time.Second
			},
			n:    6,
			want: seconds(0.1, 0.2, 0.4, 0.8, 1, 1),
		},
		{
			name: "fixed jitter source",
			setup: func(f *protocol.ReconnectingClientFactory) {
				f.Jitter, f.Factor = 0.5, 2
				devs := []float64{1, -1, 0.5}
				f.Normal = func() float64 { d := devs[0]; devs = devs[1:]; return d }
			},
			n:    3,
			want: seconds(1.5, 1, 5),
		},
		{
			name: "jitter never exceeds MaxDelay nor goes negative",
			setup: func(f *protocol.ReconnectingClientFactory) {
				f.Jitter, f.Factor, f.MaxDelay = 1, 2, 3*time.Second
				devs := []float64{5, -5, 0.9, 3}
				f.Normal = func() float64 { d := devs[0]; devs = devs[1:]; return d }
			},
			n:    4,
			want: seconds(3, 0, 3, 3),
		},
		{
			name: "MaxRetries gives up",
			setup: func(f *protocol.ReconnectingClientFactory) {
				f.Jitter, f.MaxRetries = 0, 2
				f.Logger = slog.New(slog.DiscardHandler)
			},
			n:    5,
			want: seconds(1, e),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := task.NewClock()
			f := protocol.NewReconnectingClientFactory(clock, nil)
			tc.setup(f)
			c := &fakeConnector{}
			got := waits(f, clock, c, tc.n)
			if diff := cmp.Diff(tc.want, got, approx); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
			if c.connects != len(tc.want) {
				t.Errorf("Connect calls = %d, want %d", c.connects, len(tc.want))
			}
		})
	}
}

func TestReconnectLogsGivingUp(t *testing.T) {
	clock := task.NewClock()
	f := protocol.NewReconnectingClientFactory(clock, nil)
	var log bytes.Buffer
	f.MaxRetries, f.Logger = 1, slog.New(slog.NewTextHandler(&log, nil))
	waits(f, clock, &fakeConnector{}, 3)
	if got := log.String(); !strings.Contains(got, "giving up") || !strings.Contains(got, "destination=dest:1") {
		t.Errorf("log %q, want a notice of giving up on dest:1", got)
	}
}

func TestReconnectDefaultJitterStaysNearTheDelay(t *testing.T) {
	clock := task.NewClock()
	f := protocol.NewReconnectingClientFactory(clock, nil)
	got := waits(f, clock, &fakeConnector{}, 20)
	if len(got) != 20 {
		t.Fatalf("got %d waits, want 20", len(got))
	}
	for i, w := range got {
		if w < 0 || w > protocol.DefaultMaxDelay {
			t.Errorf("wait %d = %v, outside [0, MaxDelay]", i, w)
		}
	}
}

func TestReconnectZeroValueUsesDefaults(t *testing.T) {
	clock := task.NewClock()
	f := &protocol.ReconnectingClientFactory{Clock: clock}
	got := waits(f, clock, &fakeConnector{}, 2)
	if diff := cmp.Diff(seconds(1, math.E), got, approx); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
}

func TestReconnectOnLoss(t *testing.T) {
	clock := task.NewClock()
	f := protocol.NewReconnectingClientFactory(clock, nil)
	f.Jitter = 0
	c := &fakeConnector{}
	f.ClientConnectionLost(c, interfaces.ErrConnectionLost)
	clock.Advance(time.Second)
	if c.connects != 1 || f.Retries() != 1 {
		t.Errorf("connects %d, retries %d; want 1, 1", c.connects, f.Retries())
	}
}

func TestReconnectStopTrying(t *testing.T) {
	clock := task.NewClock()
	f := protocol.NewReconnectingClientFactory(clock, nil)
	c := &fakeConnector{}
	f.ClientConnectionFailed(c, interfaces.ErrConnectionRefused)
	if f.Pending() == nil {
		t.Fatal("no retry scheduled")
	}
	c.connecting = true // an attempt is in progress too
	f.StopTrying()
	if f.Pending() != nil || len(clock.DelayedCalls()) != 0 {
		t.Errorf("a retry is still scheduled after StopTrying")
	}
	if c.stops != 1 {
		t.Errorf("StopConnecting calls = %d, want 1", c.stops)
	}
	f.ClientConnectionFailed(c, interfaces.ErrConnectionRefused)
	f.ClientConnectionLost(c, interfaces.ErrConnectionDone)
	f.Retry(nil)
	clock.Advance(protocol.DefaultMaxDelay)
	if c.connects != 0 {
		t.Errorf("Connect calls after StopTrying = %d, want 0", c.connects)
	}
	f.StopTrying() // not connecting: ErrNotConnecting is swallowed
}

func TestReconnectResetDelay(t *testing.T) {
	clock := task.NewClock()
	f := protocol.NewReconnectingClientFactory(clock, nil)
	f.Jitter, f.MaxRetries = 0, 3
	c := &fakeConnector{}
	waits(f, clock, c, 3)
	f.ResetDelay()
	if f.Retries() != 0 {
		t.Errorf("Retries after ResetDelay = %d, want 0", f.Retries())
	}
	if diff := cmp.Diff(seconds(1, math.E), waits(f, clock, c, 2), approx); diff != "" {
		t.Errorf("waits after ResetDelay (-want +got):\n%s", diff)
	}
	f.StopTrying()
	f.ResetDelay()
	if got := waits(f, clock, c, 1); len(got) != 1 {
		t.Errorf("ResetDelay did not undo StopTrying: waits %v", got)
	}
}

func TestRetryUsesLastConnectorAndReplacesPending(t *testing.T) {
	clock := task.NewClock()
	f := protocol.NewReconnectingClientFactory(clock, nil)
	var log bytes.Buffer
	f.Jitter, f.Logger = 0, slog.New(slog.NewTextHandler(&log, nil))
	f.Retry(nil) // no connector yet: nothing to do
	if f.Pending() != nil {
		t.Fatal("retry scheduled without a connector")
	}
	if !strings.Contains(log.String(), "level=ERROR") {
		t.Errorf("retrying without a connector logged %q, want an error", log.String())
	}
	c := &fakeConnector{}
	f.ClientConnectionFailed(c, interfaces.ErrConnectionRefused)
	f.Retry(nil)
	if n := len(clock.DelayedCalls()); n != 1 {
		t.Errorf("scheduled retries = %d, want 1", n)
	}
	clock.Advance(time.Hour)
	if c.connects != 1 {
		t.Errorf("Connect calls = %d, want 1", c.connects)
	}
}
