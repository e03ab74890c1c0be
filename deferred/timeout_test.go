// Tests of AddTimeout.

package deferred_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twistgo/twistgo/deferred"
)

func TestAddTimeout(t *testing.T) {
	const timeout = 5 * time.Second
	tests := []struct {
		name      string
		canceller func(d *deferred.Deferred)
		// act runs after AddTimeout; it fires d and/or advances the clock.
		act     func(d *deferred.Deferred, c *fakeClock)
		want    any
		wantErr error
		notErr  error // must not match
	}{
		{
			name: "result in time passes untouched",
			act: func(d *deferred.Deferred, c *fakeClock) {
				c.Advance(timeout - time.Nanosecond)
				_ = d.Callback("in time")
			},
			want: "in time",
		},
		{
			name: "error in time passes untouched",
			act: func(d *deferred.Deferred, c *fakeClock) {
				c.Advance(time.Second)
				_ = d.Errback(errBoom)
			},
			wantErr: errBoom,
			notErr:  deferred.ErrTimeout,
		},
		{
			name:    "no result in time: ErrTimeout",
			act:     func(d *deferred.Deferred, c *fakeClock) { c.Advance(timeout) },
			wantErr: deferred.ErrTimeout,
			notErr:  deferred.ErrCancelled,
		},
		{
			name:      "canceller that does not fire: ErrTimeout",
			canceller: func(*deferred.Deferred) {},
			act:       func(d *deferred.Deferred, c *fakeClock) { c.Advance(timeout) },
			wantErr:   deferred.ErrTimeout,
		},
		{
			name:      "canceller supplies a value: it passes through",
			canceller: func(d *deferred.Deferred) { _ = d.Callback("fallback") },
			act:       func(d *deferred.Deferred, c *fakeClock) { c.Advance(timeout) },
			want:      "fallback",
		},
		{
			name:      "canceller supplies another error: it passes through",
			canceller: func(d *deferred.Deferred) { _ = d.Errback(errOther) },
			act:       func(d *deferred.Deferred, c *fakeClock) { c.Advance(timeout) },
			wantErr:   errOther,
			notErr:    deferred.ErrTimeout,
		},
		{
			name: "cancelled by the user before the time: stays ErrCancelled",
			act: func(d *deferred.Deferred, c *fakeClock) {
				d.Cancel()
				c.Advance(timeout)
			},
			wantErr: deferred.ErrCancelled,
			notErr:  deferred.ErrTimeout,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := newFakeClock()
			d := deferred.New(tc.canceller)
			if got := deferred.AddTimeout(d, timeout, clock); got != d {
				t.Fatalf("AddTimeout returned %p; want d %p", got, d)
			}
			if clock.Pending() != 1 {
				t.Fatalf("AddTimeout scheduled %d calls; want 1", clock.Pending())
			}
			tc.act(d, clock)
			if clock.Pending() != 0 {
				t.Errorf("%d calls still scheduled after d fired; the timer must be cancelled", clock.Pending())
			}
			if tc.wantErr == nil {
				wantResult(t, d, tc.want)
				return
			}
			wantError(t, d, tc.wantErr)
			_, err := d.Result()
			handle(d)
			if tc.notErr != nil && errors.Is(err, tc.notErr) {
				t.Errorf("error %v matches %v; it must not", err, tc.notErr)
			}
		})
	}
}

func TestAddTimeoutCoversEarlierCallbacksOnly(t *testing.T) {
	tr := &trace{}
	clock := newFakeClock()
	d := deferred.New(nil)
	d.AddErrback(tr.keep("before"))
	deferred.AddTimeout(d, time.Second, clock)
	d.AddErrback(tr.eb("after", "handled", nil))
	clock.Advance(time.Second)
	want := []string{"before(deferred: cancelled)", "after(deferred: timed out after 1s)"}
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestAddTimeoutLateResultSwallowed(t *testing.T) {
	clock := newFakeClock()
	d := deferred.AddTimeout(deferred.New(nil), time.Second, clock)
	clock.Advance(time.Second)
	if err := d.Callback("late"); err != nil {
		t.Errorf("late Callback after a timeout = %v; want nil (swallowed, no canceller)", err)
	}
	wantError(t, d, deferred.ErrTimeout)
	handle(d)
}

func TestAddTimeoutWaitsOnInner(t *testing.T) {
	clock := newFakeClock()
	inner := deferred.New(nil)
	d := deferred.Succeed(nil).AddCallback(func(any) (any, error) { return inner, nil })
	deferred.AddTimeout(d, time.Second, clock)
	clock.Advance(time.Second)
	wantError(t, d, deferred.ErrTimeout) // cancelling d cancelled inner
	handle(d)
	wantResult(t, inner, nil)
}

func TestAddTimeoutOnFiredDeferred(t *testing.T) {
	clock := newFakeClock()
	d := deferred.AddTimeout(deferred.Succeed(1), time.Second, clock)
	if clock.Pending() != 0 {
		t.Errorf("timer for an already-fired Deferred still pending")
	}
	clock.Advance(time.Hour)
	wantResult(t, d, 1)
}

func TestAddTimeoutNilClock(t *testing.T) {
	d := deferred.AddTimeout(deferred.New(nil), time.Second, nil)
	wantError(t, d, deferred.ErrTimeout)
	_, err := d.Result()
	handle(d)
	if !strings.Contains(err.Error(), "1s") {
		t.Errorf("timeout error %q does not name the timeout", err)
	}
}
