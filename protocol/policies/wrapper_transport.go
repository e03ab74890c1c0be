// ProtocolWrapper's transport side: what the wrapped protocol calls.

package policies

import (
	"errors"
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

// Write forwards data to the transport.
//
// Twisted: ProtocolWrapper.write.
func (w *ProtocolWrapper) Write(data []byte) { w.Transport.Write(data) }

// WriteSequence forwards data to the transport.
//
// Twisted: ProtocolWrapper.writeSequence.
func (w *ProtocolWrapper) WriteSequence(data [][]byte) { w.Transport.WriteSequence(data) }

// LoseConnection marks the wrapper disconnecting and closes the transport
// once its output is sent.
//
// Twisted: ProtocolWrapper.loseConnection.
func (w *ProtocolWrapper) LoseConnection() {
	w.disconnecting = true
	w.Transport.LoseConnection()
}

// AbortConnection marks the wrapper disconnecting and aborts the transport.
//
// Twisted: ProtocolWrapper.abortConnection.
func (w *ProtocolWrapper) AbortConnection() {
	w.disconnecting = true
	w.Transport.AbortConnection()
}

// Disconnecting reports whether the wrapper or the transport is closing.
//
// Twisted: ProtocolWrapper.disconnecting.
func (w *ProtocolWrapper) Disconnecting() bool {
	return w.disconnecting || w.Transport.Disconnecting()
}

// GetPeer returns the transport's peer address.
//
// Twisted: ProtocolWrapper.getPeer.
func (w *ProtocolWrapper) GetPeer() net.Addr { return w.Transport.GetPeer() }

// GetHost returns the transport's own address.
//
// Twisted: ProtocolWrapper.getHost.
func (w *ProtocolWrapper) GetHost() net.Addr { return w.Transport.GetHost() }

// RegisterProducer registers p with the transport.
//
// Twisted: ProtocolWrapper.registerProducer.
func (w *ProtocolWrapper) RegisterProducer(p interfaces.Producer, streaming bool) error {
	return w.Transport.RegisterProducer(p, streaming)
}

// UnregisterProducer unregisters the transport's producer.
//
// Twisted: ProtocolWrapper.unregisterProducer.
func (w *ProtocolWrapper) UnregisterProducer() { w.Transport.UnregisterProducer() }

// PauseProducing pauses the transport's reading.
//
// Twisted: ProtocolWrapper.pauseProducing.
func (w *ProtocolWrapper) PauseProducing() { w.Transport.PauseProducing() }

// ResumeProducing resumes the transport's reading.
//
// Twisted: ProtocolWrapper.resumeProducing.
func (w *ProtocolWrapper) ResumeProducing() { w.Transport.ResumeProducing() }

// StopProducing stops the transport.
//
// Twisted: ProtocolWrapper.stopProducing.
func (w *ProtocolWrapper) StopProducing() { w.Transport.StopProducing() }

// LoseWriteConnection shuts down the transport's write side, if it can
// (a TCP or UNIX stream); otherwise it does nothing.
//
// Twisted: ProtocolWrapper.loseWriteConnection.
func (w *ProtocolWrapper) LoseWriteConnection() {
	if t, ok := w.Transport.(interface{ LoseWriteConnection() }); ok {
		t.LoseWriteConnection()
	}
}

// SetTCPNoDelay forwards to a TCP transport; on any other it returns
// errors.ErrUnsupported.
//
// Twisted: ITCPTransport.setTcpNoDelay.
func (w *ProtocolWrapper) SetTCPNoDelay(on bool) error {
	if t, ok := w.Transport.(interfaces.TCPTransport); ok {
		return t.SetTCPNoDelay(on)
	}
	return errors.ErrUnsupported
}

// SetTCPKeepAlive forwards to a TCP transport; on any other it returns
// errors.ErrUnsupported.
//
// Twisted: ITCPTransport.setTcpKeepAlive.
func (w *ProtocolWrapper) SetTCPKeepAlive(on bool) error {
	if t, ok := w.Transport.(interfaces.TCPTransport); ok {
		return t.SetTCPKeepAlive(on)
	}
	return errors.ErrUnsupported
}
