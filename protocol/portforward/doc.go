// Package portforward relays TCP connections to another address: every
// connection a ProxyFactory accepts gets a connection of its own to Host
// and Port, and bytes flow both ways until either side ends.
//
// Flow control is end to end: each side's transport is the other's
// streaming producer, so when one peer reads slowly, the proxy stops
// reading from the other and its memory stays bounded by the transports'
// high-water marks.
//
// Package portforward imports only protocol, interfaces and the standard
// library; it connects through interfaces.ReactorTCP, so tests can hand it
// a memory reactor.
//
// Twisted: twisted.protocols.portforward.
package portforward
