// Tests of firing, adding callbacks, path switching, panics and helpers.

package deferred_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistgo/twistgo/deferred"
)

func TestChainPaths(t *testing.T) {
	tests := []struct {
		name    string
		build   func(d *deferred.Deferred, tr *trace)
		fire    func(d *deferred.Deferred) error
		wantLog []string
		want    any
		wantErr error
	}{
		{
			name: "callbacks run in order, each gets the previous result",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddCallback(tr.cb("a", 2, nil)).AddCallback(tr.cb("b", 3, nil)).AddCallback(tr.pass("c"))
			},
			fire:    func(d *deferred.Deferred) error { return d.Callback(1) },
			wantLog: []string{"a(1)", "b(2)", "c(3)"},
			want:    3,
		},
		{
			name: "an error skips callbacks until an errback",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddCallback(tr.cb("a", nil, errBoom)).AddCallback(tr.pass("skipped")).
					AddErrback(tr.keep("e")).AddCallback(tr.pass("skipped2"))
			},
			fire:    func(d *deferred.Deferred) error { return d.Callback(1) },
			wantLog: []string{"a(1)", "e(boom)"},
			wantErr: errBoom,
		},
		{
			name: "an errback returning a value recovers",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddErrback(tr.eb("e", "fine", nil)).AddCallback(tr.pass("after")).AddErrback(tr.keep("skipped"))
			},
			fire:    func(d *deferred.Deferred) error { return d.Errback(errBoom) },
			wantLog: []string{"e(boom)", "after(fine)"},
			want:    "fine",
		},
		{
			name: "an errback returning an error replaces it",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddErrback(tr.eb("e1", nil, errOther)).AddErrback(tr.keep("e2"))
			},
			fire:    func(d *deferred.Deferred) error { return d.Errback(errBoom) },
			wantLog: []string{"e1(boom)", "e2(other)"},
			wantErr: errOther,
		},
		{
			name: "each pair contributes exactly one function",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddCallbacks(tr.cb("c1", nil, errBoom), tr.eb("e1", "no", nil)).
					AddCallbacks(tr.cb("c2", "no", nil), tr.eb("e2", "yes", nil))
			},
			fire:    func(d *deferred.Deferred) error { return d.Callback(0) },
			wantLog: []string{"c1(0)", "e2(boom)"},
			want:    "yes",
		},
		{
			name: "nil callback and errback pass through",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddCallbacks(nil, nil).AddCallbacks(nil, tr.keep("e"))
			},
			fire:    func(d *deferred.Deferred) error { return d.Callback(7) },
			wantLog: nil,
			want:    7,
		},
		{
			name: "AddBoth sees the value on success",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddBoth(func(r any, err error) (any, error) {
					tr.log = append(tr.log, "both")
					return r.(int) + 1, err
				})
			},
			fire:    func(d *deferred.Deferred) error { return d.Callback(1) },
			wantLog: []string{"both"},
			want:    2,
		},
		{
			name: "AddBoth sees the error on failure",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddBoth(func(r any, err error) (any, error) {
					tr.log = append(tr.log, "both:"+err.Error())
					return r, err
				})
			},
			fire:    func(d *deferred.Deferred) error { return d.Errback(errBoom) },
			wantLog: []string{"both:boom"},
			wantErr: errBoom,
		},
		{
			name: "an error passed to Callback is an ordinary value",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddCallbacks(tr.pass("c"), tr.keep("e"))
			},
			fire:    func(d *deferred.Deferred) error { return d.Callback(errBoom) },
			wantLog: []string{"c(boom)"},
			want:    errBoom,
		},
		{
			name: "Errback(nil) fails with ErrNilError",
			build: func(d *deferred.Deferred, tr *trace) {
				d.AddErrback(tr.keep("e"))
			},
			fire:    func(d *deferred.Deferred) error { return d.Errback(nil) },
			wantLog: []string{"e(deferred: errback with a nil error)"},
			wantErr: deferred.ErrNilError,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := deferred.New(nil)
			tr := &trace{}
			tc.build(d, tr)
			if len(tr.log) != 0 {
				t.Fatalf("callbacks ran before firing: %v", tr.log)
			}
			if err := tc.fire(d); err != nil {
				t.Fatalf("fire: %v", err)
			}
			if diff := cmp.Diff(tc.wantLog, tr.log); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
			if tc.wantErr != nil {
				wantError(t, d, tc.wantErr)
				handle(d)
				return
			}
			wantResult(t, d, tc.want)
		})
	}
}

func TestAddAfterFiringRunsAtOnce(t *testing.T) {
	tr := &trace{}
	d := deferred.New(nil)
	d.AddCallback(tr.cb("before", 2, nil))
	if err := d.Callback(1); err != nil {
		t.Fatal(err)
	}
	d.AddCallback(tr.cb("after", 3, nil))
	tr.log = append(tr.log, "returned")
	want := []string{"before(1)", "after(2)", "returned"}
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	wantResult(t, d, 3)
}

func TestCallbackAddingToItsOwnDeferred(t *testing.T) {
	tr := &trace{}
	d := deferred.New(nil)
	d.AddCallback(func(r any) (any, error) {
		d.AddCallback(tr.cb("added", "end", nil))
		tr.log = append(tr.log, "first done")
		return "mid", nil
	})
	d.AddCallback(tr.pass("second"))
	if err := d.Callback("start"); err != nil {
		t.Fatal(err)
	}
	want := []string{"first done", "second(mid)", "added(mid)"}
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	wantResult(t, d, "end")
}

func TestFireTwice(t *testing.T) {
	tests := []struct {
		name   string
		first  func(d *deferred.Deferred) error
		second func(d *deferred.Deferred) error
	}{
		{"Callback then Callback", func(d *deferred.Deferred) error { return d.Callback(1) }, func(d *deferred.Deferred) error { return d.Callback(2) }},
		{"Callback then Errback", func(d *deferred.Deferred) error { return d.Callback(1) }, func(d *deferred.Deferred) error { return d.Errback(errBoom) }},
		{"Errback then Callback", func(d *deferred.Deferred) error { return d.Errback(errBoom) }, func(d *deferred.Deferred) error { return d.Callback(2) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := deferred.New(nil)
			handle(d)
			if err := tc.first(d); err != nil {
				t.Fatalf("first fire: %v", err)
			}
			before, beforeErr := d.Result()
			if err := tc.second(d); !errors.Is(err, deferred.ErrAlreadyCalled) {
				t.Errorf("second fire = %v; want ErrAlreadyCalled", err)
			}
			if got, err := d.Result(); got != before || err != beforeErr {
				t.Errorf("second fire changed the result to %v, %v", got, err)
			}
		})
	}
}

func TestCallbackRefusesDeferred(t *testing.T) {
	d := deferred.New(nil)
	err := d.Callback(deferred.Succeed(1))
	if !errors.Is(err, deferred.ErrInvalidResult) {
		t.Fatalf("Callback(*Deferred) = %v; want ErrInvalidResult", err)
	}
	if d.Called() {
		t.Fatal("refused Callback fired the Deferred")
	}
	if err := d.Callback(2); err != nil {
		t.Fatalf("Callback after refusal: %v", err)
	}
	wantResult(t, d, 2)
}

func TestPanicBecomesPanicError(t *testing.T) {
	tests := []struct {
		name      string
		add       func(d *deferred.Deferred)
		fire      func(d *deferred.Deferred) error
		wantValue string
		unwraps   bool
	}{
		{
			name:      "callback panics with a string",
			add:       func(d *deferred.Deferred) { d.AddCallback(func(any) (any, error) { panic("kaboom") }) },
			fire:      func(d *deferred.Deferred) error { return d.Callback(1) },
			wantValue: "kaboom",
		},
		{
			name:      "errback panics with an error",
			add:       func(d *deferred.Deferred) { d.AddErrback(func(error) (any, error) { panic(errOther) }) },
			fire:      func(d *deferred.Deferred) error { return d.Errback(errBoom) },
			wantValue: "other",
			unwraps:   true,
		},
		{
			name: "runtime error in AddBoth",
			add: func(d *deferred.Deferred) {
				d.AddBoth(func(r any, _ error) (any, error) { return r.([]int)[3], nil })
			},
			fire:      func(d *deferred.Deferred) error { return d.Callback([]int{}) },
			wantValue: "index out of range",
			unwraps:   true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := deferred.New(nil)
			tc.add(d)
			var got error
			d.AddErrback(func(err error) (any, error) { got = err; return "recovered", nil })
			if err := tc.fire(d); err != nil {
				t.Fatal(err)
			}
			wantResult(t, d, "recovered")
			pe, ok := errors.AsType[*deferred.PanicError](got)
			if !ok {
				t.Fatalf("errback got %T %v; want *PanicError", got, got)
			}
			if !strings.Contains(pe.Error(), tc.wantValue) {
				t.Errorf("Error() = %q; want it to contain %q", pe.Error(), tc.wantValue)
			}
			if !strings.Contains(string(pe.Stack), "deferred_test.TestPanicBecomesPanicError") {
				t.Errorf("Stack does not show the panicking test function:\n%s", pe.Stack)
			}
			if (pe.Unwrap() != nil) != tc.unwraps {
				t.Errorf("Unwrap() = %v; want non-nil %v", pe.Unwrap(), tc.unwraps)
			}
		})
	}
	t.Run("errors.As reaches a runtime.Error", func(t *testing.T) {
		d := deferred.Succeed(nil).AddCallback(func(any) (any, error) {
			var m map[string]int
			m["x"] = 1
			return nil, nil
		})
		_, err := d.Result()
		handle(d)
		if _, ok := errors.AsType[runtime.Error](err); !ok {
			t.Errorf("Result() error %v does not unwrap to a runtime.Error", err)
		}
	})
}

func TestSucceedFailMaybe(t *testing.T) {
	inner := deferred.New(nil)
	tests := []struct {
		name    string
		d       *deferred.Deferred
		want    any
		wantErr error
	}{
		{name: "Succeed", d: deferred.Succeed("v"), want: "v"},
		{name: "Succeed refuses a Deferred", d: deferred.Succeed(deferred.New(nil)), wantErr: deferred.ErrInvalidResult},
		{name: "Fail", d: deferred.Fail(errBoom), wantErr: errBoom},
		{name: "Fail(nil)", d: deferred.Fail(nil), wantErr: deferred.ErrNilError},
		{name: "Maybe value", d: deferred.Maybe(func() (any, error) { return 5, nil }), want: 5},
		{name: "Maybe error", d: deferred.Maybe(func() (any, error) { return 5, errBoom }), wantErr: errBoom},
		{name: "Maybe nil Deferred", d: deferred.Maybe(func() (any, error) { return (*deferred.Deferred)(nil), nil }), wantErr: deferred.ErrInvalidResult},
		{name: "Maybe panic", d: deferred.Maybe(func() (any, error) { panic(errOther) }), wantErr: errOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.wantErr != nil {
				wantError(t, tc.d, tc.wantErr)
				handle(tc.d)
				return
			}
			wantResult(t, tc.d, tc.want)
		})
	}
	t.Run("Maybe returns a Deferred as it is", func(t *testing.T) {
		if got := deferred.Maybe(func() (any, error) { return inner, nil }); got != inner {
			t.Errorf("Maybe returned %p; want the inner Deferred %p", got, inner)
		}
	})
	t.Run("Maybe panic is a PanicError", func(t *testing.T) {
		d := deferred.Maybe(func() (any, error) { panic("p") })
		_, err := d.Result()
		handle(d)
		if pe, ok := errors.AsType[*deferred.PanicError](err); !ok || pe.Value != "p" {
			t.Errorf("Maybe panic error = %#v; want *PanicError{Value: \"p\"}", err)
		}
	})
}

func TestPauseUnpause(t *testing.T) {
	tr := &trace{}
	d := deferred.New(nil)
	d.AddCallback(tr.pass("a"))
	d.Pause()
	d.Pause()
	if err := d.Callback(1); err != nil {
		t.Fatal(err)
	}
	d.AddCallback(tr.pass("b"))
	d.Unpause()
	if len(tr.log) != 0 {
		t.Fatalf("callbacks ran while still paused once: %v", tr.log)
	}
	d.Unpause()
	d.Unpause() // unbalanced: does nothing
	d.AddCallback(tr.pass("c"))
	want := []string{"a(1)", "b(1)", "c(1)"}
	if diff := cmp.Diff(want, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestUnpauseBeforeFiring(t *testing.T) {
	tr := &trace{}
	d := deferred.New(nil)
	d.AddCallback(tr.pass("a"))
	d.Pause()
	d.Unpause()
	if len(tr.log) != 0 {
		t.Fatalf("Unpause of an unfired Deferred ran callbacks: %v", tr.log)
	}
	if err := d.Callback(1); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a(1)"}, tr.log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestChain(t *testing.T) {
	tests := []struct {
		name      string
		fire      func(d *deferred.Deferred) error
		wantOther []string
	}{
		{"success", func(d *deferred.Deferred) error { return d.Callback(1) }, []string{"c(1)"}},
		{"failure", func(d *deferred.Deferred) error { return d.Errback(errBoom) }, []string{"e(boom)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := &trace{}
			d, other := deferred.New(nil), deferred.New(nil)
			other.AddCallbacks(tr.pass("c"), tr.eb("e", "handled", nil))
			d.Chain(other)
			if err := tc.fire(d); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.wantOther, tr.log); diff != "" {
				t.Errorf("other's calls (-want +got):\n%s", diff)
			}
			wantResult(t, d, nil) // d continues with nil, as in Twisted
		})
	}
	t.Run("other already fired", func(t *testing.T) {
		d := deferred.New(nil)
		d.Chain(deferred.Succeed(0))
		if err := d.Callback(1); err != nil {
			t.Fatal(err)
		}
		wantError(t, d, deferred.ErrAlreadyCalled)
		handle(d)
	})
}

func TestThen(t *testing.T) {
	t.Run("typed value", func(t *testing.T) {
		d := deferred.Then(deferred.Succeed(20), func(n int) (any, error) { return n + 1, nil })
		wantResult(t, d, 21)
	})
	t.Run("nil is the zero value", func(t *testing.T) {
		d := deferred.Then(deferred.Succeed(nil), func(p *int) (any, error) { return p == nil, nil })
		wantResult(t, d, true)
	})
	t.Run("wrong type fails", func(t *testing.T) {
		called := false
		d := deferred.Then(deferred.Succeed("x"), func(int) (any, error) { called = true; return nil, nil })
		wantError(t, d, deferred.ErrInvalidResult)
		handle(d)
		if called {
			t.Error("f called with a result of the wrong type")
		}
	})
	t.Run("errors pass by", func(t *testing.T) {
		d := deferred.Then(deferred.Fail(errBoom), func(int) (any, error) { return 1, nil })
		wantError(t, d, errBoom)
		handle(d)
	})
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{deferred.ErrAlreadyCalled, "deferred: already called"},
		{deferred.ErrCancelled, "deferred: cancelled"},
		{&deferred.FirstError{Index: 2, Err: errBoom}, "deferred: list member 2 failed: boom"},
		{&deferred.PanicError{Value: 42}, "deferred: recovered panic: 42"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q; want %q", got, tc.want)
		}
	}
}

func TestNilFunctionsPassThrough(t *testing.T) {
	d := deferred.New(nil).AddBoth(nil).AddCallback(nil).AddErrback(nil)
	_ = d.Callback(3)
	wantResult(t, d, 3)
	c := deferred.New(nil).Chain(nil)
	_ = c.Callback(1)
	wantError(t, c, deferred.ErrInvalidResult)
	handle(c)
}
