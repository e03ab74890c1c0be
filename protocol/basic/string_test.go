package basic_test

import (
	"fmt"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol/basic"
)

// strRecorder is a StringHandler that records strings; onString adds
// behaviour.
type strRecorder struct {
	events
	onString func(s []byte)
}

func (r *strRecorder) StringReceived(s []byte) {
	r.add("string:" + string(s))
	if r.onString != nil {
		r.onString(s)
	}
}

// tolerantStrRecorder also handles lengths over the limit.
type tolerantStrRecorder struct{ *strRecorder }

func (r tolerantStrRecorder) LengthLimitExceeded(n int) { r.add(fmt.Sprintf("too long %d", n)) }

// recorded pairs a receiver with the recorder it reports to.
type recorded struct {
	stringReceiver
	*strRecorder
}

// stringReceiver is what the netstring and IntN receivers share.
type stringReceiver interface {
	interfaces.Protocol
	Err() error
}

// intReceiver is what the three IntN receivers share.
type intReceiver interface {
	stringReceiver
	interfaces.Producer
	SendString(s []byte) error
}

// intKinds builds each IntN receiver with a handler and a MaxLength.
var intKinds = []struct {
	name string
	size int
	new  func(h basic.StringHandler, maxLength int) intReceiver
}{
	{"Int8", 1, func(h basic.StringHandler, m int) intReceiver {
		return &basic.Int8StringReceiver{Handler: h, MaxLength: m}
	}},
	{"Int16", 2, func(h basic.StringHandler, m int) intReceiver {
		return &basic.Int16StringReceiver{Handler: h, MaxLength: m}
	}},
	{"Int32", 4, func(h basic.StringHandler, m int) intReceiver {
		return &basic.Int32StringReceiver{Handler: h, MaxLength: m}
	}},
}

// frame returns s behind a big-endian length prefix of size bytes.
func frame(size, n int, s string) string {
	p := make([]byte, size)
	for i := size - 1; i >= 0; i-- {
		p[i] = byte(n)
		n >>= 8
	}
	return string(p) + s
}
