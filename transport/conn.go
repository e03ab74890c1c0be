//go:build unix

// The Conn type: one stream connection over a non-blocking socket, its
// construction, and the small accessors of its contract.

package transport

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

// Contracts Conn fulfils, checked at compile time.
var (
	_ interfaces.TCPTransport    = (*Conn)(nil)
	_ interfaces.ReadDescriptor  = (*Conn)(nil)
	_ interfaces.WriteDescriptor = (*Conn)(nil)
	_ Flusher                    = (*Conn)(nil)
)

// Default output buffer limits; see [Conn.SetWaterMarks].
const (
	// DefaultHighWater is the buffered output, in bytes, above which a
	// registered streaming producer is paused.
	DefaultHighWater = 64 << 10
	// DefaultLowWater is the buffered output, in bytes, at or below which a
	// paused producer is resumed.
	DefaultLowWater = 16 << 10
)

// maxReadsPerTurn bounds the reads one DoRead makes, so a fast sender cannot
// starve the other connections of the loop.
const maxReadsPerTurn = 16

// Config is what New needs to build a Conn.
type Config struct {
	// FD is the connected, non-blocking socket. The Conn owns it from New
	// on and closes it exactly once.
	FD int
	// Loop is the reactor that drives the connection.
	Loop Loop
	// Protocol is the user's value; every lifecycle method is called on it.
	Protocol interfaces.Protocol
	// Local and Peer are the socket's two addresses, as GetHost and
	// GetPeer return them.
	Local, Peer net.Addr
	// Owner, if set, is told once, right after the protocol's
	// ConnectionLost, that the connection has ended.
	Owner Owner
}

// Owner is whatever made a connection and must hear when it ends: the
// listening port that accepted it, or the connector that dialed it. It is
// an interface rather than a callback so that a connection costs its owner
// no closure.
type Owner interface {
	// ConnectionEnded is called once, right after the protocol's
	// ConnectionLost, with the same reason.
	ConnectionEnded(c *Conn, reason error)
}

// Conn is the Transport of one TCP or UNIX stream connection: buffered,
// coalesced writes, orderly and abortive close, half-close and flow control
// over a non-blocking socket, driven by a Loop as a read and write
// descriptor.
//
// Reads go into the loop's shared read buffer and reach the protocol's
// DataReceived as a slice of it, valid only during that call. Writes are
// copied into an output buffer and sent once the current callback returns.
// Without a registered producer Write never drops data, so the buffer can
// grow without bound if the peer reads slowly: register a producer (see
// RegisterProducer and SetWaterMarks) to bound it.
//
// All methods: Call only on the reactor goroutine.
//
// Twisted: tcp.Connection (abstract.FileDescriptor).
type Conn struct {
	fd    int
	loop  Loop
	proto interfaces.Protocol
	owner Owner
	local net.Addr
	peer  net.Addr

	out outBuffer

	high, low int

	producer       interfaces.Producer
	streaming      bool // producer is a push producer
	producerPaused bool // we paused the producer and owe it a resume

	started     bool // Start ran: the reader may be registered
	reading     bool // registered with the loop for readability
	writing     bool // registered with the loop for writability
	readPaused  bool // the user paused us as a producer of reads
	inCallback  bool // a callback of ours is running; output is flushed after it
	flushQueued bool // QueueFlush was called and Flush has not run yet

	disconnecting      bool // LoseConnection called
	writeDisconnecting bool // LoseWriteConnection called
	writeDisconnected  bool // write side shut down
	readDisconnected   bool // the peer half-closed (half-closeable protocol)
	aborted            bool // AbortConnection called
	closed             bool // fd closed and removed from the loop
	lostTold           bool // protocol's ConnectionLost has been called
}

// New returns a Conn for the connected socket c.FD. The connection does
// nothing until Start.
//
// Call only on the reactor goroutine, or before Run.
func New(c Config) *Conn {
	return &Conn{
		fd:    c.FD,
		loop:  c.Loop,
		proto: c.Protocol,
		owner: c.Owner,
		local: c.Local,
		peer:  c.Peer,
		high:  DefaultHighWater,
		low:   DefaultLowWater,
	}
}

// isUNIX reports whether this is a UNIX-domain connection, which has no
// TCP options and no abortive close.
func (t *Conn) isUNIX() bool {
	_, local := t.local.(*net.UnixAddr)
	_, peer := t.peer.(*net.UnixAddr)
	return local || peer
}

// halfCloseable returns the protocol as a HalfCloseableProtocol, or nil if
// it wants the whole connection closed when either direction ends. It is
// asked at each half-close rather than stored, to keep idle connections
// small.
func (t *Conn) halfCloseable() interfaces.HalfCloseableProtocol {
	h, _ := t.proto.(interfaces.HalfCloseableProtocol)
	return h
}

// Fileno returns the socket's descriptor, or -1 once it is closed.
//
// Twisted: IFileDescriptor.fileno.
func (t *Conn) Fileno() int { return t.fd }

// GetPeer returns the address of the other end.
//
// Twisted: ITransport.getPeer.
func (t *Conn) GetPeer() net.Addr { return t.peer }

// GetHost returns the address of this end. Connections accepted by a
// port bound to one address share that port's value, so treat it as
// read-only.
//
// Twisted: ITransport.getHost.
func (t *Conn) GetHost() net.Addr { return t.local }

// Disconnecting reports whether LoseConnection or AbortConnection was
// called, or the connection is gone.
//
// Twisted: FileDescriptor.disconnecting.
func (t *Conn) Disconnecting() bool { return t.disconnecting || t.closed }
