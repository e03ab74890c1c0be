package task_test

import (
	"testing"
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/internet/task"
)

// BenchmarkLoopingCallTick measures one tick of a LoopingCall on a Clock:
// the call, its Deferred, and scheduling the next tick.
func BenchmarkLoopingCallTick(b *testing.B) {
	b.ReportAllocs()
	c := task.NewClock()
	n := 0
	lc := task.NewLoopingCall(c, func() (any, error) { n++; return nil, nil })
	if _, err := lc.Start(time.Second, false); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c.Advance(time.Second)
	}
	if n == 0 {
		b.Fatal("the loop never ran")
	}
}

// BenchmarkCooperatorTurn measures one Cooperator turn of 64 work units
// spread round-robin over 4 tasks.
func BenchmarkCooperatorTurn(b *testing.B) {
	b.ReportAllocs()
	c := task.NewClock()
	var now int64
	coop := task.NewCooperator(c, task.CooperatorOptions{
		TimeSlice: 64 * time.Nanosecond,
		Now:       func() time.Time { now++; return time.Unix(0, now) },
	})
	units := 0
	for range 4 {
		coop.Cooperate(func() (*deferred.Deferred, bool, error) { units++; return nil, true, nil })
	}
	for b.Loop() {
		c.Advance(time.Nanosecond)
	}
	if units < 64*b.N {
		b.Fatalf("%d units in %d turns, want 64 per turn", units, b.N)
	}
}
