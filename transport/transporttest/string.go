// StringTransport: an in-memory interfaces.TCPTransport that records writes.

package transporttest

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.TCPTransport = (*StringTransport)(nil)

// The addresses a StringTransport reports when none is set. They come from
// the documentation ranges of RFC 5737, so they never name a real host.
const (
	DefaultPeerIP   = "192.0.2.1"
	DefaultPeerPort = 54321
	DefaultHostIP   = "198.51.100.1"
	DefaultHostPort = 12345
)

// StringTransport is an in-memory transport that records what a protocol
// writes and what it asks of the connection, for tests.
//
// The zero value is ready to use. It never calls back into a protocol:
// LoseConnection and AbortConnection only set flags (see
// StringTransportWithDisconnection for a transport that reports the loss).
// Call only on the reactor goroutine: in a test, the goroutine driving it.
//
// Twisted: twisted.internet.testing.StringTransport.
type StringTransport struct {
	// Peer is what GetPeer returns; nil means DefaultPeerIP:DefaultPeerPort.
	Peer net.Addr
	// Host is what GetHost returns; nil means DefaultHostIP:DefaultHostPort.
	Host net.Addr

	data          []byte
	disconnecting bool
	aborted       bool
	writeClosed   bool
	noDelay       bool
	keepAlive     bool
	producer      interfaces.Producer
	streaming     bool
	state         ProducerState
}

// NewStringTransport returns an empty StringTransport with the default
// addresses.
//
// Twisted: StringTransport().
func NewStringTransport() *StringTransport { return &StringTransport{} }

// Write records a copy of data, even after LoseConnection, so a test sees
// everything the protocol tried to send.
//
// Twisted: StringTransport.write.
func (t *StringTransport) Write(data []byte) { t.data = append(t.data, data...) }

// WriteSequence records the buffers in order, as Write of their
// concatenation would.
//
// Twisted: StringTransport.writeSequence.
func (t *StringTransport) WriteSequence(data [][]byte) {
	for _, b := range data {
		t.data = append(t.data, b...)
	}
}

// Value returns a copy of everything written since the last Clear.
//
// Twisted: StringTransport.value.
func (t *StringTransport) Value() []byte { return append([]byte(nil), t.data...) }

// Clear forgets what was written so far.
//
// Twisted: StringTransport.clear.
func (t *StringTransport) Clear() { t.data = t.data[:0] }

// LoseConnection marks the transport as disconnecting. Nothing else
// happens: no protocol is told.
//
// Twisted: StringTransport.loseConnection.
func (t *StringTransport) LoseConnection() { t.disconnecting = true }

// AbortConnection marks the transport as disconnecting and aborted.
//
// Twisted: StringTransport.abortConnection.
func (t *StringTransport) AbortConnection() {
	t.disconnecting = true
	t.aborted = true
}

// Disconnecting reports whether LoseConnection or AbortConnection was
// called.
//
// Twisted: StringTransport.disconnecting.
func (t *StringTransport) Disconnecting() bool { return t.disconnecting }

// Aborted reports whether AbortConnection was called.
//
// Twisted: StringTransport.disconnected.
func (t *StringTransport) Aborted() bool { return t.aborted }

// LoseWriteConnection records that the protocol shut down its write side.
func (t *StringTransport) LoseWriteConnection() { t.writeClosed = true }

// WriteClosed reports whether LoseWriteConnection was called.
func (t *StringTransport) WriteClosed() bool { return t.writeClosed }

// SetTCPNoDelay records the setting; it never fails.
func (t *StringTransport) SetTCPNoDelay(on bool) error {
	t.noDelay = on
	return nil
}

// NoDelay reports the last SetTCPNoDelay setting.
func (t *StringTransport) NoDelay() bool { return t.noDelay }

// SetTCPKeepAlive records the setting; it never fails.
func (t *StringTransport) SetTCPKeepAlive(on bool) error {
	t.keepAlive = on
	return nil
}

// KeepAlive reports the last SetTCPKeepAlive setting.
func (t *StringTransport) KeepAlive() bool { return t.keepAlive }

// GetPeer returns Peer, or the default peer address when Peer is nil.
//
// Twisted: StringTransport.getPeer.
func (t *StringTransport) GetPeer() net.Addr {
	if t.Peer != nil {
		return t.Peer
	}
	return &net.TCPAddr{IP: net.ParseIP(DefaultPeerIP), Port: DefaultPeerPort}
}

// GetHost returns Host, or the default host address when Host is nil.
//
// Twisted: StringTransport.getHost.
func (t *StringTransport) GetHost() net.Addr {
	if t.Host != nil {
		return t.Host
	}
	return &net.TCPAddr{IP: net.ParseIP(DefaultHostIP), Port: DefaultHostPort}
}
