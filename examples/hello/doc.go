// Command hello is a server that greets each client with "hello" and hangs
// up. It shows ConnectionMade writing at once, and LoseConnection closing
// only after the buffered greeting has been sent.
//
//	go run ./examples/hello --listen tcp:8000
//
// It logs "listening on HOST:PORT" once listening and runs until SIGINT or
// SIGTERM, then exits 0; if it cannot listen it exits 1.
//
// Twisted: the QOTD example of "Writing Servers".
package main
