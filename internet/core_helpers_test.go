package internet_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
)

// logBuffer collects a reactor's log output.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newLoggedReactor returns a reactor of the same kind as r whose log goes
// to the returned buffer, shut down at the end of the test.
func newLoggedReactor(t *testing.T, r *internet.Reactor, o internet.Options) (*internet.Reactor, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	o.Logger = slog.New(slog.NewTextHandler(logs, nil))
	o.NoSignalHandlers = true
	r2, err := internet.NewWithOptions(r.Name(), o)
	if err != nil {
		t.Fatalf("NewWithOptions(%q): %v", r.Name(), err)
	}
	t.Cleanup(func() {
		r2.CallFromThread(func() { _ = r2.Stop() })
		_ = r2.Run()
	})
	return r2, logs
}

// nonblockingPipe returns a pipe whose ends are non-blocking; both are
// closed at the end of the test unless the test closed them (see
// closeOnce).
func nonblockingPipe(t *testing.T) (rfd, wfd int) {
	t.Helper()
	var p [2]int
	if err := unix.Pipe(p[:]); err != nil {
		t.Fatalf("pipe: %v", err)
	}
	for _, fd := range p {
		if err := unix.SetNonblock(fd, true); err != nil {
			t.Fatalf("set non-blocking: %v", err)
		}
	}
	return p[0], p[1]
}

// socketPair returns a connected pair of UNIX stream sockets; the first is
// non-blocking, the second blocking.
func socketPair(t *testing.T) (int, int) {
	t.Helper()
	sp, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	if err != nil {
		t.Fatalf("socketpair: %v", err)
	}
	if err := unix.SetNonblock(sp[0], true); err != nil {
		t.Fatalf("set non-blocking: %v", err)
	}
	return sp[0], sp[1]
}

// reader is a read descriptor on a non-blocking fd. It collects what it
// reads, ends with ErrConnectionDone at end of file, closes its fd when it
// is told ConnectionLost, and sends the reason on lost.
type reader struct {
	r      *internet.Reactor
	fd     int
	got    []byte
	reads  int
	onRead func() // called at the start of each DoRead, if set
	fail   error  // returned by DoRead, if set
	lost   chan error
}

func newReader(r *internet.Reactor, fd int) *reader {
	return &reader{r: r, fd: fd, lost: make(chan error, 1)}
}

func (d *reader) Fileno() int { return d.fd }

func (d *reader) DoRead() error {
	d.reads++
	if d.onRead != nil {
		d.onRead()
	}
	if d.fail != nil {
		return d.fail
	}
	var b [512]byte
	n, err := unix.Read(d.fd, b[:])
	switch {
	case err == unix.EAGAIN:
		return nil
	case err != nil:
		return err
	case n == 0:
		return interfaces.ErrConnectionDone
	}
	d.got = append(d.got, b[:n]...)
	return nil
}

func (d *reader) ConnectionLost(reason error) {
	_ = unix.Close(d.fd)
	d.lost <- reason
}

// writer is a write descriptor that sends data, then removes itself and
// closes its fd, reporting on lost (nil after a complete write).
type writer struct {
	r    *internet.Reactor
	fd   int
	data []byte
	lost chan error
}

func (d *writer) Fileno() int { return d.fd }

func (d *writer) DoWrite() error {
	for len(d.data) > 0 {
		n, err := unix.Write(d.fd, d.data)
		if err == unix.EAGAIN {
			return nil
		}
		if err != nil {
			return err
		}
		d.data = d.data[n:]
	}
	d.r.RemoveWriter(d)
	_ = unix.Close(d.fd)
	d.lost <- nil
	return nil
}

func (d *writer) ConnectionLost(reason error) {
	_ = unix.Close(d.fd)
	d.lost <- reason
}

// mustContain fails the test unless s contains every one of subs.
func mustContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}
