// Package e2e runs Twistgo programs as real processes for end-to-end tests.
//
// A test builds a main package once ([Build]), starts it ([Start]), reads
// the real port from the "listening on HOST:PORT" line every Twistgo server
// logs ([Proc.Addr]), talks to it over loopback, and stops it with SIGTERM
// ([Proc.Stop]), checking the exit code. Every wait has a deadline
// ([Timeout]); nothing sleeps.
//
// It is an ordinary package, not a _test.go file, so the tests of
// cmd/twist, of every example and of tests/ share it. It imports only the
// standard library.
package e2e
