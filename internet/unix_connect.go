//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// ConnectUNIX, and the UNIX half of a Connector.

package internet

import (
	"fmt"
	"net"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// ConnectUNIX starts connecting to the UNIX stream socket at path ("@name"
// for a Linux abstract socket) and returns the *Connector. opts.Timeout
// bounds the attempt (interfaces.DefaultConnectTimeout if 0); while the
// listener's queue is full the attempt keeps retrying until then. The
// outcome reaches f as for ConnectTCP; a missing socket file is a
// *interfaces.ConnectError wrapping ENOENT, a dead one wraps
// ErrConnectionRefused and ECONNREFUSED. It returns an error wrapping
// interfaces.ErrInvalidArgument for an empty path, a negative timeout or
// a nil f. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorUNIX.connectUNIX.
func (r *Reactor) ConnectUNIX(path string, f interfaces.ClientFactory, opts interfaces.UNIXConnectOptions) (interfaces.Connector, error) {
	switch {
	case path == "":
		return nil, fmt.Errorf("%w: empty UNIX socket path", interfaces.ErrInvalidArgument)
	case opts.Timeout < 0:
		return nil, fmt.Errorf("%w: negative timeout %v", interfaces.ErrInvalidArgument, opts.Timeout)
	case f == nil:
		return nil, fmt.Errorf("%w: nil factory", interfaces.ErrInvalidArgument)
	}
	c := newConnector(r, f, &unixTarget{path: path}, opts.Timeout)
	if err := c.Connect(); err != nil {
		return nil, err
	}
	return c, nil
}

// unixTarget is the UNIX half of a Connector.
type unixTarget struct{ path string }

func (t *unixTarget) lookupHost() string { return "" }

func (t *unixTarget) sockaddr([]net.IP) (int, unix.Sockaddr, error) {
	return unix.AF_UNIX, &unix.SockaddrUnix{Name: t.path}, nil
}

func (t *unixTarget) bind(int, int) error         { return nil }
func (t *unixTarget) peer(unix.Sockaddr) net.Addr { return t.destination() }
func (t *unixTarget) destination() net.Addr       { return &net.UnixAddr{Name: t.path, Net: "unix"} }
func (t *unixTarget) addr() string                { return t.path }

func (t *unixTarget) local(fd int) net.Addr {
	sa, err := sockName(fd)
	if err != nil {
		return &net.UnixAddr{Net: "unix"}
	}
	return unixAddrOf(sa)
}

// retryAfter: a non-blocking UNIX connect(2) never says EINPROGRESS; it
// completes at once or says EAGAIN while the listener's queue is full,
// and then must be called again.
func (t *unixTarget) retryAfter(errno error) (time.Duration, bool) {
	return retryDelay, errno == unix.EAGAIN
}
