//go:build linux

package transport_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport"
)

// testTimeout bounds every wait in these tests.
const testTimeout = 10 * time.Second

// testLoop is a minimal poll(2)-driven loop implementing transport.Loop, so
// Conn can be tested on one goroutine without the reactors of package
// internet. It recovers panics from DoRead and DoWrite the way a reactor
// does, and counts what the tests assert on.
type testLoop struct {
	t       *testing.T
	readers map[int]interfaces.ReadDescriptor
	writers map[int]interfaces.WriteDescriptor
	flushQ  []transport.Flusher
	later   []func()
	buf     []byte
	log     *slog.Logger

	queued   int // QueueFlush calls
	addWrite int // AddWriter calls that registered
}

func newTestLoop(t *testing.T) *testLoop {
	return &testLoop{
		t:       t,
		readers: map[int]interfaces.ReadDescriptor{},
		writers: map[int]interfaces.WriteDescriptor{},
		buf:     make([]byte, 64<<10),
		log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

func (l *testLoop) AddReader(r interfaces.ReadDescriptor) error {
	l.readers[r.Fileno()] = r
	return nil
}

func (l *testLoop) AddWriter(w interfaces.WriteDescriptor) error {
	if _, ok := l.writers[w.Fileno()]; !ok {
		l.addWrite++
	}
	l.writers[w.Fileno()] = w
	return nil
}

func (l *testLoop) RemoveReader(r interfaces.ReadDescriptor) {
	if l.readers[r.Fileno()] == r {
		delete(l.readers, r.Fileno())
	}
}

func (l *testLoop) RemoveWriter(w interfaces.WriteDescriptor) {
	if l.writers[w.Fileno()] == w {
		delete(l.writers, w.Fileno())
	}
}

func (l *testLoop) RemoveAll() []interfaces.FileDescriptor {
	var all []interfaces.FileDescriptor
	for fd, r := range l.readers {
		all = append(all, r)
		delete(l.readers, fd)
	}
	for fd, w := range l.writers {
		if !slices.Contains(all, interfaces.FileDescriptor(w)) {
			all = append(all, w)
		}
		delete(l.writers, fd)
	}
	return all
}

func (l *testLoop) Readers() []interfaces.ReadDescriptor {
	var rs []interfaces.ReadDescriptor
	for _, r := range l.readers {
		rs = append(rs, r)
	}
	return rs
}

func (l *testLoop) Writers() []interfaces.WriteDescriptor {
	var ws []interfaces.WriteDescriptor
	for _, w := range l.writers {
		ws = append(ws, w)
	}
	return ws
}

func (l *testLoop) Now() time.Time { return time.Now() }

// CallLater runs f on the next turn whatever the delay; the tests only
// schedule zero delays through Conn.
func (l *testLoop) CallLater(_ time.Duration, f func()) interfaces.DelayedCall {
	l.later = append(l.later, f)
	return nil
}

func (l *testLoop) DelayedCalls() []interfaces.DelayedCall { return nil }
func (l *testLoop) ReadBuffer() []byte                     { return l.buf }
func (l *testLoop) Logger() *slog.Logger                   { return l.log }

func (l *testLoop) QueueFlush(f transport.Flusher) {
	l.queued++
	l.flushQ = append(l.flushQ, f)
}

// call runs f the way the reactor runs a timer: then the queued flushes.
func (l *testLoop) call(f func()) {
	f()
	l.runFlushes()
}

func (l *testLoop) runFlushes() {
	for i := 0; i < len(l.flushQ); i++ {
		l.flushQ[i].Flush()
	}
	l.flushQ = l.flushQ[:0]
}

// turn runs the pending later-calls, then polls for up to wait and
// dispatches the events.
func (l *testLoop) turn(wait time.Duration) {
	later := l.later
	l.later = nil
	for _, f := range later {
		l.call(f)
	}
	fds := l.pollSet()
	if len(fds) == 0 {
		return
	}
	if _, err := unix.Poll(fds, int(wait/time.Millisecond)); err != nil && err != unix.EINTR {
		l.t.Fatalf("poll: %v", err)
	}
	for _, p := range fds {
		l.dispatch(p)
	}
}

func (l *testLoop) pollSet() []unix.PollFd {
	var fds []unix.PollFd
	seen := map[int]bool{}
	for fd := range l.readers {
		seen[fd] = true
	}
	for fd := range l.writers {
		seen[fd] = true
	}
	for fd := range seen {
		var ev int16
		if l.readers[fd] != nil {
			ev |= unix.POLLIN
		}
		if l.writers[fd] != nil {
			ev |= unix.POLLOUT
		}
		fds = append(fds, unix.PollFd{Fd: int32(fd), Events: ev})
	}
	slices.SortFunc(fds, func(a, b unix.PollFd) int { return int(a.Fd - b.Fd) })
	return fds
}

func (l *testLoop) dispatch(p unix.PollFd) {
	fd := int(p.Fd)
	bad := p.Revents&(unix.POLLERR|unix.POLLHUP) != 0
	if r := l.readers[fd]; r != nil && (p.Revents&unix.POLLIN != 0 || bad) {
		if err := l.guard(r.DoRead); err != nil {
			l.drop(fd, err)
			return
		}
	}
	if w := l.writers[fd]; w != nil && (p.Revents&unix.POLLOUT != 0 || bad) {
		if err := l.guard(w.DoWrite); err != nil {
			l.drop(fd, err)
		}
	}
}

func (l *testLoop) guard(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &interfaces.PanicError{Value: v, Stack: debug.Stack()}
		}
		l.runFlushes()
	}()
	return f()
}

func (l *testLoop) drop(fd int, reason error) {
	var d interfaces.FileDescriptor
	if r := l.readers[fd]; r != nil {
		d = r
	} else if w := l.writers[fd]; w != nil {
		d = w
	}
	delete(l.readers, fd)
	delete(l.writers, fd)
	if d != nil {
		d.ConnectionLost(reason)
		l.runFlushes()
	}
}

// runUntil turns the loop until cond holds, failing the test after
// testTimeout.
func (l *testLoop) runUntil(what string, cond func() bool) {
	l.t.Helper()
	deadline := time.Now().Add(testTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			l.t.Fatalf("timed out waiting for %s", what)
		}
		l.turn(10 * time.Millisecond)
	}
}

// shutdown does what a reactor does when it stops: every watched
// descriptor is removed and told ErrConnectionLost.
func (l *testLoop) shutdown() {
	for _, d := range l.RemoveAll() {
		d.ConnectionLost(interfaces.ErrConnectionLost)
	}
}

// socketPair returns the two ends of a connected, non-blocking,
// close-on-exec stream socket of the given kind ("tcp" over loopback, or
// "unix"), closed at cleanup unless a Conn took them over.
func socketPair(t *testing.T, kind string) (int, int) {
	t.Helper()
	if kind == "unix" {
		fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			t.Fatalf("socketpair: %v", err)
		}
		return fds[0], fds[1]
	}
	ln := mustSocket(t)
	defer unix.Close(ln)
	must(t, "bind", unix.Bind(ln, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}))
	must(t, "listen", unix.Listen(ln, 1))
	sa, err := unix.Getsockname(ln)
	must(t, "getsockname", err)
	c := mustSocket(t)
	if err := unix.Connect(c, sa); err != nil && err != unix.EINPROGRESS {
		t.Fatalf("connect: %v", err)
	}
	_, err = unix.Poll([]unix.PollFd{{Fd: int32(ln), Events: unix.POLLIN}}, int(testTimeout/time.Millisecond))
	must(t, "poll", err)
	s, _, err := unix.Accept4(ln, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
	must(t, "accept", err)
	return c, s
}

func mustSocket(t *testing.T) int {
	t.Helper()
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	must(t, "socket", err)
	return fd
}

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// checkLostChain asserts the shape of an unclean reason.
func checkLostChain(t *testing.T, reason error, errno error) {
	t.Helper()
	if !errors.Is(reason, interfaces.ErrConnectionLost) || !errors.Is(reason, errno) {
		t.Errorf("reason = %v; want one matching ErrConnectionLost and %v", reason, errno)
	}
}

// describe names a reason for failure messages.
func describe(err error) string { return fmt.Sprintf("%v (%T)", err, err) }
