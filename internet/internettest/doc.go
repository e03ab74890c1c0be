// Package internettest helps test code that runs on a reactor: it runs a
// test body once for every reactor the host offers, each time on a fresh
// reactor that is shut down and checked for leaked descriptors afterwards
// (EachReactor); it runs a reactor on a goroutine for the length of a test
// (RunReactor); and it waits for events with a deadline instead of
// sleeping (Await).
//
// It is an ordinary package, not a _test.go file, so tests of any package
// (and users' own tests) can import it. It imports only internet and the
// packages below it.
package internettest
