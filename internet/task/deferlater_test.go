package task_test

import (
	"errors"
	"testing"
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/internet/task"
)

func TestDeferLater(t *testing.T) {
	errBoom := errors.New("boom")
	tests := []struct {
		name    string
		f       func() (any, error)
		want    any
		wantErr error
	}{
		{"nil function", nil, nil, nil},
		{"value", func() (any, error) { return 42, nil }, 42, nil},
		{"error", func() (any, error) { return nil, errBoom }, nil, errBoom},
		{"Deferred", func() (any, error) { return deferred.Succeed("later"), nil }, "later", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := task.NewClock()
			d := task.DeferLater(c, 3*time.Second, tc.f)
			c.Advance(2 * time.Second)
			if d.Called() {
				t.Fatal("fired before the delay passed")
			}
			c.Advance(time.Second)
			got, err := result(t, d)
			if got != tc.want || !errors.Is(err, tc.wantErr) || (err == nil) != (tc.wantErr == nil) {
				t.Errorf("result = %v, %v; want %v, %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestDeferLaterPanic(t *testing.T) {
	c := task.NewClock()
	d := task.DeferLater(c, 0, func() (any, error) { panic("boom") })
	c.Advance(0)
	var pe *deferred.PanicError
	if _, err := result(t, d); !errors.As(err, &pe) || pe.Value != "boom" {
		t.Errorf("result error = %v, want a *PanicError for boom", err)
	}
}

func TestDeferLaterCancel(t *testing.T) {
	c := task.NewClock()
	called := false
	d := task.DeferLater(c, time.Second, func() (any, error) { called = true; return nil, nil })
	d.Cancel()
	if n := len(c.DelayedCalls()); n != 0 {
		t.Errorf("%d calls scheduled after Cancel, want 0", n)
	}
	if _, err := result(t, d); !errors.Is(err, deferred.ErrCancelled) {
		t.Errorf("result error = %v, want ErrCancelled", err)
	}
	c.Advance(time.Second)
	if called {
		t.Error("function called after Cancel")
	}
}
