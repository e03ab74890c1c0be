// LineReceiver: delimited lines, a raw mode, and pausing.

package basic

import (
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// Defaults of the line receivers.
const (
	// DefaultMaxLineLength is the longest line accepted when MaxLength is 0.
	DefaultMaxLineLength = 16384
)

// defaultDelimiter is used when Delimiter is empty; never modified.
var defaultDelimiter = []byte("\r\n")

var (
	_ interfaces.Protocol = (*LineReceiver)(nil)
	_ interfaces.Producer = (*LineReceiver)(nil)
)

// LineReceiver is a protocol that splits its input into lines and hands
// each to Handler.LineReceived. It can switch to raw mode, where input goes
// to Handler's RawDataReceived unsplit, and back.
//
// Embed it in your protocol and set Handler, usually to the embedding value
// itself, before the connection starts (see ExampleLineReceiver). The
// framework calls DataReceived on your value, which LineReceiver provides;
// define your own ConnectionMade and ConnectionLost as usual.
//
// Input that arrives while a line is being handled, or while the receiver
// is paused, is queued and handled in order afterwards. Once the transport
// is disconnecting, nothing more is delivered, in either mode, and pending
// input is dropped. The receiver keeps at most MaxLength+len(Delimiter) bytes of an
// unfinished line: a line longer than MaxLength goes to LineLengthExceeded
// (see LineLengthExceededHandler; by default the connection is closed) as
// soon as no delimiter has come within MaxLength+len(Delimiter) bytes, or
// when its delimiter comes. With the default MaxLength, 16384 bytes and a
// delimiter are a line; 16386 bytes without a delimiter are too long.
//
// Call only on the reactor goroutine.
//
// Twisted: basic.LineReceiver.
type LineReceiver struct {
	protocol.Base

	// Handler gets the lines and, if it implements them, raw data and
	// too-long lines. nil drops them.
	Handler LineHandler
	// Delimiter ends each line; nil or empty means "\r\n". Set it before
	// the first input and do not modify it afterwards.
	Delimiter []byte
	// MaxLength is the longest line accepted, without its delimiter;
	// 0 means DefaultMaxLineLength.
	MaxLength int

	split  lineSplitter
	raw    bool
	paused bool
	busy   bool
	err    error
}

// DataReceived splits data into lines and delivers them. It may be called
// again from inside a handler: the data is then queued after the input not
// yet handled.
//
// Twisted: LineReceiver.dataReceived.
func (r *LineReceiver) DataReceived(data []byte) {
	if r.busy {
		r.split.push(data)
		return
	}
	r.split.in = data
	r.run()
}

// run delivers what is pending until more input is needed, the receiver is
// paused, or the connection is going away.
func (r *LineReceiver) run() {
	r.busy = true
	defer r.done()
	delim, maxLen := r.delimiter(), r.maxLength()
	for !r.paused {
		if r.Transport != nil && r.Transport.Disconnecting() {
			r.split.drop()
			return
		}
		if r.raw {
			chunk := r.split.take()
			if chunk == nil {
				return
			}
			if h, ok := r.Handler.(RawDataHandler); ok {
				h.RawDataReceived(chunk)
			}
			continue
		}
		ev, line := r.split.next(delim, maxLen, false)
		switch ev {
		case needMore:
			return
		case gotLine:
			if r.Handler != nil {
				r.Handler.LineReceived(line)
			}
		case gotTooLong:
			r.tooLong(line)
		}
	}
}

func (r *LineReceiver) done() {
	r.busy = false
	r.split.compact()
}

func (r *LineReceiver) tooLong(line []byte) {
	if r.err == nil {
		r.err = ErrLineTooLong
	}
	lineTooLong(r.Handler, r.Transport, line)
}

// lineTooLong calls h's LineLengthExceeded, or closes t.
func lineTooLong(h LineHandler, t interfaces.Transport, line []byte) {
	if x, ok := h.(LineLengthExceededHandler); ok {
		x.LineLengthExceeded(line)
	} else if t != nil {
		t.LoseConnection()
	}
}

// SetRawMode makes the receiver hand input to RawDataReceived unsplit, from
// the first byte after the current line on.
//
// Twisted: LineReceiver.setRawMode.
func (r *LineReceiver) SetRawMode() {
	r.raw = true
	r.split.skipping = false
}

// SetLineMode makes the receiver split lines again. extra, usually the part
// of the last raw data that belongs to the line protocol, is handled first,
// before any input not yet handled; it is copied. Called outside a handler,
// it handles what is pending at once.
//
// Twisted: LineReceiver.setLineMode.
func (r *LineReceiver) SetLineMode(extra []byte) {
	r.raw = false
	r.split.skipping = false
	if len(extra) > 0 {
		r.split.unread(extra)
	}
	if !r.busy {
		r.run()
	}
}

// ClearLineBuffer discards the input not yet handled and returns a copy of
// it. Called from LineReceived, it drops the lines after the current one.
//
// Twisted: LineReceiver.clearLineBuffer.
func (r *LineReceiver) ClearLineBuffer() []byte { return r.split.clear() }

// SendLine writes line followed by the delimiter.
//
// Twisted: LineReceiver.sendLine.
func (r *LineReceiver) SendLine(line []byte) {
	r.Transport.Write(line)
	r.Transport.Write(r.delimiter())
}

// Err returns ErrLineTooLong once a line was too long, and nil before.
func (r *LineReceiver) Err() error { return r.err }

// PauseProducing stops line delivery and pauses the transport's reading.
//
// Twisted: LineReceiver.pauseProducing (_PauseableMixin).
func (r *LineReceiver) PauseProducing() {
	r.paused = true
	if r.Transport != nil {
		r.Transport.PauseProducing()
	}
}

// ResumeProducing resumes the transport and delivers the lines that
// arrived while paused.
//
// Twisted: LineReceiver.resumeProducing (_PauseableMixin).
func (r *LineReceiver) ResumeProducing() {
	r.paused = false
	if r.Transport != nil {
		r.Transport.ResumeProducing()
	}
	if !r.busy {
		r.run()
	}
}

// StopProducing stops line delivery for good and tells the transport to
// stop.
//
// Twisted: LineReceiver.stopProducing (_PauseableMixin).
func (r *LineReceiver) StopProducing() {
	r.paused = true
	r.split.drop()
	if r.Transport != nil {
		r.Transport.StopProducing()
	}
}

func (r *LineReceiver) delimiter() []byte { return delimiterOr(r.Delimiter) }

func (r *LineReceiver) maxLength() int { return maxLengthOr(r.MaxLength, DefaultMaxLineLength) }

func delimiterOr(d []byte) []byte {
	if len(d) == 0 {
		return defaultDelimiter
	}
	return d
}

func maxLengthOr(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}
