// Tests of Queue.

package deferred_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistgo/twistgo/deferred"
)

// get calls q.Get and records the value it eventually yields into got.
func get(t *testing.T, q *deferred.Queue, got *[]any) *deferred.Deferred {
	t.Helper()
	d, err := q.Get()
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	return d.AddCallback(func(v any) (any, error) { *got = append(*got, v); return v, nil })
}

func TestQueueOrder(t *testing.T) {
	tests := []struct {
		name string
		ops  string // p: put the next number, g: get
		want []any
		len  int
	}{
		{"put then get", "pppggg", []any{0, 1, 2}, 0},
		{"get then put", "gggppp", []any{0, 1, 2}, 0},
		{"interleaved", "pgpgg" + "pp", []any{0, 1, 2}, 1},
		{"more puts than gets", "ppppg", []any{0}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := deferred.NewQueue(0, 0)
			var got []any
			n := 0
			for _, op := range tc.ops {
				if op == 'p' {
					if err := q.Put(n); err != nil {
						t.Fatalf("Put: %v", err)
					}
					n++
				} else {
					get(t, q, &got)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
			if q.Len() != tc.len {
				t.Errorf("Len() = %d; want %d", q.Len(), tc.len)
			}
		})
	}
}

func TestQueueLimits(t *testing.T) {
	q := deferred.NewQueue(2, 1)
	for i := range 2 {
		if err := q.Put(i); err != nil {
			t.Fatalf("Put %d: %v", i, err)
		}
	}
	if err := q.Put(2); !errors.Is(err, deferred.ErrQueueOverflow) {
		t.Errorf("Put over size = %v; want ErrQueueOverflow", err)
	}
	var got []any
	get(t, q, &got)
	get(t, q, &got)
	get(t, q, &got) // waits: backlog 1 is now full
	if _, err := q.Get(); !errors.Is(err, deferred.ErrQueueUnderflow) {
		t.Errorf("Get over backlog = %v; want ErrQueueUnderflow", err)
	}
	if err := q.Put("x"); err != nil {
		t.Errorf("Put to a waiting getter: %v", err)
	}
	if diff := cmp.Diff([]any{0, 1, "x"}, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}

func TestQueueCancelGet(t *testing.T) {
	q := deferred.NewQueue(0, 1)
	var got []any
	first := get(t, q, &got)
	first.Cancel()
	wantError(t, first, deferred.ErrCancelled)
	handle(first)
	second := get(t, q, &got) // the cancelled getter freed its backlog slot
	if err := q.Put("v"); err != nil {
		t.Fatal(err)
	}
	wantResult(t, second, "v")
	if diff := cmp.Diff([]any{"v"}, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}

func TestQueuePutDeferred(t *testing.T) {
	q := deferred.NewQueue(0, 0)
	if err := q.Put(deferred.New(nil)); !errors.Is(err, deferred.ErrInvalidResult) {
		t.Errorf("Put(*Deferred) = %v; want ErrInvalidResult", err)
	}
	if q.Len() != 0 {
		t.Errorf("refused Put queued a value")
	}
}

func TestQueueSkipsGetterFiredElsewhere(t *testing.T) {
	q := deferred.NewQueue(0, 0)
	stray, _ := q.Get()
	_ = stray.Callback("not from the queue")
	var got []any
	get(t, q, &got)
	if err := q.Put("v"); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if diff := cmp.Diff([]any{"v"}, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}
