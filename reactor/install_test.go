package reactor_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/reactor"
)

// The singleton is process-wide, so each scenario runs in its own child
// process: the test binary re-executed with childEnv naming the scenario.
const childEnv = "TWISTGO_REACTOR_TEST_CHILD"

// name returns the name of an internet reactor, or what else r is.
func name(r interfaces.Reactor) string {
	if ir, ok := r.(*internet.Reactor); ok {
		return ir.Name()
	}
	return fmt.Sprintf("%T", r)
}

// say prints one line of a scenario's output.
func say(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// scenarios print what they observe; the parent compares the output.
var scenarios = map[string]func(){
	"install poll then run": func() {
		say("install: %v", reactor.InstallByName("poll"))
		reactor.CallWhenRunning(func() {
			say("running %s: %v", reactor.Name(), reactor.Running())
			_ = reactor.Stop()
		})
		say("run: %v", reactor.Run())
	},
	"install after first use": func() {
		first := reactor.Get()
		other, err := internet.NewWithOptions("poll", internet.Options{NoSignalHandlers: true})
		if err != nil {
			say("new: %v", err)
			return
		}
		say("install: %v", errors.Is(reactor.Install(other), interfaces.ErrReactorAlreadyInstalled))
		say("install by name: %v", errors.Is(reactor.InstallByName("select"), interfaces.ErrReactorAlreadyInstalled))
		say("same: %v, default: %v", reactor.Get() == first, name(first) == internet.DefaultName())
	},
	"install twice": func() {
		r1, _ := internet.New("select")
		r2, _ := internet.New("poll")
		say("first: %v", reactor.Install(r1))
		say("second: %v", errors.Is(reactor.Install(r2), interfaces.ErrReactorAlreadyInstalled))
		say("installed: %s", reactor.Name())
	},
	"get installs the default": func() {
		r := reactor.Get()
		say("default: %v, stable: %v", name(r) == internet.DefaultName(), reactor.Get() == r)
		say("install: %v", errors.Is(reactor.InstallByName("default"), interfaces.ErrReactorAlreadyInstalled))
	},
	"bad name installs nothing": func() {
		err := reactor.InstallByName("bogus")
		say("unknown: %v", errors.Is(err, interfaces.ErrUnknownReactor))
		say("nil: %v", errors.Is(reactor.Install(nil), interfaces.ErrInvalidArgument))
		say("then: %v", reactor.InstallByName("poll"))
		say("installed: %s", reactor.Name())
	},
	"delegates": func() {
		reactor.AddSystemEventTrigger(interfaces.Before, interfaces.Shutdown, func() *deferred.Deferred {
			say("before shutdown")
			return nil
		})
		reactor.SuggestThreadPoolSize(2)
		reactor.CallWhenRunning(func() {
			dc := reactor.CallLater(time.Hour, func() {})
			say("pending: %d", len(reactor.DelayedCalls()))
			_ = dc.Cancel()
			reactor.CallInThread(func() {
				reactor.CallFromThread(func() {
					say("from a worker, running: %v", reactor.Running())
					_ = reactor.Stop()
				})
			})
		})
		say("run: %v", reactor.Run())
		say("run again: %v", errors.Is(reactor.Run(), interfaces.ErrReactorNotRestartable))
	},
}

func TestChild(t *testing.T) {
	scenario := os.Getenv(childEnv)
	if scenario == "" {
		t.Skip("helper: runs only in a child process started by TestSingleton")
	}
	f, ok := scenarios[scenario]
	if !ok {
		t.Fatalf("unknown scenario %q", scenario)
	}
	f()
}

func TestSingleton(t *testing.T) {
	tests := []struct {
		scenario string
		want     []string
	}{
		{"install poll then run", []string{"install: <nil>", "running poll: true", "run: <nil>"}},
		{"install after first use", []string{"install: true", "install by name: true", "same: true, default: true"}},
		{"install twice", []string{"first: <nil>", "second: true", "installed: select"}},
		{"get installs the default", []string{"default: true, stable: true", "install: true"}},
		{"bad name installs nothing", []string{"unknown: true", "nil: true", "then: <nil>", "installed: poll"}},
		{"delegates", []string{"pending: 1", "from a worker, running: true", "before shutdown", "run: <nil>", "run again: true"}},
	}
	for _, tc := range tests {
		t.Run(tc.scenario, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), childEnv+"="+tc.scenario, "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("child: %v\nstdout:\n%s\nstderr:\n%s", err, out, stderr.String())
			}
			got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			if len(got) > 0 && got[len(got)-1] == "PASS" {
				got = got[:len(got)-1]
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}
