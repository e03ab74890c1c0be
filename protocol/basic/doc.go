// Package basic frames a byte stream into messages: LineReceiver and
// LineOnlyReceiver split it at a delimiter, NetstringReceiver reads
// netstrings, and Int8StringReceiver, Int16StringReceiver and
// Int32StringReceiver read strings behind a big-endian length prefix.
//
// Each receiver is a protocol to embed: it embeds protocol.Base, implements
// DataReceived, and calls the user's code through an explicit Handler (Go
// embedding has no virtual dispatch, so it cannot call methods of the type
// that embeds it). A user type embeds the receiver and sets Handler to
// itself:
//
//	type chat struct{ basic.LineReceiver }
//
//	func newChat() *chat { c := &chat{}; c.Handler = c; return c }
//
//	func (c *chat) LineReceived(line []byte) { c.SendLine(line) }
//
// Framing does not depend on how the bytes are split into reads: feeding a
// stream whole, byte by byte or cut anywhere gives the same messages. Every
// receiver bounds what it keeps from a peer by its MaxLength, and a peer that
// breaks the framing gets its connection closed, with the reason in the
// receiver's Err. The receivers never panic on input.
//
// Package basic imports only protocol, interfaces and the standard library.
// See ExampleLineReceiver.
//
// Twisted: twisted.protocols.basic.
package basic
