package internet_test

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

func TestCallLaterOrder(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		var got []string
		at := func(d time.Duration, name string) {
			r.CallLater(d, func() { got = append(got, name) })
		}
		at(40*time.Millisecond, "40ms")
		at(0, "zero-a")
		at(20*time.Millisecond, "20ms")
		at(-10*time.Millisecond, "negative")
		at(10*time.Millisecond, "10ms")
		at(0, "zero-b")
		r.CallLater(50*time.Millisecond, func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		want := []string{"zero-a", "negative", "zero-b", "10ms", "20ms", "40ms"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("firing order (-want +got):\n%s", diff)
		}
	})
}

func TestCallLaterFiresInTimeOrder(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		const n = 500
		var fired []time.Time
		rng := rand.New(rand.NewPCG(1, 2))
		for range n {
			var dc interfaces.DelayedCall
			dc = r.CallLater(time.Duration(rng.IntN(20))*time.Millisecond, func() {
				fired = append(fired, dc.Time())
				if len(fired) == n {
					_ = r.Stop()
				}
			})
		}
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		if len(fired) != n {
			t.Fatalf("%d calls fired, want %d", len(fired), n)
		}
		if !slices.IsSortedFunc(fired, func(a, b time.Time) int { return a.Compare(b) }) {
			t.Errorf("calls did not fire in the order of their Time()")
		}
	})
}

func TestCallLaterNeverRunsInline(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		var got []string
		r.CallLater(0, func() {
			got = append(got, "outer")
			r.CallLater(0, func() { got = append(got, "inner") })
			r.CallLater(-time.Second, func() { got = append(got, "inner-negative") })
			got = append(got, "outer-end")
		})
		r.Iterate(0)
		if diff := cmp.Diff([]string{"outer", "outer-end"}, got); diff != "" {
			t.Errorf("after one turn (-want +got):\n%s", diff)
		}
		r.Iterate(0)
		want := []string{"outer", "outer-end", "inner", "inner-negative"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("after two turns (-want +got):\n%s", diff)
		}
	})
}

func TestDelayedCallCancel(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		ran := false
		dc := r.CallLater(0, func() { ran = true })
		if !dc.Active() {
			t.Errorf("Active before Cancel = false")
		}
		if err := dc.Cancel(); err != nil {
			t.Fatalf("Cancel: %v", err)
		}
		for _, tc := range []struct {
			name string
			err  error
		}{
			{"Cancel", dc.Cancel()},
			{"Delay", dc.Delay(time.Second)},
			{"Reset", dc.Reset(time.Second)},
		} {
			if !errors.Is(tc.err, interfaces.ErrAlreadyCancelled) {
				t.Errorf("%s after Cancel = %v, want ErrAlreadyCancelled", tc.name, tc.err)
			}
		}
		if dc.Active() {
			t.Errorf("Active after Cancel = true")
		}
		if n := len(r.DelayedCalls()); n != 0 {
			t.Errorf("DelayedCalls after Cancel has %d calls", n)
		}
		r.Iterate(0)
		if ran {
			t.Errorf("cancelled call ran")
		}
	})
}

func TestDelayedCallAfterRunning(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		runs := 0
		dc := r.CallLater(0, func() { runs++ })
		r.Iterate(0)
		r.Iterate(0)
		if runs != 1 {
			t.Fatalf("call ran %d times, want 1", runs)
		}
		if dc.Active() {
			t.Errorf("Active after running = true")
		}
		for _, tc := range []struct {
			name string
			err  error
		}{
			{"Cancel", dc.Cancel()},
			{"Delay", dc.Delay(time.Second)},
			{"Reset", dc.Reset(time.Second)},
		} {
			if !errors.Is(tc.err, interfaces.ErrAlreadyCalled) {
				t.Errorf("%s after running = %v, want ErrAlreadyCalled", tc.name, tc.err)
			}
		}
	})
}

func TestDelayedCallResetAndDelay(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		var got []string
		early := r.CallLater(time.Hour, func() { got = append(got, "reset-to-now") })
		late := r.CallLater(0, func() { got = append(got, "delayed-by-an-hour") })
		mid := r.CallLater(20*time.Millisecond, func() { got = append(got, "20ms"); _ = r.Stop() })

		before := r.Now()
		if err := early.Reset(10 * time.Millisecond); err != nil {
			t.Fatalf("Reset: %v", err)
		}
		after := r.Now()
		if tm := early.Time(); tm.Before(before.Add(10*time.Millisecond)) || tm.After(after.Add(10*time.Millisecond)) {
			t.Errorf("Time after Reset(10ms) = %v, want between %v and %v", tm, before, after)
		}
		was := late.Time()
		if err := late.Delay(time.Hour); err != nil {
			t.Fatalf("Delay: %v", err)
		}
		if d := late.Time().Sub(was); d != time.Hour {
			t.Errorf("Delay(1h) moved Time by %v", d)
		}
		if n := len(r.DelayedCalls()); n != 3 {
			t.Errorf("DelayedCalls has %d calls, want 3", n)
		}
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		if diff := cmp.Diff([]string{"reset-to-now", "20ms"}, got); diff != "" {
			t.Errorf("calls run (-want +got):\n%s", diff)
		}
		if !late.Active() || mid.Active() || early.Active() {
			t.Errorf("Active: late %v, mid %v, early %v; want true, false, false",
				late.Active(), mid.Active(), early.Active())
		}
	})
}

func TestDelayedCallNegativeDelayRunsNextTurn(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		ran := false
		dc := r.CallLater(time.Hour, func() { ran = true })
		if err := dc.Delay(-2 * time.Hour); err != nil {
			t.Fatalf("Delay: %v", err)
		}
		if dc.Time().After(r.Now()) {
			t.Errorf("Time after Delay(-2h) = %v, in the future", dc.Time())
		}
		r.Iterate(0)
		if !ran {
			t.Errorf("call moved into the past did not run on the next turn")
		}
	})
}
