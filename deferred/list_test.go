// Tests of List and Gather.

package deferred_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistgo/twistgo/deferred"
)

// outcome is how one member of a List fires: with value, or with err.
type outcome struct {
	value any
	err   error
}

// cmpErrors compares errors by identity of their chains' sentinel.
var cmpErrors = cmp.Comparer(func(a, b error) bool {
	return errors.Is(a, b) || errors.Is(b, a)
})

func TestList(t *testing.T) {
	tests := []struct {
		name     string
		opts     deferred.ListOptions
		outcomes []outcome // one per member
		order    []int     // firing order of the members
		prefired int       // how many members of order fire before List
		// firedAfter is how many members of order have fired when the
		// List fires; -1 if it must not fire.
		firedAfter int
		want       any
		wantErr    *deferred.FirstError
		// memberTail is what a callback added to each member afterwards
		// sees (nil slice: not checked).
		memberTail []deferred.ListResult
	}{
		{
			name:       "all succeed: input order whatever the firing order",
			outcomes:   []outcome{{value: "a"}, {value: "b"}, {value: "c"}},
			order:      []int{2, 0, 1},
			firedAfter: 3,
			want:       []deferred.ListResult{{OK: true, Value: "a"}, {OK: true, Value: "b"}, {OK: true, Value: "c"}},
		},
		{
			name:       "mixed: waits for all and records failures",
			outcomes:   []outcome{{err: errBoom}, {value: 2}},
			order:      []int{0, 1},
			firedAfter: 2,
			want:       []deferred.ListResult{{Err: errBoom}, {OK: true, Value: 2}},
			memberTail: []deferred.ListResult{{Err: errBoom}, {OK: true, Value: 2}},
		},
		{
			name:       "empty fires at once with an empty list",
			firedAfter: 0,
			want:       []deferred.ListResult{},
		},
		{
			name:       "empty with FireOnOneCallback never fires",
			opts:       deferred.ListOptions{FireOnOneCallback: true},
			firedAfter: -1,
		},
		{
			name:       "FireOnOneCallback fires with the first success and its index",
			opts:       deferred.ListOptions{FireOnOneCallback: true},
			outcomes:   []outcome{{value: "a"}, {err: errBoom}, {value: "c"}},
			order:      []int{1, 2, 0},
			firedAfter: 2,
			want:       deferred.FirstResult{Value: "c", Index: 2},
		},
		{
			name:       "FireOnOneCallback with no success fires with the list",
			opts:       deferred.ListOptions{FireOnOneCallback: true},
			outcomes:   []outcome{{err: errBoom}, {err: errOther}},
			order:      []int{1, 0},
			firedAfter: 2,
			want:       []deferred.ListResult{{Err: errBoom}, {Err: errOther}},
		},
		{
			name:       "FireOnOneErrback fails with the first failure and its index",
			opts:       deferred.ListOptions{FireOnOneErrback: true},
			outcomes:   []outcome{{value: 1}, {err: errBoom}, {err: errOther}},
			order:      []int{0, 1, 2},
			firedAfter: 2,
			wantErr:    &deferred.FirstError{Index: 1, Err: errBoom},
			memberTail: []deferred.ListResult{{OK: true, Value: 1}, {Err: errBoom}, {Err: errOther}},
		},
		{
			name:       "FireOnOneErrback with no failure fires with the list",
			opts:       deferred.ListOptions{FireOnOneErrback: true},
			outcomes:   []outcome{{value: 1}, {value: 2}},
			order:      []int{1, 0},
			firedAfter: 2,
			want:       []deferred.ListResult{{OK: true, Value: 1}, {OK: true, Value: 2}},
		},
		{
			name:       "ConsumeErrors hands members nil instead of their errors",
			opts:       deferred.ListOptions{ConsumeErrors: true},
			outcomes:   []outcome{{err: errBoom}, {value: 2}},
			order:      []int{0, 1},
			firedAfter: 2,
			want:       []deferred.ListResult{{Err: errBoom}, {OK: true, Value: 2}},
			memberTail: []deferred.ListResult{{OK: true}, {OK: true, Value: 2}},
		},
		{
			name:       "ConsumeErrors does not stop FireOnOneErrback",
			opts:       deferred.ListOptions{FireOnOneErrback: true, ConsumeErrors: true},
			outcomes:   []outcome{{value: 1}, {err: errBoom}},
			order:      []int{1, 0},
			firedAfter: 1,
			wantErr:    &deferred.FirstError{Index: 1, Err: errBoom},
			memberTail: []deferred.ListResult{{OK: true, Value: 1}, {OK: true}},
		},
		{
			name:       "both flags: whichever outcome comes first",
			opts:       deferred.ListOptions{FireOnOneCallback: true, FireOnOneErrback: true},
			outcomes:   []outcome{{value: 1}, {err: errBoom}},
			order:      []int{1, 0},
			firedAfter: 1,
			wantErr:    &deferred.FirstError{Index: 1, Err: errBoom},
		},
		{
			name:       "members fired before List are recorded during construction",
			outcomes:   []outcome{{value: "early"}, {value: "late"}},
			order:      []int{0, 1},
			prefired:   1,
			firedAfter: 2,
			want:       []deferred.ListResult{{OK: true, Value: "early"}, {OK: true, Value: "late"}},
		},
		{
			name:       "all fired before List: it fires during construction",
			opts:       deferred.ListOptions{FireOnOneCallback: true},
			outcomes:   []outcome{{err: errBoom}, {value: "b"}},
			order:      []int{0, 1},
			prefired:   2,
			firedAfter: 2,
			want:       deferred.FirstResult{Value: "b", Index: 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := make([]*deferred.Deferred, len(tc.outcomes))
			for i := range ds {
				ds[i] = deferred.New(nil)
			}
			fire := func(i int) {
				o := tc.outcomes[i]
				if o.err != nil {
					_ = ds[i].Errback(o.err)
				} else {
					_ = ds[i].Callback(o.value)
				}
			}
			for _, i := range tc.order[:tc.prefired] {
				fire(i)
			}
			l := deferred.List(ds, tc.opts)
			firedAfter := -1
			if l.Called() {
				firedAfter = tc.prefired
			}
			for n, i := range tc.order[tc.prefired:] {
				fire(i)
				if firedAfter < 0 && l.Called() {
					firedAfter = tc.prefired + n + 1
				}
			}
			if firedAfter != tc.firedAfter {
				t.Fatalf("List fired after %d member outcomes; want %d", firedAfter, tc.firedAfter)
			}
			if firedAfter < 0 {
				return
			}
			got, err := l.Result()
			if tc.wantErr != nil {
				handle(l)
				fe, ok := errors.AsType[*deferred.FirstError](err)
				if !ok || fe.Index != tc.wantErr.Index || !errors.Is(fe.Err, tc.wantErr.Err) {
					t.Errorf("List error = %v; want %v", err, tc.wantErr)
				}
			} else if diff := cmp.Diff(tc.want, got, cmpErrors); diff != "" || err != nil {
				t.Errorf("List result (-want +got):\n%s\nerror %v", diff, err)
			}
			if tc.memberTail != nil {
				tails := make([]deferred.ListResult, len(ds))
				for i, d := range ds {
					d.AddCallbacks(
						func(r any) (any, error) { tails[i] = deferred.ListResult{OK: true, Value: r}; return nil, nil },
						func(e error) (any, error) { tails[i] = deferred.ListResult{Err: e}; return nil, nil },
					)
				}
				if diff := cmp.Diff(tc.memberTail, tails, cmpErrors); diff != "" {
					t.Errorf("members' chains afterwards (-want +got):\n%s", diff)
				}
			}
			for _, d := range ds {
				handle(d)
			}
		})
	}
}

func TestListNilMember(t *testing.T) {
	l := deferred.List([]*deferred.Deferred{deferred.Succeed(1), nil}, deferred.ListOptions{})
	got, _ := l.Result()
	results := got.([]deferred.ListResult)
	if len(results) != 2 || !results[0].OK || !errors.Is(results[1].Err, deferred.ErrInvalidResult) {
		t.Errorf("List with a nil member = %+v; want [ok, ErrInvalidResult]", results)
	}
}

func TestListDoesNotCopyCallerSlice(t *testing.T) {
	ds := []*deferred.Deferred{deferred.New(nil)}
	l := deferred.List(ds, deferred.ListOptions{ConsumeErrors: true})
	ds[0] = deferred.New(nil) // the caller reuses its slice
	l.Cancel()
	if !l.Called() {
		t.Error("cancelling the List did not reach the original member")
	}
}

// cancelRecorder makes Deferreds whose cancellers record their name.
type cancelRecorder struct{ names []string }

func (c *cancelRecorder) make(name string, value any) *deferred.Deferred {
	return deferred.New(func(d *deferred.Deferred) {
		c.names = append(c.names, name)
		if value != nil {
			_ = d.Callback(value)
		}
	})
}

func TestListCancel(t *testing.T) {
	c := &cancelRecorder{}
	fired := c.make("fired", nil)
	_ = fired.Callback("done")
	ds := []*deferred.Deferred{c.make("a", nil), fired, c.make("b", nil)}
	l := deferred.List(ds, deferred.ListOptions{ConsumeErrors: true})
	l.Cancel()
	if diff := cmp.Diff([]string{"a", "b"}, c.names); diff != "" {
		t.Errorf("cancelled members (-want +got):\n%s", diff)
	}
	want := []deferred.ListResult{{Err: deferred.ErrCancelled}, {OK: true, Value: "done"}, {Err: deferred.ErrCancelled}}
	got, err := l.Result()
	if diff := cmp.Diff(want, got, cmpErrors); diff != "" || err != nil {
		t.Errorf("List result (-want +got):\n%s\nerror %v", diff, err)
	}
	l.Cancel() // fired: cancels nothing more
	if len(c.names) != 2 {
		t.Errorf("second Cancel ran cancellers again: %v", c.names)
	}
}

func TestListCancelStaysUnfiredLikeTwisted(t *testing.T) {
	l := deferred.List(nil, deferred.ListOptions{FireOnOneCallback: true})
	l.Cancel()
	if l.Called() {
		t.Errorf("cancelled empty FireOnOneCallback List fired: %v", l)
	}
}

func TestGather(t *testing.T) {
	t.Run("values in input order", func(t *testing.T) {
		a, b := deferred.New(nil), deferred.New(nil)
		g := deferred.Gather(a, b, deferred.Succeed(3))
		_ = b.Callback(2)
		_ = a.Callback(1)
		got, err := g.Result()
		if diff := cmp.Diff([]any{1, 2, 3}, got); diff != "" || err != nil {
			t.Errorf("Gather (-want +got):\n%s\nerror %v", diff, err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		got, err := deferred.Gather().Result()
		if diff := cmp.Diff([]any{}, got); diff != "" || err != nil {
			t.Errorf("Gather() (-want +got):\n%s\nerror %v", diff, err)
		}
	})
	t.Run("first failure, others left alone", func(t *testing.T) {
		c := &cancelRecorder{}
		a, b, z := c.make("a", nil), c.make("b", nil), c.make("z", nil)
		g := deferred.Gather(a, b, z)
		_ = b.Errback(errBoom)
		_, err := g.Result()
		handle(g)
		handle(b)
		fe, ok := errors.AsType[*deferred.FirstError](err)
		if !ok || fe.Index != 1 || !errors.Is(err, errBoom) {
			t.Fatalf("Gather error = %v; want *FirstError{Index: 1} wrapping boom", err)
		}
		if len(c.names) != 0 || a.Called() || z.Called() {
			t.Errorf("Gather's failure cancelled members %v", c.names)
		}
		_ = a.Callback(1) // still usable
		_ = z.Callback(1)
	})
	t.Run("cancel cancels members: FirstError wrapping ErrCancelled", func(t *testing.T) {
		c := &cancelRecorder{}
		a, b := c.make("a", nil), c.make("b", nil)
		g := deferred.Gather(a, deferred.Succeed(0), b)
		g.Cancel()
		handle(a) // Gather does not consume errors: the members still hold them
		handle(b)
		_, err := g.Result()
		handle(g)
		if fe, ok := errors.AsType[*deferred.FirstError](err); !ok || fe.Index != 0 || !errors.Is(err, deferred.ErrCancelled) {
			t.Errorf("Gather error after Cancel = %v; want *FirstError{Index: 0} wrapping ErrCancelled", err)
		}
		if diff := cmp.Diff([]string{"a", "b"}, c.names); diff != "" {
			t.Errorf("cancelled members (-want +got):\n%s", diff)
		}
	})
	t.Run("cancel where every canceller gives a value", func(t *testing.T) {
		c := &cancelRecorder{}
		g := deferred.Gather(c.make("a", "va"), c.make("b", "vb"))
		g.Cancel()
		got, err := g.Result()
		if diff := cmp.Diff([]any{"va", "vb"}, got); diff != "" || err != nil {
			t.Errorf("Gather after Cancel (-want +got):\n%s\nerror %v", diff, err)
		}
	})
}
