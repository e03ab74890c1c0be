package internet_test

import (
	"errors"
	"slices"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// TestSelectRefusesHighFD checks that select refuses a descriptor number at
// or above FD_SETSIZE with ErrTooManyDescriptors and goes on working, while
// the other reactors watch the same number.
func TestSelectRefusesHighFD(t *testing.T) {
	if !slices.Contains(internet.Names(), "select") {
		t.Skip("no select reactor here")
	}
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		rfd, wfd := nonblockingPipe(t)
		defer unix.Close(rfd)
		defer unix.Close(wfd)
		high, err := unix.FcntlInt(uintptr(rfd), unix.F_DUPFD_CLOEXEC, unix.FD_SETSIZE)
		if err != nil {
			t.Skipf("cannot get a descriptor at or above FD_SETSIZE (%d): %v", unix.FD_SETSIZE, err)
		}
		d := newReader(r, high)
		err = r.AddReader(d)
		if r.Name() != "select" {
			if err != nil {
				t.Fatalf("%s: AddReader(fd %d) = %v", r.Name(), high, err)
			}
			if _, err := unix.Write(wfd, []byte("x")); err != nil {
				t.Fatalf("write: %v", err)
			}
			r.Iterate(-1)
			if string(d.got) != "x" {
				t.Errorf("%s: read %q from fd %d, want %q", r.Name(), d.got, high, "x")
			}
			r.RemoveReader(d)
			_ = unix.Close(high)
			return
		}
		_ = unix.Close(high)
		if !errors.Is(err, interfaces.ErrTooManyDescriptors) {
			t.Fatalf("select: AddReader(fd %d) = %v, want ErrTooManyDescriptors", high, err)
		}
		if len(r.Readers()) != 0 {
			t.Errorf("a refused descriptor is listed as a reader")
		}
		ran := false
		r.CallLater(0, func() { ran = true })
		r.Iterate(0)
		if !ran {
			t.Errorf("the select reactor stopped working after refusing a descriptor")
		}
	})
}
