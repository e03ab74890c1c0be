package task_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
)

var _ deferred.Clock = (*task.Clock)(nil)

// recorder collects the names of calls in the order they ran.
type recorder struct{ got []string }

func (r *recorder) call(name string) func() {
	return func() { r.got = append(r.got, name) }
}

func TestClockStartsAtEpoch(t *testing.T) {
	c := task.NewClock()
	if want := time.Unix(0, 0).UTC(); !c.Now().Equal(want) {
		t.Fatalf("Now() = %v, want %v", c.Now(), want)
	}
	c.Advance(1500 * time.Millisecond)
	if got, want := c.Now().Sub(time.Unix(0, 0)), 1500*time.Millisecond; got != want {
		t.Fatalf("after Advance, elapsed = %v, want %v", got, want)
	}
}

func TestClockOrder(t *testing.T) {
	tests := []struct {
		name    string
		delays  map[string]time.Duration
		order   []string // scheduling order
		advance []time.Duration
		want    []string
	}{
		{
			name:    "by due time",
			order:   []string{"c", "a", "b"},
			delays:  map[string]time.Duration{"a": 1, "b": 2, "c": 3},
			advance: []time.Duration{3},
			want:    []string{"a", "b", "c"},
		},
		{
			name:    "ties run in scheduling order",
			order:   []string{"x", "y", "z"},
			delays:  map[string]time.Duration{"x": 5, "y": 5, "z": 5},
			advance: []time.Duration{5},
			want:    []string{"x", "y", "z"},
		},
		{
			name:    "nothing before its time",
			order:   []string{"a", "b"},
			delays:  map[string]time.Duration{"a": 2, "b": 4},
			advance: []time.Duration{1, 2},
			want:    []string{"a"},
		},
		{
			name:    "zero and negative delays need an Advance",
			order:   []string{"zero", "neg"},
			delays:  map[string]time.Duration{"zero": 0, "neg": -3},
			advance: []time.Duration{0},
			want:    []string{"neg", "zero"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := task.NewClock()
			var r recorder
			for _, name := range tc.order {
				c.CallLater(tc.delays[name], r.call(name))
			}
			if len(r.got) != 0 {
				t.Fatalf("CallLater ran %v before any Advance", r.got)
			}
			c.Pump(tc.advance)
			if diff := cmp.Diff(tc.want, r.got); diff != "" {
				t.Errorf("calls run (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClockCallsScheduledDuringAdvance(t *testing.T) {
	c := task.NewClock()
	var r recorder
	c.CallLater(time.Second, func() {
		r.got = append(r.got, "first")
		c.CallLater(0, r.call("zero-delay"))
		c.CallLater(time.Second, r.call("next-second"))
	})
	c.Advance(time.Second)
	if diff := cmp.Diff([]string{"first", "zero-delay"}, r.got); diff != "" {
		t.Fatalf("after first Advance (-want +got):\n%s", diff)
	}
	c.Advance(time.Second)
	if diff := cmp.Diff([]string{"first", "zero-delay", "next-second"}, r.got); diff != "" {
		t.Fatalf("after second Advance (-want +got):\n%s", diff)
	}
}

func TestClockResetAndCancelDuringAdvance(t *testing.T) {
	c := task.NewClock()
	var r recorder
	var later, doomed interfaces.DelayedCall
	c.CallLater(time.Second, func() {
		r.got = append(r.got, "a")
		if err := later.Reset(3 * time.Second); err != nil {
			t.Errorf("Reset: %v", err)
		}
		if err := doomed.Cancel(); err != nil {
			t.Errorf("Cancel: %v", err)
		}
	})
	later = c.CallLater(time.Second, r.call("later"))
	doomed = c.CallLater(time.Second, r.call("doomed"))
	c.Advance(2 * time.Second)
	if diff := cmp.Diff([]string{"a"}, r.got); diff != "" {
		t.Fatalf("calls run (-want +got):\n%s", diff)
	}
	// Time moved to 2s before any call ran, so the reset counts from 2s.
	if got, want := later.Time(), time.Unix(5, 0); !got.Equal(want) {
		t.Errorf("reset call Time() = %v, want %v", got, want)
	}
	c.Advance(2 * time.Second)
	if diff := cmp.Diff([]string{"a"}, r.got); diff != "" {
		t.Fatalf("calls run at 4s (-want +got):\n%s", diff)
	}
	c.Advance(time.Second)
	if diff := cmp.Diff([]string{"a", "later"}, r.got); diff != "" {
		t.Fatalf("calls run (-want +got):\n%s", diff)
	}
}

func TestClockResetGoesAfterTies(t *testing.T) {
	c := task.NewClock()
	var r recorder
	first := c.CallLater(time.Second, r.call("first"))
	c.CallLater(2*time.Second, r.call("second"))
	if err := first.Delay(time.Second); err != nil {
		t.Fatalf("Delay: %v", err)
	}
	c.Advance(2 * time.Second)
	if diff := cmp.Diff([]string{"second", "first"}, r.got); diff != "" {
		t.Errorf("calls run (-want +got):\n%s", diff)
	}
}

func TestClockDelayedCallState(t *testing.T) {
	c := task.NewClock()
	ran := c.CallLater(time.Second, func() {})
	cancelled := c.CallLater(time.Second, func() {})
	pending := c.CallLater(time.Minute, func() {})
	if err := cancelled.Cancel(); err != nil {
		t.Fatalf("Cancel: %v", err)
	}
	c.Advance(time.Second)

	for _, tc := range []struct {
		name   string
		dc     interfaces.DelayedCall
		active bool
		want   error
	}{
		{"ran", ran, false, interfaces.ErrAlreadyCalled},
		{"cancelled", cancelled, false, interfaces.ErrAlreadyCancelled},
	} {
		if tc.dc.Active() != tc.active {
			t.Errorf("%s: Active() = %v, want %v", tc.name, tc.dc.Active(), tc.active)
		}
		for op, err := range map[string]error{
			"Cancel": tc.dc.Cancel(),
			"Delay":  tc.dc.Delay(time.Second),
			"Reset":  tc.dc.Reset(time.Second),
		} {
			if !errors.Is(err, tc.want) {
				t.Errorf("%s: %s() = %v, want %v", tc.name, op, err, tc.want)
			}
		}
	}
	if !pending.Active() {
		t.Error("pending call not Active")
	}
	if diff := cmp.Diff([]interfaces.DelayedCall{pending}, c.DelayedCalls(), cmp.Comparer(sameCall)); diff != "" {
		t.Errorf("DelayedCalls (-want +got):\n%s", diff)
	}
}

func TestClockDelayedCallsInRunOrder(t *testing.T) {
	c := task.NewClock()
	b := c.CallLater(2*time.Second, nil)
	a := c.CallLater(time.Second, nil)
	want := []interfaces.DelayedCall{a, b}
	if diff := cmp.Diff(want, c.DelayedCalls(), cmp.Comparer(sameCall)); diff != "" {
		t.Errorf("DelayedCalls (-want +got):\n%s", diff)
	}
	c.Advance(2 * time.Second) // a nil function is allowed and does nothing
	if got := len(c.DelayedCalls()); got != 0 {
		t.Errorf("after Advance, %d calls pending, want 0", got)
	}
}

func TestClockPanicPropagates(t *testing.T) {
	c := task.NewClock()
	var r recorder
	boom := c.CallLater(time.Second, func() { panic("boom") })
	c.CallLater(time.Second, r.call("after"))
	func() {
		defer func() {
			if v := recover(); v != "boom" {
				t.Fatalf("recovered %v, want boom", v)
			}
		}()
		c.Advance(time.Second)
		t.Fatal("Advance returned normally")
	}()
	if boom.Active() {
		t.Error("the panicking call is still Active")
	}
	c.Advance(0)
	if diff := cmp.Diff([]string{"after"}, r.got); diff != "" {
		t.Errorf("calls after the panic (-want +got):\n%s", diff)
	}
}

func TestClockWorksAsDeferredTimeoutClock(t *testing.T) {
	c := task.NewClock()
	d := deferred.New(nil)
	deferred.AddTimeout(d, 5*time.Second, c)
	c.Advance(4 * time.Second)
	if d.Called() {
		t.Fatal("timed out early")
	}
	c.Advance(time.Second)
	if _, err := d.Result(); !errors.Is(err, deferred.ErrTimeout) {
		t.Fatalf("Result() error = %v, want ErrTimeout", err)
	}
	d.AddErrback(func(error) (any, error) { return nil, nil })
}

func sameCall(a, b interfaces.DelayedCall) bool { return a == b }
