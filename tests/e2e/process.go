// A program under test: start it, wait on its output, stop it.

package e2e

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Timeout bounds every wait of this package: for an output line, for the
// process to exit. A test that needs longer may raise it before starting.
var Timeout = 10 * time.Second

// Proc is a running program started by [Start]. Its output is collected
// line by line as it arrives; the wait methods block until a line or the
// exit they want shows up, and fail the test after [Timeout].
//
// Call its methods only from the test's goroutine (they may call
// t.Fatal).
type Proc struct {
	t      testing.TB
	name   string
	cmd    *exec.Cmd
	out    *output
	exited chan struct{} // closed once the process exited and its output is in
	code   int           // exit code, valid once exited is closed; -1 if killed by a signal
}

// Start runs bin with args, its stdout and stderr collected. The process is
// killed, if still running, when the test ends; if the test failed, its
// output is logged then.
func Start(t testing.TB, bin string, args ...string) *Proc {
	t.Helper()
	p := &Proc{t: t, name: bin, out: newOutput(), exited: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stdout = p.out.writer(Stdout)
	p.cmd.Stderr = p.out.writer(Stderr)
	p.cmd.WaitDelay = Timeout
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	go p.wait()
	t.Cleanup(p.cleanup)
	return p
}

// Run runs bin with args to completion and returns its exit code, stdout
// and stderr; it fails the test if the program runs longer than [Timeout].
func Run(t testing.TB, bin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	p := Start(t, bin, args...)
	code = p.Wait()
	return code, p.Stdout(), p.Stderr()
}

// wait reaps the process. exec.Cmd.Wait returns only after the output has
// been copied, so every line is in once exited is closed.
func (p *Proc) wait() {
	err := p.cmd.Wait()
	p.code = p.cmd.ProcessState.ExitCode()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		p.out.note("e2e: wait: " + err.Error())
	}
	close(p.exited)
}

// cleanup kills a process the test left running and logs the output of a
// failed test.
func (p *Proc) cleanup() {
	select {
	case <-p.exited:
	default:
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
	if p.t.Failed() {
		p.t.Logf("output of %s:\n%s", p.name, p.out.all())
	}
}

// Addr waits for the first "listening on HOST:PORT" line and returns
// HOST:PORT.
func (p *Proc) Addr() string {
	p.t.Helper()
	return p.Addrs(1)[0]
}

// Addrs waits until n "listening on HOST:PORT" lines have been logged and
// returns their addresses in order.
func (p *Proc) Addrs(n int) []string {
	p.t.Helper()
	var addrs []string
	p.until("%d listening lines", n, func(lines []Line) bool {
		addrs = addrs[:0]
		for _, l := range lines {
			if a, ok := ListenAddr(l.Text); ok {
				addrs = append(addrs, a)
			}
		}
		return len(addrs) >= n
	})
	return addrs[:n]
}

// WaitLine waits for an output line, on either stream, that contains every
// one of parts, and returns it.
func (p *Proc) WaitLine(parts ...string) string {
	p.t.Helper()
	var found string
	p.until("a line containing %q", parts, func(lines []Line) bool {
		for _, l := range lines {
			if containsAll(l.Text, parts) {
				found = l.Text
				return true
			}
		}
		return false
	})
	return found
}

// Stop sends SIGTERM and returns the exit code once the process exited.
func (p *Proc) Stop() int {
	p.t.Helper()
	return p.StopWith(syscall.SIGTERM)
}

// StopWith sends sig and returns the exit code once the process exited.
func (p *Proc) StopWith(sig os.Signal) int {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		p.t.Fatalf("signal %s: %v", p.name, err)
	}
	return p.Wait()
}

// Wait waits for the process to exit and returns its exit code (-1 if a
// signal killed it).
func (p *Proc) Wait() int {
	p.t.Helper()
	select {
	case <-p.exited:
		return p.code
	case <-time.After(Timeout):
		p.t.Fatalf("%s did not exit within %v; output so far:\n%s", p.name, Timeout, p.out.all())
		return -1
	}
}

// Stdout returns what the process wrote to stdout so far, all of it once
// Wait returned.
func (p *Proc) Stdout() string { return p.out.text(Stdout) }

// Stderr returns what the process wrote to stderr so far, all of it once
// Wait returned.
func (p *Proc) Stderr() string { return p.out.text(Stderr) }

// until waits until done accepts the output lines, failing the test with
// what (formatted with arg) after Timeout or if the process exits first.
func (p *Proc) until(what string, arg any, done func([]Line) bool) {
	p.t.Helper()
	deadline := time.NewTimer(Timeout)
	defer deadline.Stop()
	for {
		lines, changed := p.out.snapshot()
		if done(lines) {
			return
		}
		select {
		case <-changed:
		case <-p.exited: // all output is in now: look at it once more
			if done(p.out.lines()) {
				return
			}
			p.t.Fatalf("%s exited (code %d) before "+what+"; output:\n%s", p.name, p.code, arg, p.out.all())
		case <-deadline.C:
			p.t.Fatalf("no "+what+" from %s within %v; output so far:\n%s", arg, p.name, Timeout, p.out.all())
		}
	}
}

func containsAll(s string, parts []string) bool {
	for _, part := range parts {
		if !strings.Contains(s, part) {
			return false
		}
	}
	return true
}
