// Package transport is the stream Transport shared by TCP and UNIX
// connections: a non-blocking socket with buffered, coalesced writes,
// orderly and abortive close, half-close, and producer/consumer flow
// control.
//
// A Conn is driven by a Loop (the reactor) as a read and write descriptor
// and talks to the user's interfaces.Protocol. It imports only interfaces
// and golang.org/x/sys/unix; it never reaches into package internet.
//
// The contract in short:
//
//   - DataReceived gets a slice of the loop's shared read buffer. It is
//     valid only during that call: the next read of any connection of the
//     loop overwrites it. Copy what you keep.
//   - Write copies and never blocks. Writes made during a callback leave in
//     one write(2) (one writev(2) for larger output) when the callback
//     returns; the loop is asked for writability only while the kernel's
//     buffer is full.
//   - Without a producer, Write never drops data, so a slow reader makes
//     the output buffer grow: bounding it is the user's job, and a
//     registered producer is how (it is paused above the high-water mark,
//     DefaultHighWater, and resumed at the low-water mark,
//     DefaultLowWater; see Conn.SetWaterMarks).
//   - ConnectionLost is called exactly once: ErrConnectionDone after a
//     clean close, an error matching ErrConnectionLost (and the errno, with
//     errors.Is) otherwise, ErrConnectionAborted after AbortConnection
//     (on a later loop turn), or the *PanicError of a callback that
//     panicked.
//
// Twisted: twisted.internet.abstract.FileDescriptor and tcp.Connection.
package transport
