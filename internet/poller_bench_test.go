package internet_test

import (
	"errors"
	"fmt"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
)

// idleReader is a descriptor that is never ready.
type idleReader struct{ fd int }

func (d *idleReader) Fileno() int          { return d.fd }
func (d *idleReader) DoRead() error        { return errors.New("an idle descriptor was read") }
func (d *idleReader) ConnectionLost(error) {}

// BenchmarkIdleTurn measures one loop turn (nothing due, a zero-timeout
// wait, nothing ready) with n idle descriptors registered: duplicates of a
// pipe's read end that nobody writes to. epoll's cost should stay flat as
// n grows; poll's and select's grow with it.
func BenchmarkIdleTurn(b *testing.B) {
	for _, name := range internet.Names() {
		for _, n := range []int{10, 1000, 10000} {
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				r := benchReactor(b, name)
				registerIdle(b, r, n)
				b.ReportAllocs()
				for b.Loop() {
					r.Iterate(0)
				}
			})
		}
	}
}

// registerIdle registers n idle descriptors with r, removed and closed
// when the benchmark ends.
func registerIdle(b *testing.B, r *internet.Reactor, n int) {
	b.Helper()
	var p [2]int
	if err := unix.Pipe(p[:]); err != nil {
		b.Fatal(err)
	}
	fds := []int{p[0], p[1]}
	b.Cleanup(func() {
		r.RemoveAll()
		for _, fd := range fds {
			_ = unix.Close(fd)
		}
	})
	for range n {
		fd, err := unix.Dup(p[0])
		if err != nil {
			b.Skipf("cannot open %d descriptors: %v", n, err)
		}
		fds = append(fds, fd)
		err = r.AddReader(&idleReader{fd: fd})
		if errors.Is(err, interfaces.ErrTooManyDescriptors) {
			b.Skipf("%s cannot watch %d descriptors: %v", r.Name(), n, err)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}
