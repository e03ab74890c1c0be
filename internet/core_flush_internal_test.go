package internet

import (
	"bytes"
	"log/slog"
	"testing"
)

// flushFunc is a transport.Flusher made of a function.
type flushFunc func()

func (f flushFunc) Flush() { f() }

// A Flush that reaches runFlushes again (through a callback such as a
// connector's ClientConnectionLost) must not make the inner pass replay the
// slots the outer pass already took: each queued flusher runs exactly once
// and nothing panics.
func TestRunFlushesReentered(t *testing.T) {
	var logged bytes.Buffer
	r, err := NewWithOptions("poll", Options{
		Logger:           slog.New(slog.NewTextHandler(&logged, nil)),
		NoSignalHandlers: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })

	runs := map[string]int{}
	second := flushFunc(func() { runs["second"]++ })
	third := flushFunc(func() { runs["third"]++ })
	first := flushFunc(func() {
		runs["first"]++
		r.runCall("callback inside a flush", func() { r.QueueFlush(third) })
	})
	r.QueueFlush(first)
	r.QueueFlush(second)
	r.runFlushes()

	for _, name := range []string{"first", "second", "third"} {
		if runs[name] != 1 {
			t.Errorf("%s flushed %d times, want 1", name, runs[name])
		}
	}
	if logged.Len() != 0 {
		t.Errorf("reactor logged during the flushes:\n%s", logged.String())
	}
	if len(r.flushQ) != 0 {
		t.Errorf("flush queue holds %d entries after the pass, want 0", len(r.flushQ))
	}
}
