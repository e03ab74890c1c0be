package interfaces

import "net"

// Producer is a source of data a Consumer can throttle.
//
// A streaming (push) producer writes whenever it has data and is told to
// pause when the consumer's buffer is full and to resume when it has
// drained. A pull producer writes once each time ResumeProducing is called,
// which the consumer does whenever it wants more (PauseProducing is never
// called on it).
//
// Twisted: IPushProducer, IPullProducer.
type Producer interface {
	// PauseProducing asks a streaming producer to stop writing for now.
	PauseProducing()
	// ResumeProducing asks the producer to go on (streaming) or to write
	// one more chunk (pull).
	ResumeProducing()
	// StopProducing tells the producer the consumer is gone for good.
	StopProducing()
}

// Consumer accepts writes and throttles a registered producer.
//
// Twisted: IConsumer.
type Consumer interface {
	// Write queues data to be sent. It never blocks and never fails:
	// data is copied, so the caller may reuse it when Write returns. Writes
	// on a connection that is gone are dropped.
	Write(data []byte)

	// RegisterProducer makes p the producer of this consumer's data;
	// streaming says whether it is a push producer. A pull producer gets
	// ResumeProducing at once. If the consumer is already gone, p gets
	// StopProducing instead. It returns ErrProducerRegistered if a producer
	// is registered already.
	RegisterProducer(p Producer, streaming bool) error

	// UnregisterProducer forgets the registered producer; no-op if none.
	UnregisterProducer()
}

// Transport is the connection a Protocol writes to. It is also a Producer
// of the data it reads: PauseProducing stops reading (and so DataReceived)
// until ResumeProducing.
//
// All methods: Call only on the reactor goroutine.
//
// Twisted: ITransport, and FileDescriptor's producer side.
type Transport interface {
	Consumer
	Producer

	// WriteSequence queues the buffers in order, as one Write of their
	// concatenation would.
	WriteSequence(data [][]byte)

	// LoseConnection closes the connection once the buffered output has
	// been sent (and a registered pull or paused producer unregistered).
	// Reading stops at once. Writes made before the close completes are
	// still sent.
	//
	// Twisted: ITransport.loseConnection.
	LoseConnection()

	// AbortConnection closes the connection now, dropping buffered output;
	// the peer sees a reset. ConnectionLost follows on a later loop turn
	// with ErrConnectionAborted, never from inside this call.
	//
	// Twisted: ITCPTransport.abortConnection.
	AbortConnection()

	// Disconnecting reports whether LoseConnection or AbortConnection was
	// called or the connection is gone.
	Disconnecting() bool

	// GetPeer returns the address of the other end.
	GetPeer() net.Addr

	// GetHost returns the address of this end.
	GetHost() net.Addr
}

// TCPTransport is the Transport of a TCP connection.
//
// Twisted: ITCPTransport.
type TCPTransport interface {
	Transport

	// LoseWriteConnection shuts down the write side once the buffer has
	// been sent (shutdown(2) SHUT_WR); reading goes on. A
	// HalfCloseableProtocol is then told WriteConnectionLost.
	//
	// Twisted: ITCPTransport.loseWriteConnection.
	LoseWriteConnection()

	// SetTCPNoDelay turns Nagle's algorithm off (on is true) or on.
	SetTCPNoDelay(on bool) error

	// SetTCPKeepAlive turns TCP keep-alive probes on or off.
	SetTCPKeepAlive(on bool) error
}
