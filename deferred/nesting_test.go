// Tests of implicit chaining: callbacks that return a *Deferred.

package deferred_test

import (
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistgo/twistgo/deferred"
)

func TestNestedOrdering(t *testing.T) {
	tr := &trace{}
	outer, inner := deferred.New(nil), deferred.New(nil)
	inner.AddCallback(tr.cb("inner-before", "from inner", nil))
	outer.AddCallback(tr.returning("outer-1", inner)).AddCallback(tr.pass("outer-2"))
	if err := outer.Callback("o"); err != nil {
		t.Fatal(err)
	}
	if got, _ := outer.Result(); got != inner {
		t.Fatalf("while waiting, outer.Result() = %v; want the inner Deferred", got)
	}
	inner.AddCallback(tr.pass("inner-after"))
	if err := inner.Callback("i"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"outer-1(o)",
		"inner-before(i)",     // added before return: runs before the outer resumes
		"outer-2(from inner)", // the outer continues with the inner's result
		"inner-after(<nil>)",  // added after return: runs after, and sees nil
	}
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	wantResult(t, outer, "from inner")
	wantResult(t, inner, nil)
}

func TestNestedCases(t *testing.T) {
	tests := []struct {
		name string
		// inner returns the Deferred the outer callback returns and a
		// function that fires it (nil if it is already fired).
		inner     func(tr *trace) (*deferred.Deferred, func())
		wantLog   []string
		want      any
		wantErr   error
		wantInner any
	}{
		{
			name: "already fired inner: its result is stolen",
			inner: func(tr *trace) (*deferred.Deferred, func()) {
				return deferred.Succeed("ready"), nil
			},
			wantLog: []string{"outer(o)", "next(ready)"},
			want:    "ready",
		},
		{
			name: "unfired inner succeeds later",
			inner: func(tr *trace) (*deferred.Deferred, func()) {
				d := deferred.New(nil)
				return d, func() { _ = d.Callback("later") }
			},
			wantLog: []string{"outer(o)", "next(later)"},
			want:    "later",
		},
		{
			name: "already failed inner: the outer takes the errback path",
			inner: func(tr *trace) (*deferred.Deferred, func()) {
				return deferred.Fail(errBoom), nil
			},
			wantLog: []string{"outer(o)", "eb(boom)"},
			wantErr: errBoom,
		},
		{
			name: "unfired inner fails later",
			inner: func(tr *trace) (*deferred.Deferred, func()) {
				d := deferred.New(nil)
				return d, func() { _ = d.Errback(errBoom) }
			},
			wantLog: []string{"outer(o)", "eb(boom)"},
			wantErr: errBoom,
		},
		{
			name: "paused fired inner blocks the outer until unpaused",
			inner: func(tr *trace) (*deferred.Deferred, func()) {
				d := deferred.New(nil)
				d.Pause()
				_ = d.Callback("held")
				return d, d.Unpause
			},
			wantLog: []string{"outer(o)", "next(held)"},
			want:    "held",
		},
		{
			name: "inner that itself waits on a third Deferred",
			inner: func(tr *trace) (*deferred.Deferred, func()) {
				mid, third := deferred.New(nil), deferred.New(nil)
				mid.AddCallback(tr.returning("mid", third))
				_ = mid.Callback("m")
				return mid, func() { _ = third.Callback("deep") }
			},
			wantLog: []string{"mid(m)", "outer(o)", "next(deep)"},
			want:    "deep",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := &trace{}
			inner, fire := tc.inner(tr)
			outer := deferred.New(nil)
			outer.AddCallback(tr.returning("outer", inner)).AddCallbacks(tr.pass("next"), tr.keep("eb"))
			if err := outer.Callback("o"); err != nil {
				t.Fatal(err)
			}
			if fire != nil {
				if len(tr.log) != 1+countPrefix(tr.log, "mid") {
					t.Fatalf("outer went on before the inner fired: %v", tr.log)
				}
				fire()
			}
			if diff := cmp.Diff(tc.wantLog, tr.log); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
			if tc.wantErr != nil {
				wantError(t, outer, tc.wantErr)
				handle(outer)
			} else {
				wantResult(t, outer, tc.want)
			}
			wantResult(t, inner, nil) // result handed over, inner keeps nil
			if err := inner.UnhandledError(); err != nil {
				t.Errorf("inner.UnhandledError() = %v; the outer handles it", err)
			}
		})
	}
}

func countPrefix(log []string, prefix string) int {
	n := 0
	for _, s := range log {
		if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
			n++
		}
	}
	return n
}

func TestReturningInvalidDeferred(t *testing.T) {
	tests := []struct {
		name string
		ret  func(d *deferred.Deferred) any
	}{
		{"itself", func(d *deferred.Deferred) any { return d }},
		{"nil *Deferred", func(*deferred.Deferred) any { return (*deferred.Deferred)(nil) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := deferred.New(nil)
			d.AddCallback(func(any) (any, error) { return tc.ret(d), nil })
			if err := d.Callback(1); err != nil {
				t.Fatal(err)
			}
			wantError(t, d, deferred.ErrInvalidResult)
			handle(d)
		})
	}
}

// stackDepth reports the number of frames on the calling goroutine's stack,
// capped at the buffer size so a runaway recursion shows as the cap.
func stackDepth() int {
	var pcs [256]uintptr
	return runtime.Callers(0, pcs[:])
}

const deep = 100_000

// nestUnfired builds Twisted's bounded-stack-depth case: top waits on
// Deferred 1, which waits on 2, ..., which waits on last; every link fires
// before last does, so last's result travels n levels up at once. It
// returns the top's final result and the stack depth of the top's
// callback.
func nestUnfired(n int) (result any, depth int) {
	top, last := deferred.New(nil), deferred.New(nil)
	inners := make([]*deferred.Deferred, n)
	for i := range inners {
		inners[i] = deferred.New(nil)
	}
	link := func(d, next *deferred.Deferred) {
		d.AddCallback(func(any) (any, error) { return next, nil })
	}
	link(top, inners[0])
	top.AddCallback(func(r any) (any, error) { depth = stackDepth(); return r, nil })
	for i := range n - 1 {
		link(inners[i], inners[i+1])
	}
	link(inners[n-1], last)
	_ = top.Callback(nil)
	for _, d := range inners {
		_ = d.Callback(nil)
	}
	if depth != 0 {
		panic("top resumed before last fired")
	}
	_ = last.Callback("bottom")
	result, _ = top.Result()
	return result, depth
}

func TestDeepNestingUnfired(t *testing.T) {
	r1, depth1 := nestUnfired(1)
	rN, depthN := nestUnfired(deep)
	if r1 != "bottom" || rN != "bottom" {
		t.Fatalf("results %v, %v; want bottom", r1, rN)
	}
	if depthN != depth1 {
		t.Errorf("stack depth with %d nested Deferreds = %d; with 1 = %d", deep, depthN, depth1)
	}
}

// nestFired returns the stack depth at the end of a chain whose callbacks
// each return an already-fired Deferred, n of them, and the final result.
func nestFired(n int) (result any, depth int) {
	d := deferred.Succeed(0)
	for range n {
		d.AddCallback(func(r any) (any, error) { return deferred.Succeed(r.(int) + 1), nil })
	}
	d.AddCallback(func(r any) (any, error) { depth = stackDepth(); return r, nil })
	result, _ = d.Result()
	return result, depth
}

func TestDeepNestingFired(t *testing.T) {
	_, depth1 := nestFired(1)
	rN, depthN := nestFired(deep)
	if rN != deep {
		t.Fatalf("result %v; want %d", rN, deep)
	}
	if depthN != depth1 {
		t.Errorf("stack depth after %d fired Deferreds = %d; after 1 = %d", deep, depthN, depth1)
	}
}

// TestDeepNestingFiredLinks returns each already-fired Deferred from the
// callback of the previous one: d0 -> d1 -> ... -> dN, where every dI has
// fired (and taken the result of dI+1) before d0 is fired.
func TestDeepNestingFiredLinks(t *testing.T) {
	ds := make([]*deferred.Deferred, deep+1)
	ds[deep] = deferred.Succeed("end")
	for i := deep - 1; i >= 0; i-- {
		next := ds[i+1]
		ds[i] = deferred.New(nil)
		ds[i].AddCallback(func(any) (any, error) { return next, nil })
	}
	// Fire from the far end inwards so each returned Deferred has fired.
	for i := deep - 1; i >= 1; i-- {
		_ = ds[i].Callback(i)
	}
	var depth int
	ds[0].AddCallback(func(r any) (any, error) { depth = stackDepth(); return r, nil })
	_ = ds[0].Callback(0)
	wantResult(t, ds[0], "end")
	if depth > 64 {
		t.Errorf("stack depth %d after %d linked Deferreds", depth, deep)
	}
}

func TestDeepNestingFailure(t *testing.T) {
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
	_ = ds[deep-1].Errback(errBoom)
	wantError(t, ds[0], errBoom)
	for i, d := range ds[1:] {
		if err := d.UnhandledError(); err != nil {
			t.Fatalf("inner %d holds unhandled %v; the outermost should", i+1, err)
		}
	}
	if err := ds[0].UnhandledError(); err == nil {
		t.Error("outermost UnhandledError() = nil; want boom")
	}
	handle(ds[0])
}

func TestPausedWaiterDoesNotStrandInner(t *testing.T) {
	tr := &trace{}
	outer, inner := deferred.New(nil), deferred.New(nil)
	outer.AddCallback(tr.returning("outer", inner)).AddCallback(tr.pass("outer-after"))
	_ = outer.Callback("o")
	inner.AddCallback(tr.pass("inner-after")) // runs after the hand-over
	outer.Pause()
	_ = inner.Callback("i")
	want := []string{"outer(o)", "inner-after(<nil>)"}
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls while outer is paused (-want +got):\n%s", diff)
	}
	outer.Unpause()
	want = append(want, "outer-after(i)")
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls after Unpause (-want +got):\n%s", diff)
	}
}
