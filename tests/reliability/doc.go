// Package reliability holds end-to-end tests of how Twistgo behaves when
// peers misbehave, resources run out and user code panics: each fault of
// docs/RELIABILITY.md is provoked over loopback sockets on every reactor
// the host offers, through the public API only.
//
// The tests are in _test.go files; this file only names the package.
package reliability
