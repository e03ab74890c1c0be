// Int8StringReceiver, Int16StringReceiver and Int32StringReceiver: the
// length-prefixed string receivers, each a thin shell over intFramer.

package basic

import (
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

var (
	_ interfaces.Protocol = (*Int8StringReceiver)(nil)
	_ interfaces.Producer = (*Int8StringReceiver)(nil)
	_ interfaces.Protocol = (*Int16StringReceiver)(nil)
	_ interfaces.Producer = (*Int16StringReceiver)(nil)
	_ interfaces.Protocol = (*Int32StringReceiver)(nil)
	_ interfaces.Producer = (*Int32StringReceiver)(nil)
)

// Int8StringReceiver is a protocol that reads strings behind a
// 1-byte big-endian length prefix and hands each to
// Handler.StringReceived.
//
// Embed it and set Handler, as for LineReceiver. A prefix over MaxLength
// goes to Handler's LengthLimitExceeded if it has one (the payload is then
// skipped as it arrives), and otherwise closes the connection; the payload
// is never delivered or buffered, so at most MaxLength+1 bytes are held
// for an unfinished string. Input that arrives while paused is held until
// ResumeProducing. Once the transport is disconnecting, no more strings are
// delivered.
//
// Call only on the reactor goroutine.
//
// Twisted: basic.Int8StringReceiver.
type Int8StringReceiver struct {
	protocol.Base

	// Handler gets the strings and, if it implements
	// LengthLimitExceededHandler, the lengths over MaxLength. nil drops
	// them.
	Handler StringHandler
	// MaxLength is the longest string accepted; 0 means
	// DefaultMaxStringLength.
	MaxLength int

	f intFramer
}

func (r *Int8StringReceiver) config() intConfig {
	return intConfig{1, maxLengthOr(r.MaxLength, DefaultMaxStringLength), r.Handler, r.Transport}
}

// DataReceived parses data and delivers the strings it completes. Called
// again from inside StringReceived, it queues data after the input not yet
// parsed.
//
// Twisted: IntNStringReceiver.dataReceived.
func (r *Int8StringReceiver) DataReceived(data []byte) { r.f.dataReceived(r.config(), data) }

// SendString writes s behind its length prefix. It returns an error
// matching ErrStringTooLong, and writes nothing, if len(s) does not fit
// 1 byte.
//
// Twisted: IntNStringReceiver.sendString.
func (r *Int8StringReceiver) SendString(s []byte) error { return r.f.send(r.config(), s) }

// Err returns the reason a length was refused (it matches
// ErrLengthLimitExceeded), or nil.
func (r *Int8StringReceiver) Err() error { return r.f.err }

// PauseProducing stops string delivery and pauses the transport's reading.
//
// Twisted: IntNStringReceiver.pauseProducing (_PauseableMixin).
func (r *Int8StringReceiver) PauseProducing() { r.f.pause(r.Transport) }

// ResumeProducing resumes the transport and delivers the strings that
// arrived while paused.
//
// Twisted: IntNStringReceiver.resumeProducing (_PauseableMixin).
func (r *Int8StringReceiver) ResumeProducing() { r.f.resume(r.config()) }

// StopProducing stops string delivery for good, drops held input and tells
// the transport to stop.
//
// Twisted: IntNStringReceiver.stopProducing (_PauseableMixin).
func (r *Int8StringReceiver) StopProducing() { r.f.stop(r.Transport) }

// Int16StringReceiver is a protocol that reads strings behind a
// 2-byte big-endian length prefix and hands each to
// Handler.StringReceived.
//
// Embed it and set Handler, as for LineReceiver. A prefix over MaxLength
// goes to Handler's LengthLimitExceeded if it has one (the payload is then
// skipped as it arrives), and otherwise closes the connection; the payload
// is never delivered or buffered, so at most MaxLength+2 bytes are held
// for an unfinished string. Input that arrives while paused is held until
// ResumeProducing. Once the transport is disconnecting, no more strings are
// delivered.
//
// Call only on the reactor goroutine.
//
// Twisted: basic.Int16StringReceiver.
type Int16StringReceiver struct {
	protocol.Base

	// Handler gets the strings and, if it implements
	// LengthLimitExceededHandler, the lengths over MaxLength. nil drops
	// them.
	Handler StringHandler
	// MaxLength is the longest string accepted; 0 means
	// DefaultMaxStringLength.
	MaxLength int

	f intFramer
}

func (r *Int16StringReceiver) config() intConfig {
	return intConfig{2, maxLengthOr(r.MaxLength, DefaultMaxStringLength), r.Handler, r.Transport}
}

// DataReceived parses data and delivers the strings it completes. Called
// again from inside StringReceived, it queues data after the input not yet
// parsed.
//
// Twisted: IntNStringReceiver.dataReceived.
func (r *Int16StringReceiver) DataReceived(data []byte) { r.f.dataReceived(r.config(), data) }

// SendString writes s behind its length prefix. It returns an error
// matching ErrStringTooLong, and writes nothing, if len(s) does not fit
// 2 bytes.
//
// Twisted: IntNStringReceiver.sendString.
func (r *Int16StringReceiver) SendString(s []byte) error { return r.f.send(r.config(), s) }

// Err returns the reason a length was refused (it matches
// ErrLengthLimitExceeded), or nil.
func (r *Int16StringReceiver) Err() error { return r.f.err }

// PauseProducing stops string delivery and pauses the transport's reading.
//
// Twisted: IntNStringReceiver.pauseProducing (_PauseableMixin).
func (r *Int16StringReceiver) PauseProducing() { r.f.pause(r.Transport) }

// ResumeProducing resumes the transport and delivers the strings that
// arrived while paused.
//
// Twisted: IntNStringReceiver.resumeProducing (_PauseableMixin).
func (r *Int16StringReceiver) ResumeProducing() { r.f.resume(r.config()) }

// StopProducing stops string delivery for good, drops held input and tells
// the transport to stop.
//
// Twisted: IntNStringReceiver.stopProducing (_PauseableMixin).
func (r *Int16StringReceiver) StopProducing() { r.f.stop(r.Transport) }

// Int32StringReceiver is a protocol that reads strings behind a
// 4-byte big-endian length prefix and hands each to
// Handler.StringReceived.
//
// Embed it and set Handler, as for LineReceiver. A prefix over MaxLength
// goes to Handler's LengthLimitExceeded if it has one (the payload is then
// skipped as it arrives), and otherwise closes the connection; the payload
// is never delivered or buffered, so at most MaxLength+4 bytes are held
// for an unfinished string. Input that arrives while paused is held until
// ResumeProducing. Once the transport is disconnecting, no more strings are
// delivered.
//
// Call only on the reactor goroutine.
//
// Twisted: basic.Int32StringReceiver.
type Int32StringReceiver struct {
	protocol.Base

	// Handler gets the strings and, if it implements
	// LengthLimitExceededHandler, the lengths over MaxLength. nil drops
	// them.
	Handler StringHandler
	// MaxLength is the longest string accepted; 0 means
	// DefaultMaxStringLength.
	MaxLength int

	f intFramer
}

func (r *Int32StringReceiver) config() intConfig {
	return intConfig{4, maxLengthOr(r.MaxLength, DefaultMaxStringLength), r.Handler, r.Transport}
}

// DataReceived parses data and delivers the strings it completes. Called
// again from inside StringReceived, it queues data after the input not yet
// parsed.
//
// Twisted: IntNStringReceiver.dataReceived.
func (r *Int32StringReceiver) DataReceived(data []byte) { r.f.dataReceived(r.config(), data) }

// SendString writes s behind its length prefix. It returns an error
// matching ErrStringTooLong, and writes nothing, if len(s) does not fit
// 4 bytes.
//
// Twisted: IntNStringReceiver.sendString.
func (r *Int32StringReceiver) SendString(s []byte) error { return r.f.send(r.config(), s) }

// Err returns the reason a length was refused (it matches
// ErrLengthLimitExceeded), or nil.
func (r *Int32StringReceiver) Err() error { return r.f.err }

// PauseProducing stops string delivery and pauses the transport's reading.
//
// Twisted: IntNStringReceiver.pauseProducing (_PauseableMixin).
func (r *Int32StringReceiver) PauseProducing() { r.f.pause(r.Transport) }

// ResumeProducing resumes the transport and delivers the strings that
// arrived while paused.
//
// Twisted: IntNStringReceiver.resumeProducing (_PauseableMixin).
func (r *Int32StringReceiver) ResumeProducing() { r.f.resume(r.config()) }

// StopProducing stops string delivery for good, drops held input and tells
// the transport to stop.
//
// Twisted: IntNStringReceiver.stopProducing (_PauseableMixin).
func (r *Int32StringReceiver) StopProducing() { r.f.stop(r.Transport) }
