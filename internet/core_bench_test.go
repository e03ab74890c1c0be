package internet_test

import (
	"context"
	"testing"
	"time"

	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// benchReactor returns a fresh default reactor shut down when the
// benchmark ends.
func benchReactor(b *testing.B, name string) *internet.Reactor {
	b.Helper()
	r, err := internet.NewWithOptions(name, internet.Options{NoSignalHandlers: true})
	if err != nil {
		b.Fatalf("New(%q): %v", name, err)
	}
	b.Cleanup(func() {
		r.CallFromThread(func() { _ = r.Stop() })
		_ = r.Run()
	})
	return r
}

// BenchmarkCallLater schedules a call and runs it.
func BenchmarkCallLater(b *testing.B) {
	r := benchReactor(b, "default")
	fired := 0
	f := func() { fired++ }
	b.ReportAllocs()
	for b.Loop() {
		r.CallLater(0, f)
		r.RunUntilCurrent()
	}
	if fired != b.N {
		b.Fatalf("%d calls fired, want %d", fired, b.N)
	}
}

// BenchmarkCallLaterCancel schedules and cancels a call among 100 000
// pending ones.
func BenchmarkCallLaterCancel(b *testing.B) {
	const pending = 100_000
	r := benchReactor(b, "default")
	f := func() { b.Error("a cancelled call ran") }
	delays := make([]time.Duration, 1024)
	for i := range delays {
		delays[i] = time.Hour + time.Duration(i*7919%1024)*time.Second
	}
	for i := range pending {
		r.CallLater(delays[i%len(delays)]+time.Duration(i), f)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dc := r.CallLater(delays[i%len(delays)], f)
		if err := dc.Cancel(); err != nil {
			b.Fatal(err)
		}
		i++
	}
	if n := len(r.DelayedCalls()); n != pending {
		b.Fatalf("%d calls pending, want %d", n, pending)
	}
}

// BenchmarkCallFromThread measures queueing calls from other goroutines
// while the reactor runs them: one producer, and GOMAXPROCS producers.
func BenchmarkCallFromThread(b *testing.B) {
	b.Run("serial", func(b *testing.B) {
		r := benchReactor(b, "default")
		internettest.RunReactor(b, r)
		ran := 0
		f := func() { ran++ }
		b.ReportAllocs()
		for b.Loop() {
			r.CallFromThread(f)
		}
		got, err := internet.BlockingCallFromThread(context.Background(), r, func() (any, error) { return ran, nil })
		if err != nil || got != b.N {
			b.Fatalf("%v calls ran (%v), want %d", got, err, b.N)
		}
	})
	b.Run("parallel", func(b *testing.B) {
		r := benchReactor(b, "default")
		internettest.RunReactor(b, r)
		ran := 0
		f := func() { ran++ }
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				r.CallFromThread(f)
			}
		})
		got, err := internet.BlockingCallFromThread(context.Background(), r, func() (any, error) { return ran, nil })
		if err != nil || got != b.N {
			b.Fatalf("%v calls ran (%v), want %d", got, err, b.N)
		}
	})
}
