package policies_test

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// recorder is a protocol that records what it is told.
type recorder struct {
	protocol.Base
	events []string
	reason error
}

func (r *recorder) ConnectionMade()          { r.events = append(r.events, "made") }
func (r *recorder) DataReceived(data []byte) { r.events = append(r.events, "data:"+string(data)) }
func (r *recorder) ConnectionLost(reason error) {
	r.Base.ConnectionLost(reason)
	r.events = append(r.events, "lost")
	r.reason = reason
}

// halfCloser is a recorder that wants half-close notices.
type halfCloser struct{ recorder }

func (h *halfCloser) ReadConnectionLost()  { h.events = append(h.events, "read lost") }
func (h *halfCloser) WriteConnectionLost() { h.events = append(h.events, "write lost") }

// recorders is a factory of recorders that keeps them.
type recorders struct {
	protocol.ClientFactory
	built  []*recorder
	refuse bool
	notes  []string
}

func newRecorders() *recorders {
	f := &recorders{}
	f.Build = func(net.Addr) interfaces.Protocol {
		if f.refuse {
			return nil
		}
		r := &recorder{}
		f.built = append(f.built, r)
		return r
	}
	return f
}

func (f *recorders) StartedConnecting(interfaces.Connector) { f.notes = append(f.notes, "started") }
func (f *recorders) ClientConnectionFailed(_ interfaces.Connector, err error) {
	f.notes = append(f.notes, "failed")
}
func (f *recorders) ClientConnectionLost(_ interfaces.Connector, err error) {
	f.notes = append(f.notes, "lost")
}

// counter counts producer calls.
type counter struct{ Pauses, Resumes, Stops int }

func (c *counter) PauseProducing()  { c.Pauses++ }
func (c *counter) ResumeProducing() { c.Resumes++ }
func (c *counter) StopProducing()   { c.Stops++ }

// tcpAddr returns a TCP address for host:port.
func tcpAddr(host string, port int) net.Addr {
	return &net.TCPAddr{IP: net.ParseIP(host), Port: port}
}
