// LineOnlyReceiver: delimited lines with a strict length limit.

package basic

import (
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

var _ interfaces.Protocol = (*LineOnlyReceiver)(nil)

// LineOnlyReceiver is a protocol that splits its input into lines and hands
// each to Handler.LineReceived: a LineReceiver without raw mode or pausing,
// and with a stricter limit. An unfinished line counts as too long as soon
// as it is certain to exceed MaxLength, whatever delimiter may follow: with
// the default limit, 16385 bytes that do not end in a partial delimiter are
// already too long.
//
// Use it as LineReceiver: embed it and set Handler (see ExampleLineReceiver).
// Too-long lines go to Handler's LineLengthExceeded if it has one, and
// otherwise close the connection. Once the transport is disconnecting, no
// more lines are delivered. Call only on the reactor goroutine.
//
// Twisted: basic.LineOnlyReceiver.
type LineOnlyReceiver struct {
	protocol.Base

	// Handler gets the lines and, if it implements
	// LineLengthExceededHandler, the too-long ones. nil drops them.
	Handler LineHandler
	// Delimiter ends each line; nil or empty means "\r\n". Set it before
	// the first input and do not modify it afterwards.
	Delimiter []byte
	// MaxLength is the longest line accepted, without its delimiter;
	// 0 means DefaultMaxLineLength.
	MaxLength int

	split lineSplitter
	busy  bool
	err   error
}

// DataReceived splits data into lines and delivers them. Called again from
// inside a handler, it queues data after the input not yet handled.
//
// Twisted: LineOnlyReceiver.dataReceived.
func (r *LineOnlyReceiver) DataReceived(data []byte) {
	if r.busy {
		r.split.push(data)
		return
	}
	r.split.in = data
	r.busy = true
	defer r.done()
	delim := delimiterOr(r.Delimiter)
	maxLen := maxLengthOr(r.MaxLength, DefaultMaxLineLength)
	for {
		if r.Transport != nil && r.Transport.Disconnecting() {
			r.split.drop()
			return
		}
		ev, line := r.split.next(delim, maxLen, true)
		switch ev {
		case needMore:
			return
		case gotLine:
			if r.Handler != nil {
				r.Handler.LineReceived(line)
			}
		case gotTooLong:
			if r.err == nil {
				r.err = ErrLineTooLong
			}
			lineTooLong(r.Handler, r.Transport, line)
		}
	}
}

func (r *LineOnlyReceiver) done() {
	r.busy = false
	r.split.compact()
}

// SendLine writes line followed by the delimiter.
//
// Twisted: LineOnlyReceiver.sendLine.
func (r *LineOnlyReceiver) SendLine(line []byte) {
	r.Transport.Write(line)
	r.Transport.Write(delimiterOr(r.Delimiter))
}

// Err returns ErrLineTooLong once a line was too long, and nil before.
func (r *LineOnlyReceiver) Err() error { return r.err }
