// Command echoserver is the smallest useful Twistgo server: it writes back
// whatever each client sends. It shows the three pieces every server has:
// a Protocol (Echo embeds protocol.Base and defines DataReceived), a
// Factory that builds one per connection (protocol.ForProtocol), and a
// server endpoint made from a --listen string, all driven by the reactor.
//
//	go run ./examples/echoserver --listen tcp:8000
//
// It logs "listening on HOST:PORT" once listening and runs until SIGINT or
// SIGTERM, then exits 0; if it cannot listen it exits 1.
//
// Twisted: the echoserv.py example of "Writing Servers".
package main
