package endpoints_test

import (
	"net"
	"testing"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// recorder is a Protocol that logs its events.
type recorder struct {
	log       *[]string
	transport interfaces.Transport
	panicMade bool // ConnectionMade panics
}

func (p *recorder) MakeConnection(t interfaces.Transport) {
	p.transport = t
	*p.log = append(*p.log, "MakeConnection")
}

func (p *recorder) ConnectionMade() {
	*p.log = append(*p.log, "ConnectionMade")
	if p.panicMade {
		panic("made")
	}
}

func (p *recorder) DataReceived(data []byte) { *p.log = append(*p.log, "data "+string(data)) }

func (p *recorder) ConnectionLost(reason error) {
	*p.log = append(*p.log, "ConnectionLost "+reason.Error())
}

// halfCloser is a recorder that is also a HalfCloseableProtocol.
type halfCloser struct{ *recorder }

func (p halfCloser) ReadConnectionLost()  { *p.log = append(*p.log, "ReadConnectionLost") }
func (p halfCloser) WriteConnectionLost() { *p.log = append(*p.log, "WriteConnectionLost") }

// factory builds protocols with build and logs DoStart and DoStop.
type factory struct {
	log   []string
	build func(f *factory) interfaces.Protocol
}

func (f *factory) BuildProtocol(addr net.Addr) interfaces.Protocol {
	f.log = append(f.log, "BuildProtocol "+addr.String())
	return f.build(f)
}
func (f *factory) DoStart() { f.log = append(f.log, "DoStart") }
func (f *factory) DoStop()  { f.log = append(f.log, "DoStop") }

// newFactory returns a factory building recorders that log into its log.
func newFactory() *factory {
	return &factory{build: func(f *factory) interfaces.Protocol { return &recorder{log: &f.log} }}
}

// fired returns d's result, failing the test if d has not fired, and
// marks a failure handled.
func fired(t *testing.T, d *deferred.Deferred) (any, error) {
	t.Helper()
	if !d.Called() {
		t.Fatal("Deferred has not fired")
	}
	r, err := d.Result()
	d.AddErrback(func(error) (any, error) { return nil, nil })
	return r, err
}
