package internet_test

import (
	"errors"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// panicFlusher panics when flushed.
type panicFlusher struct{}

func (panicFlusher) Flush() { panic("flush boom") }

// TestPanicsAreContained panics in every kind of callback and checks that
// each is logged with its stack and the loop goes on.
func TestPanicsAreContained(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r, logs := newLoggedReactor(t, r, internet.Options{})
		r.AddSystemEventTrigger(interfaces.After, interfaces.Startup, func() *deferred.Deferred { panic("trigger boom") })
		r.CallLater(0, func() { panic("timer boom") })
		r.CallFromThread(func() { panic("thread call boom") })
		r.CallLater(0, func() { r.QueueFlush(panicFlusher{}) })

		rfd, wfd := nonblockingPipe(t)
		defer unix.Close(wfd)
		rd := newReader(r, rfd)
		rd.onRead = func() { panic("DoRead boom") }
		if err := r.AddReader(rd); err != nil {
			t.Fatalf("AddReader: %v", err)
		}
		if _, err := unix.Write(wfd, []byte("x")); err != nil {
			t.Fatalf("write: %v", err)
		}
		internettest.RunReactor(t, r)

		reason := internettest.Await(t, rd.lost)
		var pe *interfaces.PanicError
		if !errors.As(reason, &pe) || pe.Value != "DoRead boom" {
			t.Errorf("ConnectionLost(%v), want the *PanicError of DoRead", reason)
		}
		alive := make(chan struct{})
		r.CallFromThread(func() { r.CallLater(0, func() { close(alive) }) })
		internettest.Await(t, alive)
		mustContain(t, "log", logs.String(),
			"trigger boom", "timer boom", "thread call boom", "flush boom", "DoRead boom",
			"core_panic_test.go", "level=ERROR")
	})
}

func TestPanicInConnectionLostIsContained(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r, logs := newLoggedReactor(t, r, internet.Options{})
		rfd, wfd := nonblockingPipe(t)
		defer unix.Close(rfd)
		d := &panicOnLost{fd: wfd}
		if err := r.AddWriter(d); err != nil {
			t.Fatalf("AddWriter: %v", err)
		}
		r.CallLater(0, func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		mustContain(t, "log", logs.String(), "lost boom")
	})
}

// panicOnLost is a writer whose DoWrite fails and whose ConnectionLost
// panics after closing its fd.
type panicOnLost struct{ fd int }

func (d *panicOnLost) Fileno() int    { return d.fd }
func (d *panicOnLost) DoWrite() error { return errors.New("drop me") }
func (d *panicOnLost) ConnectionLost(error) {
	_ = unix.Close(d.fd)
	panic("lost boom")
}
