// NetstringReceiver: strings framed as "<length>:<payload>,".

package basic

import (
	"fmt"
	"strconv"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// DefaultMaxStringLength is the longest string the netstring and IntN
// receivers accept when MaxLength is 0.
const DefaultMaxStringLength = 99999

// maxSaneLength caps MaxLength so that parsing a length cannot overflow.
const maxSaneLength = 1 << 40

var _ interfaces.Protocol = (*NetstringReceiver)(nil)

// Netstring parser states.
const (
	nsLength  = iota // reading the decimal length
	nsPayload        // reading the payload
	nsComma          // expecting the closing ","
)

// NetstringReceiver is a protocol that reads netstrings and hands each
// payload to Handler.StringReceived. A netstring is a decimal length, ":",
// that many bytes, and ",": "5:hello,".
//
// Embed it and set Handler, as for LineReceiver. The length must be "0" or
// start with a non-zero digit ("01:a," is malformed), and is refused as soon
// as it passes MaxLength, so at most MaxLength payload bytes are ever held.
// Input that is not a netstring closes the connection; Err then says why,
// and the rest of the input is ignored. Once the transport is disconnecting,
// no more strings are delivered.
//
// Call only on the reactor goroutine.
//
// Twisted: basic.NetstringReceiver.
type NetstringReceiver struct {
	protocol.Base

	// Handler gets the strings; nil drops them.
	Handler StringHandler
	// MaxLength is the longest payload accepted; 0 means
	// DefaultMaxStringLength.
	MaxLength int

	state  int
	length int    // the declared length; while reading it, the digits so far
	digits int    // digits read of the length
	buf    []byte // an unfinished payload
	queue  []byte // input given while a string was being handled
	busy   bool
	err    error
	header [24]byte // SendString's length prefix
}

// DataReceived parses data and delivers the strings it completes. Called
// again from inside StringReceived, it queues data after the input not yet
// parsed.
//
// Twisted: NetstringReceiver.dataReceived.
func (r *NetstringReceiver) DataReceived(data []byte) {
	if r.busy {
		r.queue = append(r.queue, data...)
		return
	}
	r.busy = true
	defer func() { r.busy = false }()
	r.parse(data)
	for len(r.queue) > 0 {
		queued := r.queue
		r.queue = nil
		r.parse(queued)
	}
}

// parse consumes data, delivering each complete string.
func (r *NetstringReceiver) parse(data []byte) {
	for len(data) > 0 && r.err == nil {
		if r.Transport != nil && r.Transport.Disconnecting() {
			return
		}
		switch r.state {
		case nsLength:
			data = r.parseLength(data)
		case nsPayload:
			data = r.parsePayload(data)
		case nsComma:
			if data[0] != ',' {
				r.fail(fmt.Errorf("%w: payload not followed by ','", ErrMalformedNetstring))
				return
			}
			data = data[1:]
			payload := r.buf
			r.reset()
			r.deliver(payload)
		}
	}
}

// parseLength consumes length digits and the ":" after them.
func (r *NetstringReceiver) parseLength(data []byte) []byte {
	maxLen := min(maxLengthOr(r.MaxLength, DefaultMaxStringLength), maxSaneLength)
	for i, c := range data {
		switch {
		case c == ':' && r.digits > 0:
			r.state = nsPayload
			return data[i+1:]
		case c < '0' || c > '9':
			r.fail(fmt.Errorf("%w: length expected, got %q", ErrMalformedNetstring, c))
			return nil
		case r.digits == 1 && r.length == 0:
			r.fail(fmt.Errorf("%w: length with a leading zero", ErrMalformedNetstring))
			return nil
		}
		r.length = r.length*10 + int(c-'0')
		r.digits++
		if r.length > maxLen {
			r.fail(fmt.Errorf("%w: %w: length over %d", ErrMalformedNetstring, ErrLengthLimitExceeded, maxLen))
			return nil
		}
	}
	return nil
}

// parsePayload consumes payload bytes, delivering in place when the whole
// string and its comma are in data.
func (r *NetstringReceiver) parsePayload(data []byte) []byte {
	if len(r.buf) == 0 && len(data) > r.length {
		if data[r.length] != ',' {
			r.fail(fmt.Errorf("%w: payload not followed by ','", ErrMalformedNetstring))
			return nil
		}
		payload := data[:r.length]
		r.reset()
		r.deliver(payload)
		return data[len(payload)+1:]
	}
	n := min(r.length-len(r.buf), len(data))
	r.buf = append(r.buf, data[:n]...)
	if len(r.buf) == r.length {
		r.state = nsComma
	}
	return data[n:]
}

// reset readies the parser for the next netstring. The payload buffer is
// truncated, not freed: a payload handed out from it stays intact until
// its handler returns, since nothing is appended before then.
func (r *NetstringReceiver) reset() {
	r.state, r.length, r.digits = nsLength, 0, 0
	r.buf = r.buf[:0]
}

func (r *NetstringReceiver) deliver(payload []byte) {
	if r.Handler != nil {
		r.Handler.StringReceived(payload)
	}
}

// fail records why the peer is broken and closes the connection.
func (r *NetstringReceiver) fail(err error) {
	r.err = err
	r.buf, r.queue = nil, nil
	if r.Transport != nil {
		r.Transport.LoseConnection()
	}
}

// SendString writes s as a netstring.
//
// Twisted: NetstringReceiver.sendString.
func (r *NetstringReceiver) SendString(s []byte) {
	h := strconv.AppendInt(r.header[:0], int64(len(s)), 10)
	h = append(h, ':')
	r.Transport.Write(h)
	r.Transport.Write(s)
	r.Transport.Write(comma)
}

// comma ends every netstring; never modified.
var comma = []byte{','}

// Err returns the reason the connection was closed for malformed input, or
// nil. The reason matches ErrMalformedNetstring, and also
// ErrLengthLimitExceeded when the length was over MaxLength.
//
// Twisted: NetstringReceiver.brokenPeer.
func (r *NetstringReceiver) Err() error { return r.err }
