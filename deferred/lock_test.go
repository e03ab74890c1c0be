// Tests of Lock and Semaphore.

package deferred_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistgo/twistgo/deferred"
)

// primitive is what Lock and Semaphore have in common.
type primitive interface {
	Acquire() *deferred.Deferred
	Release() error
	Run(f func() (any, error)) *deferred.Deferred
}

// primitives returns a fresh Lock and a one-token Semaphore, which must
// behave alike.
func primitives(t *testing.T) map[string]func() primitive {
	return map[string]func() primitive{
		"Lock": func() primitive { return deferred.NewLock() },
		"Semaphore(1)": func() primitive {
			s, err := deferred.NewSemaphore(1)
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
	}
}

// acquireLogged acquires p and logs name when it gets it.
func acquireLogged(p primitive, got *[]string, name string) *deferred.Deferred {
	return p.Acquire().AddCallback(func(r any) (any, error) {
		*got = append(*got, name)
		return r, nil
	})
}

func TestMutualExclusionFIFO(t *testing.T) {
	for name, mk := range primitives(t) {
		t.Run(name, func(t *testing.T) {
			p := mk()
			var got []string
			first := acquireLogged(p, &got, "a")
			if v, _ := first.Result(); v != p {
				t.Errorf("Acquire fired with %v; want the primitive itself", v)
			}
			acquireLogged(p, &got, "b")
			cancelled := acquireLogged(p, &got, "c")
			acquireLogged(p, &got, "d")
			cancelled.Cancel()
			handle(cancelled)
			for range 3 {
				if err := p.Release(); err != nil {
					t.Fatalf("Release: %v", err)
				}
			}
			if diff := cmp.Diff([]string{"a", "b", "d"}, got); diff != "" {
				t.Errorf("acquisition order (-want +got):\n%s", diff)
			}
			if err := p.Release(); !errors.Is(err, deferred.ErrNotAcquired) {
				t.Errorf("extra Release = %v; want ErrNotAcquired", err)
			}
		})
	}
}

func TestRun(t *testing.T) {
	for name, mk := range primitives(t) {
		t.Run(name, func(t *testing.T) {
			tests := []struct {
				name    string
				f       func(inner *deferred.Deferred) func() (any, error)
				fire    func(inner *deferred.Deferred)
				want    any
				wantErr error
			}{
				{
					name: "value",
					f:    func(*deferred.Deferred) func() (any, error) { return func() (any, error) { return "v", nil } },
					want: "v",
				},
				{
					name:    "error",
					f:       func(*deferred.Deferred) func() (any, error) { return func() (any, error) { return nil, errBoom } },
					wantErr: errBoom,
				},
				{
					name:    "panic",
					f:       func(*deferred.Deferred) func() (any, error) { return func() (any, error) { panic(errOther) } },
					wantErr: errOther,
				},
				{
					name: "Deferred: held until it fires",
					f: func(inner *deferred.Deferred) func() (any, error) {
						return func() (any, error) { return inner, nil }
					},
					fire: func(inner *deferred.Deferred) { _ = inner.Callback("later") },
					want: "later",
				},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					p := mk()
					inner := deferred.New(nil)
					d := p.Run(tc.f(inner))
					var got []string
					acquireLogged(p, &got, "next")
					if tc.fire != nil {
						if len(got) != 0 {
							t.Fatal("released before f's Deferred fired")
						}
						if v, _ := d.Result(); v == tc.want {
							t.Fatal("Run's Deferred has f's result before f's Deferred fired")
						}
						tc.fire(inner)
					}
					if diff := cmp.Diff([]string{"next"}, got); diff != "" {
						t.Errorf("waiter after Run (-want +got):\n%s", diff)
					}
					if tc.wantErr != nil {
						wantError(t, d, tc.wantErr)
						handle(d)
					} else {
						wantResult(t, d, tc.want)
					}
					if err := p.Release(); err != nil {
						t.Errorf("Release by the next holder: %v", err)
					}
				})
			}
		})
	}
}

func TestLockLocked(t *testing.T) {
	var l deferred.Lock // the zero value is usable
	if l.Locked() {
		t.Fatal("new Lock is locked")
	}
	l.Acquire()
	if !l.Locked() {
		t.Fatal("Lock not locked after Acquire")
	}
	w := l.Acquire()
	_ = l.Release()
	if !l.Locked() || !w.Called() {
		t.Fatal("Release did not hand the lock to the waiter")
	}
	_ = l.Release()
	if l.Locked() {
		t.Fatal("Lock still locked after the last Release")
	}
}

func TestSemaphore(t *testing.T) {
	if _, err := deferred.NewSemaphore(0); !errors.Is(err, deferred.ErrInvalidTokens) {
		t.Errorf("NewSemaphore(0) error = %v; want ErrInvalidTokens", err)
	}
	s, err := deferred.NewSemaphore(2)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range 5 {
		acquireLogged(s, &got, fmt.Sprint(i))
	}
	if diff := cmp.Diff([]string{"0", "1"}, got); diff != "" {
		t.Errorf("holders before any Release (-want +got):\n%s", diff)
	}
	if s.Tokens() != 0 || s.Limit() != 2 {
		t.Errorf("Tokens, Limit = %d, %d; want 0, 2", s.Tokens(), s.Limit())
	}
	for range 5 {
		if err := s.Release(); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff([]string{"0", "1", "2", "3", "4"}, got); diff != "" {
		t.Errorf("acquisition order (-want +got):\n%s", diff)
	}
	if s.Tokens() != 2 {
		t.Errorf("Tokens() = %d after releasing all; want 2", s.Tokens())
	}
	if err := s.Release(); !errors.Is(err, deferred.ErrNotAcquired) {
		t.Errorf("extra Release = %v; want ErrNotAcquired", err)
	}
}

func TestSemaphoreRunLimitsConcurrency(t *testing.T) {
	s, _ := deferred.NewSemaphore(3)
	running, peak := 0, 0
	var pending []*deferred.Deferred
	for range 10 {
		s.Run(func() (any, error) {
			running++
			peak = max(peak, running)
			d := deferred.New(nil)
			pending = append(pending, d)
			return d.AddBoth(func(r any, err error) (any, error) { running--; return r, err }), nil
		})
	}
	for len(pending) > 0 {
		d := pending[0]
		pending = pending[1:]
		_ = d.Callback(nil)
	}
	if peak != 3 || running != 0 || s.Tokens() != 3 {
		t.Errorf("peak %d, running %d, tokens %d; want 3, 0, 3", peak, running, s.Tokens())
	}
}

func TestLockSkipsWaiterFiredElsewhere(t *testing.T) {
	l := deferred.NewLock()
	l.Acquire()
	stray := l.Acquire()
	_ = stray.Callback(nil) // fired by its owner, not by the lock
	var got []string
	acquireLogged(l, &got, "next")
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"next"}, got); diff != "" {
		t.Errorf("holders (-want +got):\n%s", diff)
	}
}

func TestRunReportsMisplacedRelease(t *testing.T) {
	l := deferred.NewLock()
	d := l.Run(func() (any, error) { return 1, l.Release() }) // f releases: Run's own release fails
	wantError(t, d, deferred.ErrNotAcquired)
	handle(d)
}
