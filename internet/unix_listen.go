//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// ListenUNIX, and the UNIX half of a Port: the socket file, its mode, a
// stale file left by a dead server, and Linux abstract names.

package internet

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// ListenUNIX listens on the UNIX stream socket at path and builds a
// protocol with f for every accepted connection. The returned value is a
// *Port; StopListening removes the socket file.
//
// The socket file gets opts.Mode (interfaces.DefaultUNIXSocketMode if 0),
// set with chmod(2) right after bind(2). A socket file at path that no one
// listens on (a server died without cleaning up) is removed and replaced;
// a live one gives a *interfaces.CannotListenError wrapping EADDRINUSE, as
// does a file at path that is not a socket. On Linux a path starting with
// "@" names an abstract socket, which has no file and no mode.
//
// It returns an error wrapping interfaces.ErrInvalidArgument for an empty
// path or a nil f. Call only on the reactor goroutine, or before Run.
//
// Twisted: IReactorUNIX.listenUNIX.
func (r *Reactor) ListenUNIX(path string, f interfaces.Factory, opts interfaces.UNIXListenOptions) (interfaces.ListeningPort, error) {
	switch {
	case path == "":
		return nil, fmt.Errorf("%w: empty UNIX socket path", interfaces.ErrInvalidArgument)
	case f == nil:
		return nil, fmt.Errorf("%w: nil factory", interfaces.ErrInvalidArgument)
	}
	mode := opts.Mode
	if mode == 0 {
		mode = interfaces.DefaultUNIXSocketMode
	}
	p := newPort(r, f, &unixSocket{path: path, mode: mode}, opts.Backlog, opts.MaxConnections)
	if err := p.StartListening(); err != nil {
		return nil, err
	}
	return p, nil
}

// unixSocket is the UNIX half of a Port.
type unixSocket struct {
	path string
	mode os.FileMode
}

func (s *unixSocket) open(backlog int) (int, net.Addr, error) {
	fd, err := s.bindAndListen(backlog)
	if errors.Is(err, unix.EADDRINUSE) && s.stale() {
		_ = os.Remove(s.path)
		fd, err = s.bindAndListen(backlog)
	}
	if err == nil && s.inFilesystem() {
		if err = os.Chmod(s.path, s.mode); err != nil {
			closeFD(fd)
			s.closed()
		}
	}
	if err != nil {
		return -1, nil, &interfaces.CannotListenError{Addr: s.path, Err: err}
	}
	return fd, &net.UnixAddr{Name: s.path, Net: "unix"}, nil
}

// bindAndListen creates the listening socket.
func (s *unixSocket) bindAndListen(backlog int) (int, error) {
	fd, err := bindSocket(unix.AF_UNIX, unix.SOCK_STREAM, &unix.SockaddrUnix{Name: s.path}, false)
	if err != nil {
		return -1, err
	}
	return fd, listenSocket(fd, backlog)
}

// stale reports whether path is a socket file no one listens on: connect
// is refused.
func (s *unixSocket) stale() bool {
	var st unix.Stat_t
	if !s.inFilesystem() || unix.Lstat(s.path, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFSOCK {
		return false
	}
	fd, err := sysSocket(unix.AF_UNIX, unix.SOCK_STREAM)
	if err != nil {
		return false
	}
	defer closeFD(fd)
	return unix.Connect(fd, &unix.SockaddrUnix{Name: s.path}) == unix.ECONNREFUSED
}

// inFilesystem reports whether the socket has a file: all but Linux
// abstract names.
func (s *unixSocket) inFilesystem() bool { return !abstractNames || !strings.HasPrefix(s.path, "@") }

func (s *unixSocket) peer(b *acceptBuf) net.Addr          { return b.unixAddr() }
func (s *unixSocket) local(_ int, host net.Addr) net.Addr { return host }
func (s *unixSocket) name() string                        { return "unix " + s.path }

// closed removes the socket file.
func (s *unixSocket) closed() {
	if s.inFilesystem() {
		_ = os.Remove(s.path)
	}
}
