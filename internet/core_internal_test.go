package internet

import (
	"testing"

	"golang.org/x/sys/unix"
)

// countingReader counts DoRead calls.
type countingReader struct {
	fd    int
	reads int
}

func (d *countingReader) Fileno() int          { return d.fd }
func (d *countingReader) DoRead() error        { d.reads++; return nil }
func (d *countingReader) ConnectionLost(error) {}

// TestStaleGenerationIgnored registers a descriptor, replaces it on the
// same number with another, and delivers an event collected for the
// first: the second must not see it.
func TestStaleGenerationIgnored(t *testing.T) {
	for _, k := range reactorKinds {
		t.Run(k.name, func(t *testing.T) {
			r, err := newReactor(k, Options{NoSignalHandlers: true})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var p [2]int
			if err := unix.Pipe(p[:]); err != nil {
				t.Fatal(err)
			}
			defer unix.Close(p[0])
			defer unix.Close(p[1])
			old, repl := &countingReader{fd: p[0]}, &countingReader{fd: p[0]}
			if err := r.AddReader(old); err != nil {
				t.Fatal(err)
			}
			stale := ready{fd: int32(p[0]), gen: r.watchAt(p[0]).gen, ev: evRead}
			r.RemoveReader(old)
			if err := r.AddReader(repl); err != nil {
				t.Fatal(err)
			}
			r.dispatch(stale)
			if old.reads+repl.reads != 0 {
				t.Errorf("stale event reached a descriptor: old %d, new %d reads", old.reads, repl.reads)
			}
			r.dispatch(ready{fd: int32(p[0]), gen: r.watchAt(p[0]).gen, ev: evRead})
			if repl.reads != 1 {
				t.Errorf("current event: %d reads, want 1", repl.reads)
			}
		})
	}
}
