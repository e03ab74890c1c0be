package main

import (
	"testing"

	"github.com/twistgo/twistgo/examples/internal/reqconn/reqconntest"
)

// FuzzHTTPRequest feeds arbitrary input to a connection whole, byte by byte
// and in chunks of a fuzzed size, and checks that it never panics, never
// buffers more than the head limit, and answers and closes the same way
// however the input is split.
func FuzzHTTPRequest(f *testing.F) {
	// Seeds: testdata/fuzz/FuzzHTTPRequest.
	f.Fuzz(func(t *testing.T, in []byte, size uint8) {
		reqconntest.SameEverySplit(t, in, size, func(chunks [][]byte) (string, bool) { return runChunks(t, chunks) })
	})
}
