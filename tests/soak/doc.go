// Package soak holds Twistgo's soak test: an echo server on each reactor
// churns a large number of short connections while long ones stream, and
// afterwards every byte must have come back and the process must hold no
// more descriptors, goroutines or heap than before.
//
// The test is in _test.go files; this file only names the package. Run it
// longer with flags, for example
//
//	go test ./tests/soak -soak.duration=10m -soak.conns=2000000 -timeout=0
package soak
