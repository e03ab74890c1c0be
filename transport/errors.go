//go:build unix

// How the transport turns an errno into the reason a connection ended.

package transport

import (
	"errors"
	"fmt"
	"os"

	"github.com/twistgo/twistgo/interfaces"
)

// errUNIXOption is returned by the TCP option setters on a UNIX socket.
var errUNIXOption = fmt.Errorf("twistgo: TCP option on a UNIX socket: %w", errors.ErrUnsupported)

// lost reports an unclean end; errors.Is matches both ErrConnectionLost
// and the underlying errno (ECONNRESET, EPIPE, ...). It allocates, so call
// it only on the way out.
func lost(op string, errno error) error {
	return fmt.Errorf("%w: %w", interfaces.ErrConnectionLost, os.NewSyscallError(op, errno))
}
