package internet_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
)

// childEnv selects, in a re-executed test binary, the scenario TestChild
// runs: process-wide state such as signal handling stays out of the
// parent.
const childEnv = "TWISTGO_INTERNET_TEST_CHILD"

// children are the scenarios a child process can run. Each prints what
// happened; the parent checks the output and the exit status.
var children = map[string]func() error{
	"sigterm":   func() error { return stopBySignal(syscall.SIGTERM, internet.Options{}) },
	"sigint":    func() error { return stopBySignal(syscall.SIGINT, internet.Options{}) },
	"nosignals": func() error { return stopBySignal(syscall.SIGTERM, internet.Options{NoSignalHandlers: true}) },
}

// stopBySignal runs a reactor that sends itself sig once running.
func stopBySignal(sig syscall.Signal, o internet.Options) error {
	r, err := internet.NewWithOptions("default", o)
	if err != nil {
		return err
	}
	r.AddSystemEventTrigger(interfaces.Before, interfaces.Shutdown, func() *deferred.Deferred {
		fmt.Println("before shutdown")
		return nil
	})
	r.CallWhenRunning(func() {
		fmt.Println("running")
		_ = syscall.Kill(os.Getpid(), sig)
	})
	r.CallLater(10*time.Second, func() {
		fmt.Println("no signal arrived")
		_ = r.Stop()
	})
	if err := r.Run(); err != nil {
		return err
	}
	fmt.Println("run returned")
	return nil
}

func TestChild(t *testing.T) {
	name := os.Getenv(childEnv)
	if name == "" {
		t.Skip("helper: runs only in a child process started by another test")
	}
	f, ok := children[name]
	if !ok {
		t.Fatalf("unknown child scenario %q", name)
	}
	if err := f(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// runChild re-executes the test binary to run one child scenario, and
// returns its standard output (the log goes to standard error) and how it
// ended. The race detector's default pause at exit is turned off.
func runChild(t *testing.T, name string) (string, *exec.ExitError) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+name, "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running child %s: %v", name, err)
	}
	if exit != nil && stderr.Len() > 0 {
		t.Logf("child %s standard error:\n%s", name, stderr.String())
	}
	return string(out), exit
}

func TestSignalsStopGracefully(t *testing.T) {
	for _, name := range []string{"sigterm", "sigint"} {
		t.Run(name, func(t *testing.T) {
			if name == "sigint" && signal.Ignored(os.Interrupt) {
				t.Skip("SIGINT is ignored here (a background job?), so in the child too, and the reactor leaves an ignored SIGINT alone")
			}
			out, exit := runChild(t, name)
			if exit != nil {
				t.Fatalf("child failed: %v\n%s", exit, out)
			}
			mustContain(t, "child output", out, "running\nbefore shutdown\nrun returned\n")
		})
	}
}

func TestNoSignalHandlersLeavesSignalsAlone(t *testing.T) {
	out, exit := runChild(t, "nosignals")
	if exit == nil {
		t.Fatalf("child survived SIGTERM without handlers:\n%s", out)
	}
	ws, ok := exit.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("child ended with %v, want killed by SIGTERM\n%s", exit, out)
	}
}
