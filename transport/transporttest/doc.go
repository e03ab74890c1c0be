// Package transporttest provides in-memory test doubles for transports, so
// protocol code can be exercised without sockets or a reactor.
//
// StringTransport records everything written to it and lets a test inspect
// and reset it (Value, Clear), see whether the protocol closed the
// connection (Disconnecting, Aborted), and drive producer registration and
// flow control by hand. StringTransportWithDisconnection also tells its
// protocol that the connection ended when the protocol closes it.
//
// It imports only package interfaces and the standard library, and is an
// ordinary package so users can test their own protocols with it.
package transporttest
