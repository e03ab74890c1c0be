package main

import (
	"strconv"
	"testing"
)

// FuzzHTTPRequest feeds arbitrary input to a connection whole, byte by byte
// and in chunks of a fuzzed size, and checks that it never panics, never
// buffers more than the head limit, and answers and closes the same way
// however the input is split.
func FuzzHTTPRequest(f *testing.F) {
	// Seeds: testdata/fuzz/FuzzHTTPRequest.
	f.Fuzz(func(t *testing.T, in []byte, size uint8) {
		wantOut, wantClosed := runChunks(t, [][]byte{in})
		check := func(how string, chunks [][]byte) {
			out, closed := runChunks(t, chunks)
			if out != wantOut || closed != wantClosed {
				t.Fatalf("%s: responses %q closed %v; whole: %q closed %v", how, out, closed, wantOut, wantClosed)
			}
		}
		check("byte by byte", bytesOf(in))
		check("chunks of "+strconv.Itoa(int(size)+1), chunksOf(in, int(size)+1))
	})
}

// chunksOf splits b into chunks of n bytes, the last maybe shorter.
func chunksOf(b []byte, n int) [][]byte {
	var out [][]byte
	for len(b) > n {
		out = append(out, b[:n])
		b = b[n:]
	}
	return append(out, b)
}
