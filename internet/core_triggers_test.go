package internet_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// TestLifecycleOrder checks the order Twisted shows for a full run, and
// what Running reports in each phase.
func TestLifecycleOrder(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		var got []string
		note := func(what string) { got = append(got, fmt.Sprintf("%s running=%v", what, r.Running())) }
		add := func(phase interfaces.Phase, event interfaces.Event) {
			t.Helper()
			name := string(phase) + " " + string(event)
			if _, err := r.AddSystemEventTrigger(phase, event, func() *deferred.Deferred { note(name); return nil }); err != nil {
				t.Fatalf("AddSystemEventTrigger(%s): %v", name, err)
			}
		}
		for _, e := range []interfaces.Event{interfaces.Shutdown, interfaces.Startup} {
			add(interfaces.After, e)
			add(interfaces.During, e)
			add(interfaces.Before, e)
		}
		r.CallWhenRunning(func() {
			note("when running")
			_ = r.Stop()
			note("stopped")
		})
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		want := []string{
			"before startup running=false",
			"during startup running=true",
			"after startup running=true",
			"when running running=true",
			"stopped running=true",
			"before shutdown running=true",
			"during shutdown running=false",
			"after shutdown running=false",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("order (-want +got):\n%s", diff)
		}
	})
}

func TestShutdownWaitsForBeforeDeferreds(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r, logs := newLoggedReactor(t, r, internet.Options{})
		var got []string
		for i, d := range []time.Duration{20 * time.Millisecond, 5 * time.Millisecond, 0} {
			r.AddSystemEventTrigger(interfaces.Before, interfaces.Shutdown, func() *deferred.Deferred {
				d1 := deferred.New(nil)
				r.CallLater(d, func() {
					got = append(got, fmt.Sprintf("deferred %d", i))
					if i == 1 {
						_ = d1.Errback(errors.New("a failure does not block shutdown"))
						return
					}
					_ = d1.Callback(nil)
				})
				return d1
			})
		}
		r.AddSystemEventTrigger(interfaces.Before, interfaces.Shutdown, func() *deferred.Deferred {
			return deferred.Succeed("already fired")
		})
		r.AddSystemEventTrigger(interfaces.During, interfaces.Shutdown, func() *deferred.Deferred {
			got = append(got, "during")
			return nil
		})
		r.CallWhenRunning(func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		want := []string{"deferred 2", "deferred 1", "deferred 0", "during"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("order (-want +got):\n%s", diff)
		}
		mustContain(t, "log", logs.String(), "a failure does not block shutdown")
	})
}

func TestShutdownTimeoutBoundsTheWait(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r, logs := newLoggedReactor(t, r, internet.Options{ShutdownTimeout: 20 * time.Millisecond})
		during := false
		r.AddSystemEventTrigger(interfaces.Before, interfaces.Shutdown, func() *deferred.Deferred {
			return deferred.New(nil) // never fires
		})
		r.AddSystemEventTrigger(interfaces.During, interfaces.Shutdown, func() *deferred.Deferred {
			during = true
			return nil
		})
		r.CallWhenRunning(func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		if !during {
			t.Errorf("During shutdown did not run after the timeout")
		}
		mustContain(t, "log", logs.String(), "still pending")
	})
}

func TestTriggerAddedWhilePhaseRuns(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		var got []string
		r.AddSystemEventTrigger(interfaces.Before, interfaces.Startup, func() *deferred.Deferred {
			got = append(got, "first")
			r.AddSystemEventTrigger(interfaces.Before, interfaces.Startup, func() *deferred.Deferred {
				got = append(got, "added by first")
				return nil
			})
			return nil
		})
		r.CallWhenRunning(func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		if diff := cmp.Diff([]string{"first", "added by first"}, got); diff != "" {
			t.Errorf("triggers run (-want +got):\n%s", diff)
		}
	})
}

func TestRemoveSystemEventTrigger(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		id, err := r.AddSystemEventTrigger(interfaces.During, interfaces.Shutdown, func() *deferred.Deferred {
			t.Errorf("removed trigger ran")
			return nil
		})
		if err != nil {
			t.Fatalf("AddSystemEventTrigger: %v", err)
		}
		if err := r.RemoveSystemEventTrigger(id); err != nil {
			t.Errorf("RemoveSystemEventTrigger: %v", err)
		}
		for _, bad := range []interfaces.TriggerID{id, 0, id + 100} {
			if err := r.RemoveSystemEventTrigger(bad); !errors.Is(err, interfaces.ErrUnknownTrigger) {
				t.Errorf("RemoveSystemEventTrigger(%d) = %v, want ErrUnknownTrigger", bad, err)
			}
		}
		ran, _ := r.AddSystemEventTrigger(interfaces.Before, interfaces.Startup, func() *deferred.Deferred { return nil })
		r.CallWhenRunning(func() {
			if err := r.RemoveSystemEventTrigger(ran); !errors.Is(err, interfaces.ErrUnknownTrigger) {
				t.Errorf("removing a trigger that ran = %v, want ErrUnknownTrigger", err)
			}
			_ = r.Stop()
		})
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
	})
}

func TestAddSystemEventTriggerInvalid(t *testing.T) {
	ok := func() *deferred.Deferred { return nil }
	tests := []struct {
		name  string
		phase interfaces.Phase
		event interfaces.Event
		f     interfaces.Trigger
	}{
		{"phase", "sometime", interfaces.Startup, ok},
		{"event", interfaces.Before, "lunch", ok},
		{"nil trigger", interfaces.Before, interfaces.Startup, nil},
	}
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		for _, tc := range tests {
			if _, err := r.AddSystemEventTrigger(tc.phase, tc.event, tc.f); !errors.Is(err, interfaces.ErrInvalidArgument) {
				t.Errorf("%s: err = %v, want ErrInvalidArgument", tc.name, err)
			}
		}
	})
}
