// The poller contract: the OS readiness API under one reactor.

package internet

import "time"

// A poller is the OS readiness API under one reactor (epoll, kqueue, poll or
// select). The core calls every method from the reactor goroutine except
// wake, which the core calls from any goroutine, serialised under its
// thread-call mutex, and never after close.
//
//   - add, modify and remove change interest in a descriptor; remove is
//     called while the descriptor is still open. add and modify carry the
//     registration's generation, which wait reports with every event of
//     that descriptor, so the core can tell an event of a closed
//     descriptor from one of a new descriptor that reused its number.
//   - wait blocks for at most timeout (negative: no limit, zero: just
//     look), appends ready descriptors to buf and returns it. Interrupted
//     waits (EINTR) and wake-ups return early with no error and may return
//     nothing. The poller drains its own waker; it never reports it.
//   - Error and hang-up conditions are reported as both readable and
//     writable, so the following read or write surfaces the real errno. A
//     descriptor number that is not open any more is reported as
//     evInvalid, so the core can drop it instead of spinning.
//   - Interest is level-triggered: a descriptor stays ready, and is
//     reported on every wait, until it is read or written.
//   - close releases the poller's own descriptors (the poller and its
//     waker).
type poller interface {
	add(fd int, gen uint32, want interest) error
	modify(fd int, gen uint32, want interest) error
	remove(fd int) error
	wait(buf []ready, timeout time.Duration) ([]ready, error)
	wake() error
	close() error
}

// interest is a set of readiness conditions: what the core wants to hear
// about a descriptor, and what a poller reports.
type interest uint8

const (
	evRead    interest = 1 << iota // readable, or at end of file
	evWrite                        // writable
	evInvalid                      // the fd number is not open (POLLNVAL, EBADF)
)

// ready is one event: descriptor fd, registered with generation gen, is in
// the conditions ev.
type ready struct {
	fd  int32
	gen uint32
	ev  interest
}

// maxWait caps one wait in the poller. Longer waits are cut to it and the
// loop recomputes the timeout: it keeps millisecond and microsecond
// conversions far from overflow (Twisted #5472 and #6259 looped on one).
const maxWait = time.Hour

// waitMillis converts a wait for poll(2) and epoll_wait(2), which count
// whole milliseconds: negative stays "no limit" (-1), and a positive wait
// shorter than a millisecond rounds up to one, because rounding down to 0
// would make the loop spin until the timer is due.
func waitMillis(d time.Duration) int {
	switch {
	case d < 0:
		return -1
	case d > maxWait:
		d = maxWait
	}
	return int((d + time.Millisecond - 1) / time.Millisecond)
}

// growTo returns s with length at least n, keeping its contents and
// filling new elements with fill.
func growTo[T any](s []T, n int, fill T) []T {
	for len(s) < n {
		s = append(s, fill)
	}
	return s
}
