// Benchmarks of firing and chaining.

package deferred_test

import (
	"fmt"
	"testing"

	"github.com/twistgo/twistgo/deferred"
)

func addOne(r any) (any, error) { return r.(int) + 1, nil }

func BenchmarkFire(b *testing.B) {
	for _, n := range []int{1, 10} {
		b.Run(fmt.Sprintf("%dcallbacks", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d := deferred.New(nil)
				for range n {
					d.AddCallback(addOne)
				}
				_ = d.Callback(0)
				if r, _ := d.Result(); r != n {
					b.Fatalf("result %v; want %d", r, n)
				}
			}
		})
	}
}

func BenchmarkFireError(b *testing.B) {
	b.ReportAllocs()
	recoverEb := func(error) (any, error) { return 0, nil }
	for b.Loop() {
		d := deferred.New(nil)
		d.AddCallback(addOne).AddErrback(recoverEb)
		_ = d.Errback(errBoom)
		if r, _ := d.Result(); r != 0 {
			b.Fatalf("result %v; want 0", r)
		}
	}
}

func BenchmarkDeepChain(b *testing.B) {
	b.Run("unfired/100000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if r, _ := nestUnfired(deep); r != "bottom" {
				b.Fatalf("result %v; want bottom", r)
			}
		}
	})
	b.Run("fired/100000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if r, _ := nestFired(deep); r != deep {
				b.Fatalf("result %v; want %d", r, deep)
			}
		}
	})
}

// TestFireAllocs pins the allocation counts the benchmarks report: the
// Deferred itself, plus chain storage beyond the inline first pair.
func TestFireAllocs(t *testing.T) {
	tests := []struct {
		callbacks int
		want      float64
	}{
		{1, 1},
		{2, 2},
		{10, 4},
	}
	for _, tc := range tests {
		got := testing.AllocsPerRun(100, func() {
			d := deferred.New(nil)
			for range tc.callbacks {
				d.AddCallback(addOne)
			}
			_ = d.Callback(0)
		})
		if got != tc.want {
			t.Errorf("firing with %d callbacks: %v allocations; want %v", tc.callbacks, got, tc.want)
		}
	}
}
