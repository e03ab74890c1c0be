package interfaces

import (
	"errors"
	"fmt"

	"github.com/twistgo/twistgo/deferred"
)

// Errors shared with package deferred, re-exported so that one errors.Is
// works on both sides.
var (
	// ErrAlreadyCalled is returned by DelayedCall.Cancel, Delay and Reset
	// once the call has run.
	//
	// Twisted: error.AlreadyCalled.
	ErrAlreadyCalled = deferred.ErrAlreadyCalled

	// ErrAlreadyCancelled is returned by DelayedCall.Cancel, Delay and Reset
	// once the call was cancelled.
	//
	// Twisted: error.AlreadyCancelled.
	ErrAlreadyCancelled = deferred.ErrAlreadyCancelled

	// ErrCancelled is the failure of a Deferred that was cancelled.
	//
	// Twisted: defer.CancelledError.
	ErrCancelled = deferred.ErrCancelled

	// ErrTimeout reports that an operation did not finish in time: a connect
	// attempt, or a Deferred given a timeout.
	//
	// Twisted: error.TimeoutError, defer.TimeoutError.
	ErrTimeout = deferred.ErrTimeout
)

// Reactor lifecycle errors.
var (
	// ErrReactorNotRunning is returned by Stop when the reactor is not running.
	//
	// Twisted: error.ReactorNotRunning.
	ErrReactorNotRunning = errors.New("twistgo: reactor not running")

	// ErrReactorAlreadyRunning is returned by Run while the reactor runs.
	//
	// Twisted: error.ReactorAlreadyRunning.
	ErrReactorAlreadyRunning = errors.New("twistgo: reactor already running")

	// ErrReactorNotRestartable is returned by Run once a reactor has stopped:
	// a reactor runs once.
	//
	// Twisted: error.ReactorNotRestartable.
	ErrReactorNotRestartable = errors.New("twistgo: reactor cannot be restarted")

	// ErrReactorAlreadyInstalled is returned by reactor.Install once a
	// reactor is installed, or the default one was created by first use.
	//
	// Twisted: error.ReactorAlreadyInstalledError.
	ErrReactorAlreadyInstalled = errors.New("twistgo: reactor already installed")

	// ErrUnknownReactor is returned when a reactor is asked for by a name
	// this platform does not offer.
	ErrUnknownReactor = errors.New("twistgo: unknown reactor")

	// ErrUnsupportedPlatform is returned by constructors of reactors that
	// this operating system does not have.
	ErrUnsupportedPlatform = errors.New("twistgo: not supported on this platform")

	// ErrTooManyDescriptors is returned when a descriptor cannot be watched
	// by this reactor's poller, such as select(2) with an fd at or above
	// FD_SETSIZE.
	ErrTooManyDescriptors = errors.New("twistgo: descriptor beyond the poller's limit")

	// ErrUnknownTrigger is returned by RemoveSystemEventTrigger for an ID
	// that names no registered trigger.
	ErrUnknownTrigger = errors.New("twistgo: unknown system event trigger")

	// ErrInvalidArgument reports a bad argument to a reactor method, such as
	// an unknown trigger phase or a port number out of range. It is wrapped
	// with the detail.
	ErrInvalidArgument = errors.New("twistgo: invalid argument")
)

// Connection errors.
var (
	// ErrConnectionDone is the reason given to ConnectionLost after a clean
	// close: ours after the buffer drained, or the peer's orderly shutdown.
	//
	// Twisted: error.ConnectionDone.
	ErrConnectionDone = errors.New("twistgo: connection was closed cleanly")

	// ErrConnectionLost is the reason given to ConnectionLost after an
	// unclean end. The reason usually wraps the errno as well, so
	// errors.Is(reason, syscall.ECONNRESET) also holds.
	//
	// Twisted: error.ConnectionLost.
	ErrConnectionLost = errors.New("twistgo: connection was lost")

	// ErrConnectionAborted is the reason after AbortConnection on this side.
	// It is a kind of lost connection: errors.Is(ErrConnectionAborted,
	// ErrConnectionLost) holds.
	//
	// Twisted: error.ConnectionAborted.
	ErrConnectionAborted = fmt.Errorf("twistgo: connection was aborted: %w", ErrConnectionLost)

	// ErrConnectionRefused is the reason given to ClientConnectionFailed
	// when the peer refused the connection, and to a connected datagram
	// protocol's peer.
	//
	// Twisted: error.ConnectionRefusedError.
	ErrConnectionRefused = errors.New("twistgo: connection was refused")

	// ErrConnectingCancelled is the reason given to ClientConnectionFailed
	// after Connector.StopConnecting.
	//
	// Twisted: error.UserError, error.ConnectingCancelledError.
	ErrConnectingCancelled = errors.New("twistgo: connecting was cancelled")

	// ErrDNSLookup reports that a host name could not be resolved.
	//
	// Twisted: error.DNSLookupError.
	ErrDNSLookup = errors.New("twistgo: host name lookup failed")

	// ErrNotConnecting is returned by Connector.StopConnecting when no
	// attempt is in progress.
	//
	// Twisted: error.NotConnectingError.
	ErrNotConnecting = errors.New("twistgo: not connecting")

	// ErrAlreadyConnecting is returned by Connector.Connect unless the
	// connector is disconnected.
	ErrAlreadyConnecting = errors.New("twistgo: connector is not disconnected")

	// ErrNotListening is the failure of StopListening on a port that is not
	// listening.
	//
	// Twisted: error.NotListeningError.
	ErrNotListening = errors.New("twistgo: not listening")

	// ErrAlreadyListening is returned by StartListening on a listening port.
	//
	// Twisted: error.AlreadyListened.
	ErrAlreadyListening = errors.New("twistgo: already listening")

	// ErrNoProtocol reports that a factory declined to build a protocol for
	// a client connection.
	//
	// Twisted: error.NoProtocol.
	ErrNoProtocol = errors.New("twistgo: factory built no protocol")

	// ErrProducerRegistered is returned by RegisterProducer when a producer
	// is registered already.
	ErrProducerRegistered = errors.New("twistgo: a producer is already registered")

	// ErrMessageTooLong is returned when a datagram exceeds what the socket
	// or the configured maximum packet size allows.
	//
	// Twisted: error.MessageLengthError.
	ErrMessageTooLong = errors.New("twistgo: message too long")

	// ErrNotConnected is returned by a write on a transport whose connection
	// is gone, where the method can return an error at all (datagrams).
	ErrNotConnected = errors.New("twistgo: not connected")
)

// PanicError is a panic recovered from a user callback, with the value and
// the goroutine's stack where it was raised. The reactor logs it and hands it
// to the connection it costs as the reason; package deferred puts it in the
// chain.
type PanicError = deferred.PanicError

// FirstError is the failure of deferred.Gather and of a List with
// FireOnOneErrback: the first member that failed, and its index.
type FirstError = deferred.FirstError

// CannotListenError reports that a port could not be bound or listened on.
// It wraps the cause, so errors.Is(err, syscall.EADDRINUSE) holds.
//
// Twisted: error.CannotListenError.
type CannotListenError struct {
	// Addr is the address that was asked for, such as "127.0.0.1:8080"
	// or a UNIX socket path.
	Addr string
	// Err is the cause, usually an *os.SyscallError.
	Err error
}

// Error describes the address and the cause.
func (e *CannotListenError) Error() string {
	return "twistgo: cannot listen on " + e.Addr + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *CannotListenError) Unwrap() error { return e.Err }

// ConnectError reports a failed outgoing connection to Addr. It wraps the
// meaning (ErrConnectionRefused, ErrTimeout, ErrDNSLookup,
// ErrConnectingCancelled) and, where there is one, the errno.
//
// Twisted: error.ConnectError and its subclasses.
type ConnectError struct {
	// Addr is the destination, as "host:port" or a UNIX socket path.
	Addr string
	// Err is the cause; errors.Is sees through it.
	Err error
}

// Error describes the destination and the cause.
func (e *ConnectError) Error() string {
	return "twistgo: cannot connect to " + e.Addr + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *ConnectError) Unwrap() error { return e.Err }
