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

// elapsed returns the clock's time since its start.
func elapsed(c *task.Clock) time.Duration { return c.Now().Sub(time.Unix(0, 0)) }

// mustStart starts lc or fails the test.
func mustStart(t *testing.T, lc *task.LoopingCall, interval time.Duration, now bool) *deferred.Deferred {
	t.Helper()
	d, err := lc.Start(interval, now)
	if err != nil {
		t.Fatalf("Start(%v, %v): %v", interval, now, err)
	}
	return d
}

// result returns d's result, failing the test if d has not fired.
func result(t *testing.T, d *deferred.Deferred) (any, error) {
	t.Helper()
	if !d.Called() {
		t.Fatal("Deferred has not fired")
	}
	r, err := d.Result()
	d.AddErrback(func(error) (any, error) { return nil, nil }) // handled here
	return r, err
}

func TestLoopingCallTimes(t *testing.T) {
	tests := []struct {
		name    string
		now     bool
		advance []time.Duration
		want    []time.Duration // clock times of the calls
	}{
		{
			name:    "now",
			now:     true,
			advance: []time.Duration{time.Second, time.Second, 500 * time.Millisecond},
			want:    []time.Duration{0, time.Second, 2 * time.Second},
		},
		{
			name:    "not now",
			now:     false,
			advance: []time.Duration{999 * time.Millisecond, time.Millisecond, time.Second},
			want:    []time.Duration{time.Second, 2 * time.Second},
		},
		{
			name:    "missed ticks are skipped, not caught up",
			now:     true,
			advance: []time.Duration{3500 * time.Millisecond, 500 * time.Millisecond, time.Second},
			want:    []time.Duration{0, 3500 * time.Millisecond, 4 * time.Second, 5 * time.Second},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := task.NewClock()
			var got []time.Duration
			lc := task.NewLoopingCall(c, func() (any, error) {
				got = append(got, elapsed(c))
				return nil, nil
			})
			d := mustStart(t, lc, time.Second, tc.now)
			c.Pump(tc.advance)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("call times (-want +got):\n%s", diff)
			}
			if d.Called() {
				t.Fatal("Start's Deferred fired while running")
			}
			if err := lc.Stop(); err != nil {
				t.Fatalf("Stop: %v", err)
			}
			if r, err := result(t, d); err != nil || r != lc {
				t.Errorf("Start's Deferred = %v, %v; want the LoopingCall", r, err)
			}
			if n := len(c.DelayedCalls()); n != 0 {
				t.Errorf("%d calls still scheduled after Stop", n)
			}
		})
	}
}

func TestLoopingCallWithCountSkips(t *testing.T) {
	tests := []struct {
		name    string
		now     bool
		advance []time.Duration
		want    []int
	}{
		{"on time", true, []time.Duration{time.Second, time.Second}, []int{1, 1, 1}},
		{"not now", false, []time.Duration{time.Second, time.Second}, []int{1, 1}},
		{"late by three", true, []time.Duration{3500 * time.Millisecond, 500 * time.Millisecond}, []int{1, 3, 1}},
		{"late before first", false, []time.Duration{2 * time.Second, 2 * time.Second}, []int{2, 2}},
		{"exactly on later tick", true, []time.Duration{5 * time.Second}, []int{1, 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := task.NewClock()
			var got []int
			lc := task.NewLoopingCallWithCount(c, func(n int) (any, error) {
				got = append(got, n)
				return nil, nil
			})
			mustStart(t, lc, time.Second, tc.now)
			c.Pump(tc.advance)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("counts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoopingCallWithCountIntervalZero(t *testing.T) {
	c := task.NewClock()
	var got []int
	var lc *task.LoopingCall
	lc = task.NewLoopingCallWithCount(c, func(n int) (any, error) {
		got = append(got, n)
		if len(got) == 5 {
			return nil, lc.Stop()
		}
		return nil, nil
	})
	d := mustStart(t, lc, 0, false)
	c.Advance(0)
	if diff := cmp.Diff([]int{1, 1, 1, 1, 1}, got); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if _, err := result(t, d); err != nil {
		t.Errorf("Start's Deferred failed: %v", err)
	}
}

func TestLoopingCallWaitsForDeferred(t *testing.T) {
	c := task.NewClock()
	var pending *deferred.Deferred
	calls := 0
	lc := task.NewLoopingCall(c, func() (any, error) {
		calls++
		pending = deferred.New(nil)
		return pending, nil
	})
	mustStart(t, lc, time.Second, true)
	c.Pump([]time.Duration{time.Second, time.Second, 500 * time.Millisecond})
	if calls != 1 {
		t.Fatalf("%d calls while the first Deferred is pending, want 1", calls)
	}
	if err := pending.Callback(nil); err != nil {
		t.Fatal(err)
	}
	// Fired at 2.5s: the next call is at the next tick, 3s.
	c.Advance(499 * time.Millisecond)
	if calls != 1 {
		t.Fatalf("called again before the next tick")
	}
	c.Advance(time.Millisecond)
	if calls != 2 {
		t.Fatalf("%d calls at the next tick, want 2", calls)
	}
}

func TestLoopingCallStopWhileDeferredPending(t *testing.T) {
	c := task.NewClock()
	pending := deferred.New(nil)
	lc := task.NewLoopingCall(c, func() (any, error) { return pending, nil })
	d := mustStart(t, lc, time.Second, true)
	if err := lc.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if d.Called() {
		t.Fatal("Start's Deferred fired before the function's Deferred")
	}
	if _, err := lc.Start(time.Second, true); !errors.Is(err, task.ErrLoopRunning) {
		t.Errorf("Start while the old call is pending = %v, want ErrLoopRunning", err)
	}
	_ = pending.Callback("ok")
	if r, err := result(t, d); err != nil || r != lc {
		t.Errorf("Start's Deferred = %v, %v; want the LoopingCall", r, err)
	}
	if n := len(c.DelayedCalls()); n != 0 {
		t.Errorf("%d calls scheduled after stop completed", n)
	}
}

func TestLoopingCallFailureStops(t *testing.T) {
	errBoom := errors.New("boom")
	tests := []struct {
		name  string
		f     func() (any, error)
		check func(error) bool
	}{
		{"error", func() (any, error) { return nil, errBoom }, func(err error) bool { return errors.Is(err, errBoom) }},
		{"failed Deferred", func() (any, error) { return deferred.Fail(errBoom), nil }, func(err error) bool { return errors.Is(err, errBoom) }},
		{"panic", func() (any, error) { panic("boom") }, func(err error) bool {
			var pe *deferred.PanicError
			return errors.As(err, &pe) && pe.Value == "boom"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := task.NewClock()
			calls := 0
			lc := task.NewLoopingCall(c, func() (any, error) {
				calls++
				if calls == 2 {
					return tc.f()
				}
				return nil, nil
			})
			d := mustStart(t, lc, time.Second, true)
			c.Pump([]time.Duration{time.Second, time.Second})
			if _, err := result(t, d); !tc.check(err) {
				t.Errorf("Start's Deferred error = %v", err)
			}
			if lc.Running() || calls != 2 {
				t.Errorf("Running() = %v after %d calls; want stopped after 2", lc.Running(), calls)
			}
			if n := len(c.DelayedCalls()); n != 0 {
				t.Errorf("%d calls scheduled after failure", n)
			}
		})
	}
}

func TestLoopingCallErrors(t *testing.T) {
	c := task.NewClock()
	lc := task.NewLoopingCall(c, func() (any, error) { return nil, nil })
	if err := lc.Stop(); !errors.Is(err, task.ErrLoopNotRunning) {
		t.Errorf("Stop before Start = %v, want ErrLoopNotRunning", err)
	}
	if err := lc.Reset(); !errors.Is(err, task.ErrLoopNotRunning) {
		t.Errorf("Reset before Start = %v, want ErrLoopNotRunning", err)
	}
	if _, err := lc.Start(-time.Second, true); !errors.Is(err, interfaces.ErrInvalidArgument) {
		t.Errorf("Start(-1s) = %v, want ErrInvalidArgument", err)
	}
	mustStart(t, lc, time.Second, true)
	if _, err := lc.Start(time.Second, true); !errors.Is(err, task.ErrLoopRunning) {
		t.Errorf("second Start = %v, want ErrLoopRunning", err)
	}
	if !lc.Running() || lc.Interval() != time.Second {
		t.Errorf("Running() = %v, Interval() = %v", lc.Running(), lc.Interval())
	}
}

func TestLoopingCallReset(t *testing.T) {
	c := task.NewClock()
	var got []time.Duration
	lc := task.NewLoopingCall(c, func() (any, error) {
		got = append(got, elapsed(c))
		return nil, nil
	})
	mustStart(t, lc, time.Second, false)
	c.Advance(700 * time.Millisecond)
	if err := lc.Reset(); err != nil {
		t.Fatalf("Reset: %v", err)
	}
	c.Pump([]time.Duration{300 * time.Millisecond, 700 * time.Millisecond, time.Second})
	want := []time.Duration{1700 * time.Millisecond, 2700 * time.Millisecond}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("call times (-want +got):\n%s", diff)
	}
}

func TestLoopingCallRestartFromDoneCallback(t *testing.T) {
	c := task.NewClock()
	calls := 0
	lc := task.NewLoopingCall(c, func() (any, error) { calls++; return nil, nil })
	d := mustStart(t, lc, time.Second, true)
	var restarted *deferred.Deferred
	d.AddCallback(func(any) (any, error) {
		var err error
		restarted, err = lc.Start(time.Second, false)
		return nil, err
	})
	if err := lc.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := result(t, d); err != nil || restarted == nil {
		t.Fatalf("restart from the done callback failed: %v", err)
	}
	c.Advance(time.Second)
	if calls != 2 || !lc.Running() {
		t.Errorf("calls = %d, Running() = %v; want 2, true", calls, lc.Running())
	}
}
