// Command chat is a chat server in the style of Twisted's chatserver.py. A
// LineReceiver asks each client for a nickname, then sends every line the
// client writes to everyone else in the room; a client that disconnects
// leaves the room and the others are told. It shows a line protocol, state
// shared by the connections of one factory, and ConnectionLost.
//
//	go run ./examples/chat --listen tcp:8000
//	nc 127.0.0.1 8000      (in two or more terminals)
//
// It logs "listening on HOST:PORT" once listening and runs until SIGINT or
// SIGTERM, then exits 0; if it cannot listen it exits 1. `twist chat` is a
// fuller chat service, with commands.
//
// Twisted: the chatserver.py example of "Writing Servers".
package main
