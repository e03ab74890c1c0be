package task_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/internet/task"
)

// steppingNow returns a time source that moves 1 ms on every read, so a
// Cooperator's time slice is spent after a known number of work units.
func steppingNow() func() time.Time {
	t := time.Unix(0, 0)
	return func() time.Time {
		t = t.Add(time.Millisecond)
		return t
	}
}

// counting returns an Iterator that appends name to log and is done after
// n calls.
func counting(log *[]string, name string, n int) task.Iterator {
	return func() (*deferred.Deferred, bool, error) {
		*log = append(*log, name)
		n--
		return nil, n > 0, nil
	}
}

// newCooperator returns a Cooperator on a Clock whose time slice allows
// three work units per turn.
func newCooperator() (*task.Clock, *task.Cooperator) {
	c := task.NewClock()
	return c, task.NewCooperator(c, task.CooperatorOptions{TimeSlice: 3 * time.Millisecond, Now: steppingNow()})
}

// turn runs one Cooperator turn on c.
func turn(c *task.Clock) { c.Advance(time.Nanosecond) }

func TestCooperatorRoundRobinWithBudget(t *testing.T) {
	c, coop := newCooperator()
	var log []string
	for _, name := range []string{"a", "b", "c", "d"} {
		coop.Cooperate(counting(&log, name, 3))
	}
	var perTurn [][]string
	for range 5 {
		log = nil
		turn(c)
		perTurn = append(perTurn, log)
	}
	want := [][]string{
		{"a", "b", "c"},
		{"d", "a", "b"},
		{"c", "d", "a"}, // a is done after its third unit
		{"b", "c", "d"}, // b, c, d are done
		nil,
	}
	if diff := cmp.Diff(want, perTurn); diff != "" {
		t.Errorf("work units per turn (-want +got):\n%s", diff)
	}
	if n := len(c.DelayedCalls()); n != 0 {
		t.Errorf("%d turns scheduled with no task left", n)
	}
}

func TestCooperatorRunsOneUnitPerTurnAtLeast(t *testing.T) {
	c := task.NewClock()
	var now time.Time
	slow := func() time.Time { now = now.Add(time.Hour); return now }
	coop := task.NewCooperator(c, task.CooperatorOptions{Now: slow})
	var log []string
	coop.Cooperate(counting(&log, "a", 2))
	coop.Cooperate(counting(&log, "b", 2))
	turn(c)
	if diff := cmp.Diff([]string{"a"}, log); diff != "" {
		t.Errorf("first turn (-want +got):\n%s", diff)
	}
}

func TestCooperativeTaskWhenDone(t *testing.T) {
	errBoom := errors.New("boom")
	tests := []struct {
		name  string
		it    task.Iterator
		state error // what Pause returns afterwards
		check func(r any, err error) bool
	}{
		{
			name:  "done",
			it:    func() (*deferred.Deferred, bool, error) { return nil, false, nil },
			state: task.ErrTaskDone,
			check: func(r any, err error) bool { _, ok := r.(task.Iterator); return ok && err == nil },
		},
		{
			name:  "error",
			it:    func() (*deferred.Deferred, bool, error) { return nil, true, errBoom },
			state: task.ErrTaskFailed,
			check: func(_ any, err error) bool { return errors.Is(err, errBoom) },
		},
		{
			name:  "panic",
			it:    func() (*deferred.Deferred, bool, error) { panic("boom") },
			state: task.ErrTaskFailed,
			check: func(_ any, err error) bool {
				var pe *deferred.PanicError
				return errors.As(err, &pe) && pe.Value == "boom"
			},
		},
		{
			name:  "failed Deferred",
			it:    func() (*deferred.Deferred, bool, error) { return deferred.Fail(errBoom), true, nil },
			state: task.ErrTaskFailed,
			check: func(_ any, err error) bool { return errors.Is(err, errBoom) },
		},
		{
			name:  "last Deferred",
			it:    func() (*deferred.Deferred, bool, error) { return deferred.Succeed(1), false, nil },
			state: task.ErrTaskDone,
			check: func(r any, err error) bool { return r != nil && err == nil },
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, coop := newCooperator()
			tk := coop.Cooperate(tc.it)
			before := tk.WhenDone()
			turn(c)
			for i, d := range []*deferred.Deferred{before, tk.WhenDone()} {
				if r, err := result(t, d); !tc.check(r, err) {
					t.Errorf("WhenDone #%d = %v, %v", i, r, err)
				}
			}
			if err := tk.Pause(); !errors.Is(err, tc.state) {
				t.Errorf("Pause after finishing = %v, want %v", err, tc.state)
			}
			if err := tk.Stop(); !errors.Is(err, tc.state) {
				t.Errorf("Stop after finishing = %v, want %v", err, tc.state)
			}
		})
	}
}

func TestCooperativeTaskWaitsOnDeferred(t *testing.T) {
	c, coop := newCooperator()
	var log []string
	var wait *deferred.Deferred
	waiter := coop.Cooperate(func() (*deferred.Deferred, bool, error) {
		log = append(log, "w")
		wait = deferred.New(nil)
		return wait, true, nil
	})
	coop.Cooperate(counting(&log, "x", 100))
	turn(c)
	turn(c)
	if diff := cmp.Diff([]string{"w", "x", "x", "x", "x", "x"}, log); diff != "" {
		t.Fatalf("while waiting (-want +got):\n%s", diff)
	}
	_ = wait.Callback(nil)
	log = nil
	turn(c)
	// w rejoins at the end of the ring, where the position now is.
	if diff := cmp.Diff([]string{"w", "x", "x"}, log); diff != "" {
		t.Fatalf("after the Deferred fired (-want +got):\n%s", diff)
	}
	_ = waiter.Stop()
}

func TestCooperativeTaskPauseResume(t *testing.T) {
	c, coop := newCooperator()
	var log []string
	tk := coop.Cooperate(counting(&log, "a", 100))
	if err := tk.Resume(); !errors.Is(err, task.ErrNotPaused) {
		t.Errorf("Resume unpaused = %v, want ErrNotPaused", err)
	}
	for range 2 {
		if err := tk.Pause(); err != nil {
			t.Fatalf("Pause: %v", err)
		}
	}
	turn(c)
	_ = tk.Resume()
	turn(c)
	if len(log) != 0 {
		t.Fatalf("ran while paused: %v", log)
	}
	_ = tk.Resume()
	turn(c)
	if len(log) != 3 {
		t.Fatalf("after the last Resume, %d units ran, want 3", len(log))
	}
	if err := tk.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if _, err := result(t, tk.WhenDone()); !errors.Is(err, task.ErrTaskStopped) {
		t.Errorf("WhenDone after Stop = %v, want ErrTaskStopped", err)
	}
	turn(c)
	if len(log) != 3 || len(c.DelayedCalls()) != 0 {
		t.Errorf("stopped task ran (%d units) or a turn is scheduled", len(log))
	}
}

func TestCooperatorStop(t *testing.T) {
	c, coop := newCooperator()
	var log []string
	active := coop.Cooperate(counting(&log, "a", 100))
	paused := coop.Cooperate(counting(&log, "p", 100))
	_ = paused.Pause()
	waiting := coop.Cooperate(func() (*deferred.Deferred, bool, error) { return deferred.New(nil), true, nil })
	turn(c)
	var stoppedAgain bool
	active.WhenDone().AddErrback(func(error) (any, error) {
		coop.Stop() // re-entrant Stop from a WhenDone callback is harmless
		stoppedAgain = true
		return nil, nil
	})
	coop.Stop()
	if !stoppedAgain || coop.Running() {
		t.Fatalf("stoppedAgain = %v, Running() = %v", stoppedAgain, coop.Running())
	}
	for name, tk := range map[string]*task.CooperativeTask{"active": active, "paused": paused, "waiting": waiting} {
		if _, err := result(t, tk.WhenDone()); !errors.Is(err, task.ErrSchedulerStopped) {
			t.Errorf("%s: WhenDone = %v, want ErrSchedulerStopped", name, err)
		}
	}
	late := coop.Coiterate(counting(&log, "late", 1))
	if _, err := result(t, late); !errors.Is(err, task.ErrSchedulerStopped) {
		t.Errorf("Coiterate on a stopped Cooperator = %v, want ErrSchedulerStopped", err)
	}
	if n := len(c.DelayedCalls()); n != 0 {
		t.Errorf("%d turns scheduled after Stop", n)
	}

	coop.Start()
	done := coop.Coiterate(counting(&log, "again", 1))
	turn(c)
	if _, err := result(t, done); err != nil {
		t.Errorf("task after Start: %v", err)
	}
}

func TestCooperatorDefaultOptions(t *testing.T) {
	c := task.NewClock()
	coop := task.NewCooperator(c, task.CooperatorOptions{})
	var log []string
	a := coop.Coiterate(counting(&log, "a", 50))
	b := coop.Coiterate(counting(&log, "b", 50))
	for turns := 0; !(a.Called() && b.Called()); turns++ {
		if turns == 1000 {
			t.Fatal("tasks not done after 1000 turns")
		}
		turn(c)
	}
	if len(log) != 100 {
		t.Errorf("%d work units ran, want 100", len(log))
	}
}
