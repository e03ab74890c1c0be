// Command deferreds shows Deferreds on a running reactor: each of three
// lookups is a Deferred fired later by a timer; one chain formats its
// result with a callback, one recovers from a failure with an errback, one
// is cut short by a timeout; a List waits for all three, prints their
// outcomes in order and stops the reactor.
//
//	go run ./examples/deferreds
//
// Twisted: the "Deferred Reference" and "Generating Deferreds" howtos.
package main
