// Command echoclient talks to an echo server: it sends each of its
// arguments as a line (or a few lines of its own), prints each echo as it
// arrives, and stops the reactor once every line came back. It shows a
// client endpoint made from a --connect string, a LineReceiver that splits
// the replies, and a client that stops the reactor when it is done.
//
//	go run ./examples/echoclient --connect tcp:127.0.0.1:8000 hello world
//
// It exits 0 once all echoes came back, and 1 with a one-line message if
// the connection fails or ends early.
//
// Twisted: the echoclient.py example of "Writing Clients".
package main
