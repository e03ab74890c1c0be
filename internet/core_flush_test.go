package internet_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// recordingFlusher notes its flushes in a shared log, and runs then.
type recordingFlusher struct {
	name string
	log  *[]string
	then func()
}

func (f *recordingFlusher) Flush() {
	*f.log = append(*f.log, "flush "+f.name)
	if f.then != nil {
		f.then()
	}
}

func TestQueueFlushRunsAfterTheCallback(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		var got []string
		second := &recordingFlusher{name: "second", log: &got}
		first := &recordingFlusher{name: "first", log: &got, then: func() { r.QueueFlush(second) }}
		r.CallLater(0, func() {
			r.QueueFlush(first)
			got = append(got, "callback end")
		})
		r.CallLater(0, func() { got = append(got, "next callback") })
		r.Iterate(0)
		want := []string{"callback end", "flush first", "flush second", "next callback"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("order (-want +got):\n%s", diff)
		}
	})
}

// flushingReader is a reader that queues itself for a flush on every read;
// its Flush panics.
type flushingReader struct{ *reader }

func (d flushingReader) Flush() { panic("flush of a descriptor") }

func TestPanicInFlushCostsTheDescriptor(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		r, _ = newLoggedReactor(t, r, internet.Options{})
		rfd, wfd := nonblockingPipe(t)
		defer unix.Close(wfd)
		d := &flushingReader{newReader(r, rfd)}
		d.onRead = func() { r.QueueFlush(d) }
		if err := r.AddReader(d); err != nil {
			t.Fatalf("AddReader: %v", err)
		}
		if _, err := unix.Write(wfd, []byte("x")); err != nil {
			t.Fatalf("write: %v", err)
		}
		r.Iterate(-1)
		var pe *interfaces.PanicError
		if reason := internettest.Await(t, d.lost); !errors.As(reason, &pe) {
			t.Errorf("ConnectionLost(%v), want a *PanicError", reason)
		}
		if n := len(r.Readers()); n != 0 {
			t.Errorf("%d readers left after the panic", n)
		}
	})
}
