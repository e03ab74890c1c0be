// StringTransportWithDisconnection, and Connect which starts a protocol on a
// transport the way the framework does.

package transporttest

import "github.com/twistgo/twistgo/interfaces"

// StringTransportWithDisconnection is a StringTransport that tells Protocol
// the connection ended when the protocol closes it: LoseConnection calls
// Protocol.ConnectionLost(interfaces.ErrConnectionDone) and AbortConnection
// calls it with interfaces.ErrConnectionAborted, once in all.
//
// Unlike a real transport, which reports the loss on a later loop turn, it
// calls ConnectionLost from inside LoseConnection or AbortConnection. Call
// only on the reactor goroutine: in a test, the goroutine driving it.
//
// Twisted: twisted.internet.testing.StringTransportWithDisconnection.
type StringTransportWithDisconnection struct {
	StringTransport
	// Protocol is told of the loss; nil means nobody is.
	Protocol interfaces.Protocol

	lost bool
}

// LoseConnection marks the transport as disconnecting and, the first time
// the connection ends, calls Protocol.ConnectionLost with
// interfaces.ErrConnectionDone.
//
// Twisted: StringTransportWithDisconnection.loseConnection.
func (t *StringTransportWithDisconnection) LoseConnection() {
	t.StringTransport.LoseConnection()
	t.lose(interfaces.ErrConnectionDone)
}

// AbortConnection marks the transport as aborted and, the first time the
// connection ends, calls Protocol.ConnectionLost with
// interfaces.ErrConnectionAborted.
//
// Twisted: StringTransport.abortConnection.
func (t *StringTransportWithDisconnection) AbortConnection() {
	t.StringTransport.AbortConnection()
	t.lose(interfaces.ErrConnectionAborted)
}

// Lost reports whether the protocol was told the connection ended.
func (t *StringTransportWithDisconnection) Lost() bool { return t.lost }

func (t *StringTransportWithDisconnection) lose(reason error) {
	if t.lost {
		return
	}
	t.lost = true
	if t.Protocol != nil {
		t.Protocol.ConnectionLost(reason)
	}
}

// Connect starts p on t as the framework does: MakeConnection, then
// ConnectionMade. A *StringTransportWithDisconnection without a Protocol
// gets p as its Protocol. It returns t for chaining.
//
// Twisted: BaseProtocol.makeConnection.
func Connect[T interfaces.Transport](p interfaces.Protocol, t T) T {
	if d, ok := any(t).(*StringTransportWithDisconnection); ok && d.Protocol == nil {
		d.Protocol = p
	}
	p.MakeConnection(t)
	p.ConnectionMade()
	return t
}
