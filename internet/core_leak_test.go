package internet_test

import (
	"errors"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// TestNoFDLeak builds, runs and stops reactors of every kind, and some that
// never run, and checks that the process has as many descriptors open
// afterwards as before.
func TestNoFDLeak(t *testing.T) {
	for _, name := range internet.Names() {
		t.Run(name, func(t *testing.T) {
			before := internettest.OpenFDs(t)
			for range 10 {
				r, err := internet.NewWithOptions(name, internet.Options{NoSignalHandlers: true})
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				r.CallWhenRunning(func() { _ = r.Stop() })
				if err := r.Run(); err != nil {
					t.Fatalf("Run: %v", err)
				}
			}
			if after := internettest.OpenFDs(t); after != before {
				t.Errorf("%d descriptors open after 10 reactors ran, %d before", after, before)
			}
		})
	}
}

func TestNewByName(t *testing.T) {
	for _, name := range append(internet.Names(), "default", "") {
		r, err := internet.New(name)
		if err != nil {
			t.Errorf("New(%q): %v", name, err)
			continue
		}
		want := name
		if name == "default" || name == "" {
			want = internet.DefaultName()
		}
		if r.Name() != want {
			t.Errorf("New(%q).Name() = %q, want %q", name, r.Name(), want)
		}
		r.CallFromThread(func() { _ = r.Stop() })
		_ = r.Run()
	}
	_, err := internet.New("bogus")
	if !errors.Is(err, interfaces.ErrUnknownReactor) {
		t.Errorf("New(bogus) = %v, want ErrUnknownReactor", err)
	}
	mustContain(t, "error", err.Error(), internet.Names()...)
}

func TestNamedConstructors(t *testing.T) {
	ctors := map[string]func(internet.Options) (*internet.Reactor, error){
		"epoll":  internet.NewEPollReactor,
		"poll":   internet.NewPollReactor,
		"select": internet.NewSelectReactor,
		"kqueue": internet.NewKqueueReactor,
	}
	offered := map[string]bool{}
	for _, n := range internet.Names() {
		offered[n] = true
	}
	for name, ctor := range ctors {
		r, err := ctor(internet.Options{NoSignalHandlers: true})
		if !offered[name] {
			if !errors.Is(err, interfaces.ErrUnsupportedPlatform) {
				t.Errorf("%s: err = %v, want ErrUnsupportedPlatform", name, err)
			}
			continue
		}
		if err != nil || r.Name() != name {
			t.Errorf("%s: got (%v, %v)", name, r, err)
			continue
		}
		r.CallFromThread(func() { _ = r.Stop() })
		_ = r.Run()
	}
}

// TestIdleTurnDoesNotAllocate checks that a loop turn with nothing to do,
// and some idle descriptors, allocates nothing.
func TestIdleTurnDoesNotAllocate(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		for range 4 {
			rfd, wfd := nonblockingPipe(t)
			d := newReader(r, rfd)
			if err := r.AddReader(d); err != nil {
				t.Fatalf("AddReader: %v", err)
			}
			t.Cleanup(func() { _ = unix.Close(wfd) })
		}
		r.CallLater(time.Hour, func() {}) // a pending timer, not due
		if n := testing.AllocsPerRun(100, func() { r.Iterate(0) }); n != 0 {
			t.Errorf("an idle turn allocates %v times", n)
		}
	})
}
