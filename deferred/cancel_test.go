// Tests of Deferred.Cancel.

package deferred_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistgo/twistgo/deferred"
)

func TestCancelUnfired(t *testing.T) {
	tests := []struct {
		name      string
		canceller func(d *deferred.Deferred)
		want      any
		wantErr   []error // all must match
	}{
		{name: "no canceller", wantErr: []error{deferred.ErrCancelled}},
		{name: "canceller does not fire", canceller: func(*deferred.Deferred) {}, wantErr: []error{deferred.ErrCancelled}},
		{name: "canceller fires a value", canceller: func(d *deferred.Deferred) { _ = d.Callback("partial") }, want: "partial"},
		{name: "canceller fires an error", canceller: func(d *deferred.Deferred) { _ = d.Errback(errOther) }, wantErr: []error{errOther}},
		{
			name:      "canceller panics",
			canceller: func(*deferred.Deferred) { panic(errBoom) },
			wantErr:   []error{deferred.ErrCancelled, errBoom},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := deferred.New(tc.canceller)
			var got error
			d.AddErrback(func(err error) (any, error) { got = err; return "errback", nil })
			d.Cancel()
			if tc.wantErr == nil {
				wantResult(t, d, tc.want)
				return
			}
			wantResult(t, d, "errback")
			for _, want := range tc.wantErr {
				if !errors.Is(got, want) {
					t.Errorf("errback got %v; want it to match %v", got, want)
				}
			}
		})
	}
	t.Run("panic is a PanicError", func(t *testing.T) {
		d := deferred.New(func(*deferred.Deferred) { panic("x") })
		d.Cancel()
		_, err := d.Result()
		handle(d)
		if _, ok := errors.AsType[*deferred.PanicError](err); !ok {
			t.Errorf("error %v is not a *PanicError", err)
		}
	})
}

func TestCancelLateFire(t *testing.T) {
	t.Run("no canceller: the next fire is swallowed once", func(t *testing.T) {
		d := deferred.New(nil)
		handle(d)
		d.Cancel()
		if err := d.Callback(1); err != nil {
			t.Errorf("first late Callback = %v; want nil (swallowed)", err)
		}
		if err := d.Errback(errBoom); !errors.Is(err, deferred.ErrAlreadyCalled) {
			t.Errorf("second late Errback = %v; want ErrAlreadyCalled", err)
		}
		if _, err := d.Result(); err != nil {
			t.Errorf("late fires changed the result: error %v", err)
		}
	})
	t.Run("with a canceller: no swallowing", func(t *testing.T) {
		d := deferred.New(func(*deferred.Deferred) {})
		handle(d)
		d.Cancel()
		if err := d.Callback(1); !errors.Is(err, deferred.ErrAlreadyCalled) {
			t.Errorf("late Callback = %v; want ErrAlreadyCalled", err)
		}
	})
}

func TestCancelTwiceRunsCancellerOnce(t *testing.T) {
	calls := 0
	d := deferred.New(func(*deferred.Deferred) { calls++ })
	handle(d)
	d.Cancel()
	d.Cancel()
	if calls != 1 {
		t.Errorf("canceller ran %d times; want 1", calls)
	}
	wantResult(t, d, nil)
}

func TestCancelFiredIsNoOp(t *testing.T) {
	called := false
	d := deferred.New(func(*deferred.Deferred) { called = true })
	_ = d.Callback("done")
	d.Cancel()
	if called {
		t.Error("canceller ran on a fired Deferred")
	}
	wantResult(t, d, "done")
}

func TestCancelThroughChain(t *testing.T) {
	tr := &trace{}
	var cancelled []string
	canceller := func(name string) func(*deferred.Deferred) {
		return func(*deferred.Deferred) { cancelled = append(cancelled, name) }
	}
	outer := deferred.New(canceller("outer"))
	mid := deferred.New(canceller("mid"))
	inner := deferred.New(canceller("inner"))
	outer.AddCallback(tr.returning("outer", mid)).AddErrback(tr.eb("outer-eb", "stopped", nil))
	mid.AddCallback(tr.returning("mid", inner))
	_ = outer.Callback("o")
	_ = mid.Callback("m")

	outer.Cancel()

	if diff := cmp.Diff([]string{"inner"}, cancelled); diff != "" {
		t.Errorf("cancellers run (-want +got):\n%s", diff)
	}
	want := []string{"outer(o)", "mid(m)", "outer-eb(deferred: cancelled)"}
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	wantResult(t, outer, "stopped")
	if err := inner.Callback("too late"); !errors.Is(err, deferred.ErrAlreadyCalled) {
		t.Errorf("inner.Callback after cancel = %v; want ErrAlreadyCalled", err)
	}
}

func TestCancelWhilePaused(t *testing.T) {
	tr := &trace{}
	d := deferred.New(nil)
	d.AddErrback(tr.eb("eb", "ok", nil))
	d.Pause()
	d.Cancel()
	if len(tr.log) != 0 {
		t.Fatalf("errback ran while paused: %v", tr.log)
	}
	d.Unpause()
	if diff := cmp.Diff([]string{"eb(deferred: cancelled)"}, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestCancelDeepChain(t *testing.T) {
	ds := make([]*deferred.Deferred, deep)
	for i := range ds {
		ds[i] = deferred.New(nil)
	}
	for i := range deep - 1 {
		next := ds[i+1]
		ds[i].AddCallback(func(any) (any, error) { return next, nil })
	}
	for _, d := range ds[:deep-1] {
		_ = d.Callback(nil)
	}
	ds[0].Cancel()
	wantError(t, ds[0], deferred.ErrCancelled)
	handle(ds[0])
	wantResult(t, ds[deep-1], nil)
}
