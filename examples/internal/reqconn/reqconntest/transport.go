// A StringTransport that counts writes and can act on each.

package reqconntest

import (
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// Transport is a StringTransport that also counts writes and can act on
// each, to stand in for a transport whose buffer fills. Call its methods
// only from the goroutine driving the protocol.
type Transport struct {
	*transporttest.StringTransport
	// Writes counts the calls to Write.
	Writes int
	// OnWrite, if set, is called after every Write.
	OnWrite func()
}

// NewTransport returns a Transport with StringTransport's defaults.
func NewTransport() *Transport {
	return &Transport{StringTransport: transporttest.NewStringTransport()}
}

// Write records b, counts the write and calls OnWrite.
func (t *Transport) Write(b []byte) {
	t.StringTransport.Write(b)
	t.Writes++
	if t.OnWrite != nil {
		t.OnWrite()
	}
}

// Take returns what was written since the last Take.
func (t *Transport) Take() string {
	s := string(t.Value())
	t.Clear()
	return s
}

// Closed reports whether the protocol closed the connection, or began to
// with a lingering close.
func (t *Transport) Closed() bool { return t.Disconnecting() || t.WriteClosed() }

// ReadPaused reports whether the protocol paused the transport's reading.
func (t *Transport) ReadPaused() bool {
	return t.ProducerState() == transporttest.Paused
}

// RegisteredProducer returns the producer the protocol registered, or
// nil.
func (t *Transport) RegisteredProducer() any {
	p, _ := t.Producer()
	return p
}

// Connect builds a protocol from f and starts it on a new Transport, as a
// listening port would.
func Connect(f interfaces.Factory) (interfaces.Protocol, *Transport) {
	tr := NewTransport()
	p := f.BuildProtocol(tr.GetPeer())
	transporttest.Connect(p, tr)
	return p, tr
}
