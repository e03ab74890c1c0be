package internet_test

import (
	"errors"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

func TestStopWhenNotRunning(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		if err := r.Stop(); !errors.Is(err, interfaces.ErrReactorNotRunning) {
			t.Errorf("Stop before Run = %v, want ErrReactorNotRunning", err)
		}
	})
}

func TestRunStopRunErrors(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		var runAgain, stop1, stop2 error
		r.CallWhenRunning(func() {
			runAgain = r.Run()
			stop1 = r.Stop()
			stop2 = r.Stop()
		})
		if err := r.Run(); err != nil {
			t.Fatalf("Run = %v", err)
		}
		if !errors.Is(runAgain, interfaces.ErrReactorAlreadyRunning) {
			t.Errorf("Run while running = %v, want ErrReactorAlreadyRunning", runAgain)
		}
		if stop1 != nil {
			t.Errorf("first Stop = %v, want nil", stop1)
		}
		if !errors.Is(stop2, interfaces.ErrReactorNotRunning) {
			t.Errorf("second Stop = %v, want ErrReactorNotRunning", stop2)
		}
		if err := r.Run(); !errors.Is(err, interfaces.ErrReactorNotRestartable) {
			t.Errorf("Run after stop = %v, want ErrReactorNotRestartable", err)
		}
		if err := r.Stop(); !errors.Is(err, interfaces.ErrReactorNotRunning) {
			t.Errorf("Stop after Run returned = %v, want ErrReactorNotRunning", err)
		}
	})
}
