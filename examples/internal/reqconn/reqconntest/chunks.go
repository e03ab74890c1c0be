// Splitting input into reads, and checking that a connection answers
// every split the same.

package reqconntest

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Bytes splits b into one-byte chunks.
func Bytes(b []byte) [][]byte {
	out := make([][]byte, len(b))
	for i := range b {
		out[i] = b[i : i+1]
	}
	return out
}

// Chunks splits b into chunks of n bytes, the last maybe shorter.
func Chunks(b []byte, n int) [][]byte {
	var out [][]byte
	for len(b) > n {
		out = append(out, b[:n])
		b = b[n:]
	}
	return append(out, b)
}

// EveryChunking calls check with in whole, byte by byte, and split in two
// at every offset, each time with a name for the split.
func EveryChunking(in []byte, check func(how string, chunks [][]byte)) {
	check("whole", [][]byte{in})
	check("byte by byte", Bytes(in))
	for i := 1; i < len(in); i++ {
		check("split at "+strconv.Itoa(i), [][]byte{in[:i], in[i:]})
	}
}

// AnswersEveryChunking fails t unless run, fed in whole, byte by byte
// and split in two at every offset (see EveryChunking), answers want and
// closes exactly when closed says. run returns what a new connection
// answered to the chunks and whether it closed.
func AnswersEveryChunking(t *testing.T, in []byte, want string, closed bool, run func(chunks [][]byte) (out string, closed bool)) {
	t.Helper()
	EveryChunking(in, func(how string, chunks [][]byte) {
		t.Helper()
		got, gotClosed := run(chunks)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: answer (-want +got):\n%s", how, diff)
		}
		if gotClosed != closed {
			t.Errorf("%s: closed = %v, want %v", how, gotClosed, closed)
		}
	})
}

// SameEverySplit is the body of a fuzz test: it feeds in to run whole,
// byte by byte and in chunks of size+1, and fails t unless every split
// gives the same output and the same close. run returns what a new
// connection answered to the chunks and whether it closed.
func SameEverySplit(t *testing.T, in []byte, size uint8, run func(chunks [][]byte) (out string, closed bool)) {
	t.Helper()
	wantOut, wantClosed := run([][]byte{in})
	check := func(how string, chunks [][]byte) {
		t.Helper()
		out, closed := run(chunks)
		if out != wantOut || closed != wantClosed {
			t.Fatalf("%s: output %q closed %v; whole: %q closed %v", how, out, closed, wantOut, wantClosed)
		}
	}
	check("byte by byte", Bytes(in))
	check("chunks of "+strconv.Itoa(int(size)+1), Chunks(in, int(size)+1))
}
