package internet

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestTimerHeapOrder pushes calls with many equal due times, removes and
// moves some, and checks that they come out by due time, then FIFO.
func TestTimerHeapOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var h timerHeap
	var live []*delayedCall
	for i := range 2000 {
		c := &delayedCall{}
		h.push(c, time.Duration(rng.IntN(50)))
		live = append(live, c)
		switch {
		case i%7 == 0:
			k := rng.IntN(len(live))
			h.remove(live[k])
			live = slices.Delete(live, k, k+1)
		case i%5 == 0:
			h.move(live[rng.IntN(len(live))], time.Duration(rng.IntN(50)))
		}
	}
	for i, c := range h.h {
		if c.index != i {
			t.Fatalf("call at %d says index %d", i, c.index)
		}
	}
	var out []*delayedCall
	for len(h.h) > 0 {
		c := h.h[0]
		h.remove(c)
		if c.index != -1 {
			t.Fatalf("removed call keeps index %d", c.index)
		}
		out = append(out, c)
	}
	if len(out) != len(live) {
		t.Fatalf("popped %d calls, %d were live", len(out), len(live))
	}
	if !slices.IsSortedFunc(out, func(a, b *delayedCall) int {
		if less(a, b) {
			return -1
		}
		return 1
	}) {
		t.Errorf("calls did not come out ordered by (when, seq)")
	}
}

func TestWaitMillis(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want int
	}{
		{-1, -1},
		{-time.Hour, -1},
		{0, 0},
		{1, 1},
		{time.Millisecond - 1, 1},
		{time.Millisecond, 1},
		{time.Millisecond + 1, 2},
		{1500 * time.Microsecond, 2},
		{maxWait, int(maxWait / time.Millisecond)},
		{100 * 365 * 24 * time.Hour, int(maxWait / time.Millisecond)},
		{time.Duration(1<<63 - 1), int(maxWait / time.Millisecond)},
	}
	for _, tc := range tests {
		if got := waitMillis(tc.in); got != tc.want {
			t.Errorf("waitMillis(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
