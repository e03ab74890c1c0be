package main

import (
	"testing"

	"github.com/twistgo/twistgo/examples/internal/reqconn/reqconntest"
)

// FuzzRESP feeds arbitrary input to a connection whole, byte by byte and in
// chunks of a fuzzed size, and checks that it never panics, never buffers
// more than the input limit, and replies and closes the same way however
// the input is split.
func FuzzRESP(f *testing.F) {
	// Seeds: testdata/fuzz/FuzzRESP.
	f.Fuzz(func(t *testing.T, in []byte, size uint8) {
		reqconntest.SameEverySplit(t, in, size, func(chunks [][]byte) (string, bool) { return runChunks(t, chunks) })
	})
}
