// Command portforward relays every TCP connection it accepts to another
// address, bytes flowing both ways until either side ends. It shows a
// ready-made factory from the protocol library (portforward.ProxyFactory)
// doing client and server work at once: each accepted connection opens an
// outgoing one through the reactor, and each side's transport throttles
// the other, so a slow peer cannot make the relay's memory grow.
//
//	go run ./examples/portforward --listen tcp:8080 --to example.org:80
//
// It logs "listening on HOST:PORT" once listening and runs until SIGINT or
// SIGTERM, then exits 0; bad flags exit 2 and a port that cannot be opened
// exits 1. `twist portforward` is the same service with twist's flags.
//
// Twisted: twisted.protocols.portforward and the portforward twist plugin.
package main
