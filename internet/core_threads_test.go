package internet_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

func TestCallFromThreadManyGoroutines(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		const goroutines, calls = 100, 200
		internettest.RunReactor(t, r)
		seen := make([][]int, goroutines) // touched only on the reactor goroutine
		total := 0
		done := make(chan struct{})
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Go(func() {
				for i := range calls {
					r.CallFromThread(func() {
						seen[g] = append(seen[g], i)
						if total++; total == goroutines*calls {
							close(done)
						}
					})
				}
			})
		}
		wg.Wait()
		internettest.Await(t, done)
		for g, got := range seen {
			if len(got) != calls {
				t.Fatalf("goroutine %d: %d calls ran, want %d", g, len(got), calls)
			}
			for i, v := range got {
				if v != i {
					t.Fatalf("goroutine %d: call %d ran in position %d", g, v, i)
				}
			}
		}
	})
}

func TestCallFromThreadBeforeRun(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		running := make(chan bool, 1)
		r.CallFromThread(func() { running <- r.Running() })
		internettest.RunReactor(t, r)
		if !internettest.Await(t, running) {
			t.Errorf("a call queued before Run ran before the reactor was running")
		}
	})
}

func TestCallFromThreadAfterStopNeverRuns(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r.CallWhenRunning(func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		r.CallFromThread(func() { t.Errorf("call queued after the reactor stopped ran") })
	})
}

func TestCallInThreadBounded(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		const size, tasks = 2, 8
		r.SuggestThreadPoolSize(size)
		var active, peak atomic.Int32
		started := make(chan struct{}, tasks)
		release := make(chan struct{})
		var finished sync.WaitGroup
		finished.Add(tasks)
		for range tasks {
			r.CallInThread(func() {
				defer finished.Done()
				n := active.Add(1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				started <- struct{}{}
				<-release
				active.Add(-1)
			})
		}
		for range size {
			internettest.Await(t, started)
		}
		close(release)
		finished.Wait()
		if p := peak.Load(); p != size {
			t.Errorf("peak concurrency %d, want %d", p, size)
		}
	})
}

func TestCallInThreadPanicKeepsPool(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r, logs := newLoggedReactor(t, r, internet.Options{})
		r.SuggestThreadPoolSize(1)
		r.CallInThread(func() { panic("worker boom") })
		done := make(chan struct{})
		r.CallInThread(func() { close(done) })
		internettest.Await(t, done)
		mustContain(t, "log", logs.String(), "worker boom", "core_threads_test.go")
	})
}

func TestBlockingCallFromThread(t *testing.T) {
	errBoom := errors.New("boom")
	tests := []struct {
		name    string
		f       func(r *internet.Reactor) (any, error)
		want    any
		wantErr error
	}{
		{"value", func(*internet.Reactor) (any, error) { return 42, nil }, 42, nil},
		{"error", func(*internet.Reactor) (any, error) { return nil, errBoom }, nil, errBoom},
		{"deferred", func(r *internet.Reactor) (any, error) {
			d := deferred.New(nil)
			r.CallLater(5*time.Millisecond, func() { _ = d.Callback("later") })
			return d, nil
		}, "later", nil},
		{"failed deferred", func(r *internet.Reactor) (any, error) {
			d := deferred.New(nil)
			r.CallLater(0, func() { _ = d.Errback(errBoom) })
			return d, nil
		}, nil, errBoom},
		{"reactor goroutine", func(r *internet.Reactor) (any, error) { return r.Running(), nil }, true, nil},
	}
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		for _, tc := range tests {
			got, err := internet.BlockingCallFromThread(context.Background(), r, func() (any, error) { return tc.f(r) })
			if got != tc.want || !errors.Is(err, tc.wantErr) {
				t.Errorf("%s: got (%v, %v), want (%v, %v)", tc.name, got, err, tc.want, tc.wantErr)
			}
		}
		_, err := internet.BlockingCallFromThread(context.Background(), r, func() (any, error) { panic("inside") })
		var pe *interfaces.PanicError
		if !errors.As(err, &pe) || pe.Value != "inside" {
			t.Errorf("panic: got %v, want a *PanicError with value %q", err, "inside")
		}
	})
}

func TestBlockingCallFromThreadContext(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		ctx, cancel := context.WithCancel(context.Background())
		var pending *deferred.Deferred
		res := make(chan error, 1)
		go func() {
			_, err := internet.BlockingCallFromThread(ctx, r, func() (any, error) {
				pending = deferred.New(nil) // never fired
				cancel()
				return pending, nil
			})
			res <- err
		}()
		if err := internettest.Await(t, res); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestBlockingCallFromThreadStoppedReactor(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r.CallWhenRunning(func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		_, err := internet.BlockingCallFromThread(context.Background(), r, func() (any, error) { return 1, nil })
		if !errors.Is(err, interfaces.ErrReactorNotRunning) {
			t.Errorf("err = %v, want ErrReactorNotRunning", err)
		}
	})
}
