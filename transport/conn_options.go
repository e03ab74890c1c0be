//go:build unix

// Socket options a TCP connection offers.

package transport

import (
	"os"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
)

// SetTCPNoDelay turns Nagle's algorithm off (on is true) or back on; it is
// on by default, as in Twisted. It returns an error wrapping
// errors.ErrUnsupported on a UNIX socket, interfaces.ErrNotConnected once
// the connection is gone, or the setsockopt(2) error. Call only on the
// reactor goroutine.
//
// Twisted: ITCPTransport.setTcpNoDelay.
func (t *Conn) SetTCPNoDelay(on bool) error {
	return t.setBool(unix.IPPROTO_TCP, unix.TCP_NODELAY, on)
}

// SetTCPKeepAlive turns TCP keep-alive probes on or off (off by default).
// Errors are as for SetTCPNoDelay. Call only on the reactor goroutine.
//
// Twisted: ITCPTransport.setTcpKeepAlive.
func (t *Conn) SetTCPKeepAlive(on bool) error {
	return t.setBool(unix.SOL_SOCKET, unix.SO_KEEPALIVE, on)
}

// setBool sets a boolean TCP socket option.
func (t *Conn) setBool(level, opt int, on bool) error {
	switch {
	case t.isUNIX():
		return errUNIXOption
	case t.closed:
		return interfaces.ErrNotConnected
	}
	v := 0
	if on {
		v = 1
	}
	if err := unix.SetsockoptInt(t.fd, level, opt, v); err != nil {
		return os.NewSyscallError("setsockopt", err)
	}
	return nil
}
