// Command timeserver answers with its current time over TCP and UDP, as in
// the classic reactor tutorial: a client sends a few bytes (a TCP
// connection or a UDP datagram) and gets the time back as one RFC 3339
// line. It shows one service on two transports: a stream Protocol and a
// DatagramProtocol sharing the reactor's clock.
//
//	go run ./examples/timeserver --listen tcp:8037 --listen udp:8037
//	echo hi | nc 127.0.0.1 8037
//	echo hi | nc -u -w1 127.0.0.1 8037
//
// --listen takes a stream endpoint string (tcp:PORT[:interface=IP], ...)
// or udp:PORT[:interface=IP], and may be repeated. It logs one "listening
// on HOST:PORT" line per endpoint and runs until SIGINT or SIGTERM, then
// exits 0; if it cannot listen it exits 1.
//
// Twisted: the "Reactor Basics" howto, and the time service of
// twisted.protocols.wire.
package main
