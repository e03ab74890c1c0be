package internet_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

func TestReaderOnPipe(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		rfd, wfd := nonblockingPipe(t)
		d := newReader(r, rfd)
		if err := r.AddReader(d); err != nil {
			t.Fatalf("AddReader: %v", err)
		}
		if err := r.AddReader(d); err != nil {
			t.Fatalf("AddReader again: %v", err)
		}
		internettest.RunReactor(t, r)
		want := []byte("hello, reactor")
		for _, b := range [][]byte{want[:5], want[5:]} {
			if _, err := unix.Write(wfd, b); err != nil {
				t.Fatalf("write: %v", err)
			}
		}
		_ = unix.Close(wfd)
		if reason := internettest.Await(t, d.lost); !errors.Is(reason, interfaces.ErrConnectionDone) {
			t.Errorf("ConnectionLost(%v), want ErrConnectionDone", reason)
		}
		if !bytes.Equal(d.got, want) {
			t.Errorf("read %q, want %q", d.got, want)
		}
	})
}

func TestWriterOnSocketPair(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		ours, peer := socketPair(t)
		defer unix.Close(peer)
		want := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB: many writable events
		d := &writer{r: r, fd: ours, data: want, lost: make(chan error, 1)}
		if err := r.AddWriter(d); err != nil {
			t.Fatalf("AddWriter: %v", err)
		}
		internettest.RunReactor(t, r)
		var got []byte
		buf := make([]byte, 64<<10)
		for {
			n, err := unix.Read(peer, buf)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if n == 0 {
				break
			}
			got = append(got, buf[:n]...)
		}
		if err := internettest.Await(t, d.lost); err != nil {
			t.Errorf("writer ended with %v", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("peer read %d bytes, want %d identical bytes", len(got), len(want))
		}
	})
}

func TestReadersWritersRemoveAll(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		rfd1, wfd1 := nonblockingPipe(t)
		rfd2, wfd2 := nonblockingPipe(t)
		sock, peer := socketPair(t)
		for _, fd := range []int{rfd1, wfd1, rfd2, wfd2, sock, peer} {
			defer unix.Close(fd)
		}
		a := newReader(r, rfd1)
		b := &writer{r: r, fd: wfd2}
		c := &readWriter{fd: sock}
		for _, err := range []error{r.AddReader(a), r.AddWriter(b), r.AddReader(c), r.AddWriter(c)} {
			if err != nil {
				t.Fatalf("adding: %v", err)
			}
		}
		if got := r.Readers(); len(got) != 2 || !slices.Contains(got, interfaces.ReadDescriptor(a)) || !slices.Contains(got, interfaces.ReadDescriptor(c)) {
			t.Errorf("Readers() = %v, want a and c", got)
		}
		if got := r.Writers(); len(got) != 2 || !slices.Contains(got, interfaces.WriteDescriptor(b)) || !slices.Contains(got, interfaces.WriteDescriptor(c)) {
			t.Errorf("Writers() = %v, want b and c", got)
		}
		r.RemoveWriter(c)
		if got := r.Readers(); len(got) != 2 {
			t.Errorf("RemoveWriter(c) changed the readers: %v", got)
		}
		r.AddWriter(c)
		all := r.RemoveAll()
		if len(all) != 3 || !slices.Contains(all, interfaces.FileDescriptor(a)) ||
			!slices.Contains(all, interfaces.FileDescriptor(b)) || !slices.Contains(all, interfaces.FileDescriptor(c)) {
			t.Errorf("RemoveAll() = %v, want a, b and c once each", all)
		}
		if len(r.Readers())+len(r.Writers()) != 0 || len(r.RemoveAll()) != 0 {
			t.Errorf("descriptors left after RemoveAll")
		}
		r.RemoveReader(a) // not watched: a no-op
	})
}

// readWriter is a descriptor watched both ways that never becomes ready in
// these tests' eyes: it only records calls.
type readWriter struct {
	fd            int
	reads, writes int
	lost          []error
}

func (d *readWriter) Fileno() int                 { return d.fd }
func (d *readWriter) DoRead() error               { d.reads++; return nil }
func (d *readWriter) DoWrite() error              { d.writes++; return nil }
func (d *readWriter) ConnectionLost(reason error) { d.lost = append(d.lost, reason) }

// A DoRead error drops the descriptor and tells it ConnectionLost, also
// when it stopped watching itself inside DoRead before failing: the error
// means "drop me" whatever it did first, and only ConnectionLost makes it
// close its fd.
func TestDoReadErrorDropsTheDescriptor(t *testing.T) {
	for _, removesItself := range []bool{false, true} {
		t.Run(fmt.Sprintf("removes itself %v", removesItself), func(t *testing.T) {
			internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
				rfd, wfd := nonblockingPipe(t)
				defer unix.Close(wfd)
				errDrop := errors.New("drop me")
				d := newReader(r, rfd)
				d.fail = errDrop
				if removesItself {
					d.onRead = func() { r.RemoveReader(d) }
				}
				if err := r.AddReader(d); err != nil {
					t.Fatalf("AddReader: %v", err)
				}
				if _, err := unix.Write(wfd, []byte("x")); err != nil {
					t.Fatalf("write: %v", err)
				}
				r.Iterate(-1)
				if reason := internettest.Await(t, d.lost); !errors.Is(reason, errDrop) {
					t.Errorf("ConnectionLost(%v), want %v", reason, errDrop)
				}
				if len(r.Readers()) != 0 {
					t.Errorf("descriptor still watched after DoRead failed")
				}
			})
		})
	}
}

func TestShutdownLosesEveryDescriptor(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		rfd, wfd := nonblockingPipe(t)
		defer unix.Close(wfd)
		d := newReader(r, rfd)
		if err := r.AddReader(d); err != nil {
			t.Fatalf("AddReader: %v", err)
		}
		r.CallWhenRunning(func() { _ = r.Stop() })
		if err := r.Run(); err != nil {
			t.Fatalf("Run: %v", err)
		}
		if reason := internettest.Await(t, d.lost); !errors.Is(reason, interfaces.ErrConnectionLost) {
			t.Errorf("ConnectionLost(%v) at shutdown, want ErrConnectionLost", reason)
		}
		if err := r.AddReader(newReader(r, wfd)); !errors.Is(err, interfaces.ErrReactorNotRunning) {
			t.Errorf("AddReader after Run returned = %v, want ErrReactorNotRunning", err)
		}
	})
}

func TestHangUpReachesTheDescriptor(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		// A writer whose peer has gone: the write sees EPIPE.
		wsock, wpeer := socketPair(t)
		w := &writer{r: r, fd: wsock, data: bytes.Repeat([]byte("x"), 8<<20), lost: make(chan error, 1)}
		// A reader whose peer has gone: the read sees end of file.
		rsock, rpeer := socketPair(t)
		rd := newReader(r, rsock)
		if err := r.AddWriter(w); err != nil {
			t.Fatalf("AddWriter: %v", err)
		}
		if err := r.AddReader(rd); err != nil {
			t.Fatalf("AddReader: %v", err)
		}
		_ = unix.Close(wpeer)
		_ = unix.Close(rpeer)
		internettest.RunReactor(t, r)
		if reason := internettest.Await(t, w.lost); !errors.Is(reason, syscall.EPIPE) && !errors.Is(reason, syscall.ECONNRESET) {
			t.Errorf("writer lost with %v, want EPIPE or ECONNRESET", reason)
		}
		if reason := internettest.Await(t, rd.lost); !errors.Is(reason, interfaces.ErrConnectionDone) {
			t.Errorf("reader lost with %v, want ErrConnectionDone", reason)
		}
	})
}

func TestAddInvalidDescriptor(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		if err := r.AddReader(&readWriter{fd: -1}); !errors.Is(err, interfaces.ErrInvalidArgument) {
			t.Errorf("AddReader(fd -1) = %v, want ErrInvalidArgument", err)
		}
		if err := r.AddReader(nil); !errors.Is(err, interfaces.ErrInvalidArgument) {
			t.Errorf("AddReader(nil) = %v, want ErrInvalidArgument", err)
		}
		rfd, wfd := nonblockingPipe(t)
		defer unix.Close(rfd)
		defer unix.Close(wfd)
		if err := r.AddReader(uncomparable{fd: rfd}); !errors.Is(err, interfaces.ErrInvalidArgument) {
			t.Errorf("AddReader(uncomparable) = %v, want ErrInvalidArgument", err)
		}
	})
}

// uncomparable is a descriptor type the reactor cannot tell apart by
// identity.
type uncomparable struct {
	fd  int
	buf []byte
}

func (d uncomparable) Fileno() int          { return d.fd }
func (d uncomparable) DoRead() error        { return nil }
func (d uncomparable) ConnectionLost(error) {}
