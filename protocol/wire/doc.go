// Package wire implements the small standard services of the early
// Internet, handy for testing clients, load and network paths: Echo (RFC
// 862), Discard (RFC 863), Chargen (RFC 864), QOTD (RFC 865), Daytime (RFC
// 867) and Time (RFC 868) over TCP, and EchoUDP, DaytimeUDP and TimeUDP
// over UDP.
//
// Each is a protocol to hand to a factory, for example
// protocol.ForProtocol(func() *wire.Echo { return &wire.Echo{} }). The
// time services read the clock through interfaces.ReactorTime, so tests
// can fix it. The UDP services answer any sender; serve them only where
// that is wanted.
//
// Package wire imports only protocol, interfaces and the standard library.
//
// Twisted: twisted.protocols.wire.
package wire
