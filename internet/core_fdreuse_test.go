package internet_test

import (
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// TestReusedFDGetsNoStaleEvent makes two descriptors ready in one wait.
// Whichever the reactor dispatches first removes and closes the other and
// opens a pipe that reuses its number; the event already collected for
// the closed one must not reach the new descriptor.
func TestReusedFDGetsNoStaleEvent(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		ra, wa := nonblockingPipe(t)
		rb, wb := nonblockingPipe(t)
		a, b := newReader(r, ra), newReader(r, rb)
		var fresh *reader
		var freshW int
		reused := false
		replace := func(other *reader) func() {
			return func() {
				if fresh != nil {
					return
				}
				r.RemoveReader(other)
				_ = unix.Close(other.fd)
				var rfd int
				rfd, freshW = nonblockingPipe(t)
				reused = rfd == other.fd
				fresh = newReader(r, rfd)
				fresh.onRead = func() { t.Errorf("an event of the closed descriptor reached the one reusing fd %d", rfd) }
				if err := r.AddReader(fresh); err != nil {
					t.Errorf("AddReader: %v", err)
				}
				other.fd = -1
			}
		}
		a.onRead, b.onRead = replace(b), replace(a)
		for _, d := range []*reader{a, b} {
			if err := r.AddReader(d); err != nil {
				t.Fatalf("AddReader: %v", err)
			}
		}
		for _, w := range []int{wa, wb} {
			if _, err := unix.Write(w, []byte("x")); err != nil {
				t.Fatalf("write: %v", err)
			}
		}
		r.Iterate(-1)
		r.Iterate(0)
		r.RemoveAll()
		for _, fd := range []int{a.fd, b.fd, wa, wb, fresh.fd, freshW} {
			if fd >= 0 {
				_ = unix.Close(fd)
			}
		}
		if !reused {
			t.Skip("the new pipe did not reuse the closed number; nothing to check")
		}
	})
}
