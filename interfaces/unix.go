package interfaces

import (
	"os"
	"time"
)

// DefaultUNIXSocketMode is the file mode of a UNIX socket when none is given.
const DefaultUNIXSocketMode os.FileMode = 0o666

// UNIXListenOptions tunes ListenUNIX. The zero value means Twisted's
// defaults.
type UNIXListenOptions struct {
	// Backlog is the listen(2) backlog; 0 means DefaultBacklog.
	Backlog int
	// Mode is the socket file's permission bits; 0 means
	// DefaultUNIXSocketMode.
	Mode os.FileMode
	// MaxConnections bounds the port's open connections, as for
	// TCPListenOptions. 0 means no limit.
	MaxConnections int
}

// UNIXConnectOptions tunes ConnectUNIX.
type UNIXConnectOptions struct {
	// Timeout bounds the attempt; 0 means DefaultConnectTimeout.
	Timeout time.Duration
}

// ReactorUNIX makes stream servers and clients on UNIX domain sockets.
// A path starting with "@" names a Linux abstract socket, which has no file.
//
// Twisted: IReactorUNIX.
type ReactorUNIX interface {
	// ListenUNIX listens on the socket file at path. A stale socket file
	// that no one listens on is replaced; a live one gives a
	// *CannotListenError wrapping EADDRINUSE. Call only on the reactor
	// goroutine, or before Run.
	//
	// Twisted: IReactorUNIX.listenUNIX.
	ListenUNIX(path string, f Factory, opts UNIXListenOptions) (ListeningPort, error)

	// ConnectUNIX starts connecting to path; the outcome reaches f's
	// ClientFactory methods. Call only on the reactor goroutine, or before
	// Run.
	//
	// Twisted: IReactorUNIX.connectUNIX.
	ConnectUNIX(path string, f ClientFactory, opts UNIXConnectOptions) (Connector, error)
}
