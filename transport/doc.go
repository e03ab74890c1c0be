// Package transport is the stream Transport shared by TCP and UNIX
// connections: a non-blocking socket with buffered, coalesced writes,
// orderly and abortive close, half-close, and producer/consumer flow
// control.
//
// A Conn is driven by a Loop (the reactor) as a read and write descriptor
// and talks to the user's interfaces.Protocol. It imports only interfaces
// and golang.org/x/sys/unix; it never reaches into package internet.
package transport
