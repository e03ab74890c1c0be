package basic

// Fuzz targets for every receiver family. Each feeds arbitrary input whole,
// byte by byte and cut at random, and checks that the receiver never
// panics, never holds more unframed input between reads than its limit
// allows, and hands out the same frames (and closes, or not, the same way)
// however the input was cut. Seeds: testdata/fuzz/<FuzzName>.
//
// The targets are internal tests so they can read how many bytes each
// receiver holds.

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// fuzzDelimiters are the delimiters the line targets choose from. "aab"
// and "\r\n\r\n" overlap themselves, the hard case for a delimiter cut in
// two by a read.
var fuzzDelimiters = []string{"\r\n", "\n", "\r\n\r\n", "aab", "||"}

// FuzzLineReceiver fuzzes LineReceiver, including raw mode: a line "RAW<n>"
// switches to raw mode for the next n bytes (1..999), then back to lines.
// mode picks the delimiter (mode/2) and whether too-long lines are
// tolerated (mode&1) or close the connection; maxLen 0 is the default
// limit.
func FuzzLineReceiver(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, maxLen, mode uint8, seed int64) {
		delim := []byte(fuzzDelimiters[int(mode/2)%len(fuzzDelimiters)])
		checkCuts(t, data, seed, func() *fuzzRun {
			r := &LineReceiver{Delimiter: delim, MaxLength: int(maxLen)}
			rec := &fuzzRecorder{t: t, maxLen: r.maxLength(), lines: r}
			r.Handler = rec.handler(mode&1 == 1)
			return &fuzzRun{
				proto: r, rec: rec,
				held:  func() int { return len(r.split.buf) + len(r.split.in) },
				limit: r.maxLength() + len(delim),
				err:   r.Err,
			}
		})
	})
}

// FuzzLineOnlyReceiver fuzzes LineOnlyReceiver; the arguments are those
// of FuzzLineReceiver, without raw mode.
func FuzzLineOnlyReceiver(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, maxLen, mode uint8, seed int64) {
		delim := []byte(fuzzDelimiters[int(mode/2)%len(fuzzDelimiters)])
		checkCuts(t, data, seed, func() *fuzzRun {
			r := &LineOnlyReceiver{Delimiter: delim, MaxLength: int(maxLen)}
			lineMax := maxLengthOr(r.MaxLength, DefaultMaxLineLength)
			rec := &fuzzRecorder{t: t, maxLen: lineMax}
			r.Handler = rec.handler(mode&1 == 1)
			return &fuzzRun{
				proto: r, rec: rec,
				held:  func() int { return len(r.split.buf) + len(r.split.in) },
				limit: lineMax + len(delim),
				err:   r.Err,
			}
		})
	})
}

// FuzzNetstringReceiver fuzzes NetstringReceiver; maxLen 0 is the default
// limit.
func FuzzNetstringReceiver(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, maxLen uint8, seed int64) {
		checkCuts(t, data, seed, func() *fuzzRun {
			r := &NetstringReceiver{MaxLength: int(maxLen)}
			rec := &fuzzRecorder{t: t}
			r.Handler = rec
			return &fuzzRun{
				proto: r, rec: rec,
				held:  func() int { return len(r.buf) + len(r.queue) },
				limit: maxLengthOr(r.MaxLength, DefaultMaxStringLength),
				err:   r.Err,
			}
		})
	})
}

// FuzzIntNStringReceiver fuzzes the Int8, Int16 and Int32 string
// receivers: mode%3 picks the prefix size and mode&4 whether too-long
// strings are tolerated or close the connection; maxLen 0 is the default
// limit.
func FuzzIntNStringReceiver(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, maxLen, mode uint8, seed int64) {
		checkCuts(t, data, seed, func() *fuzzRun {
			rec := &fuzzRecorder{t: t}
			h := rec.handler(mode&4 != 0)
			var p interfaces.Protocol
			var fr *intFramer
			var size int
			switch mode % 3 {
			case 0:
				r := &Int8StringReceiver{Handler: h, MaxLength: int(maxLen)}
				p, fr, size = r, &r.f, 1
			case 1:
				r := &Int16StringReceiver{Handler: h, MaxLength: int(maxLen)}
				p, fr, size = r, &r.f, 2
			default:
				r := &Int32StringReceiver{Handler: h, MaxLength: int(maxLen)}
				p, fr, size = r, &r.f, 4
			}
			return &fuzzRun{
				proto: p, rec: rec,
				held:  func() int { return len(fr.buf) + len(fr.pending) },
				limit: size + maxLengthOr(int(maxLen), DefaultMaxStringLength),
				err:   func() error { return fr.err },
			}
		})
	})
}

// fuzzRun is one receiver being fed one cutting of the input.
type fuzzRun struct {
	proto interfaces.Protocol
	rec   *fuzzRecorder
	held  func() int   // unframed input bytes held between reads
	limit int          // the most held may ever return
	err   func() error // the receiver's Err
}

// checkCuts feeds data to fresh receivers from build, whole, byte by byte
// and in three random cuttings derived from seed, and compares each
// outcome with the whole one.
func checkCuts(t *testing.T, data []byte, seed int64, build func() *fuzzRun) {
	t.Helper()
	want := feedAll(t, "whole", build(), [][]byte{data})
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(len(data))))
	cuts := map[string][][]byte{"byte by byte": cutEvery(data, func() int { return 1 })}
	for _, most := range []int{3, 17, len(data)} {
		name := fmt.Sprintf("random pieces of 1..%d", most)
		cuts[name] = cutEvery(data, func() int { return 1 + rng.IntN(max(most, 1)) })
	}
	for name, chunks := range cuts {
		if diff := cmp.Diff(want, feedAll(t, name, build(), chunks)); diff != "" {
			t.Fatalf("%s: outcome differs from the whole input's (-whole +%s):\n%s", name, name, diff)
		}
	}
}

// cutEvery cuts data into pieces whose sizes size returns.
func cutEvery(data []byte, size func() int) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		n := min(size(), len(data))
		out = append(out, data[:n])
		data = data[n:]
	}
	return out
}

// feedAll hands each chunk to the run's receiver as a fresh copy, which is
// scribbled over once DataReceived returns (a receiver keeping the
// caller's memory then delivers corrupted frames), checks the bytes held
// after each, and returns the events and the final state.
func feedAll(t *testing.T, how string, run *fuzzRun, chunks [][]byte) []string {
	t.Helper()
	tr := transporttest.Connect(run.proto, transporttest.NewStringTransport())
	for _, chunk := range chunks {
		read := bytes.Clone(chunk)
		run.proto.DataReceived(read)
		for i := range read {
			read[i] = '#'
		}
		if n := run.held(); n > run.limit {
			t.Fatalf("%s: holding %d bytes of unframed input, limit %d", how, n, run.limit)
		}
	}
	end := fmt.Sprintf("end: disconnecting=%v err=%v", tr.Disconnecting(), run.err())
	if len(run.rec.raw) > 0 {
		end += fmt.Sprintf(" unfinished raw=%q", run.rec.raw)
	}
	return append(run.rec.events, end)
}

// fuzzRecorder is the handler of every target: it records each frame as
// an event, copying it, and drives LineReceiver's raw mode.
type fuzzRecorder struct {
	t       *testing.T
	events  []string
	maxLen  int           // the line receivers' limit
	lines   *LineReceiver // switched to raw mode by "RAW<n>" lines, if set
	rawLeft int           // raw bytes still to come
	raw     []byte        // raw bytes received so far
}

// handler returns rec as a handler that tolerates too-long frames, or one
// whose receiver closes the connection on them.
func (rec *fuzzRecorder) handler(tolerant bool) interface {
	LineHandler
	StringHandler
} {
	if tolerant {
		return tolerantRecorder{rec}
	}
	return rec
}

func (rec *fuzzRecorder) LineReceived(line []byte) {
	if len(line) > rec.maxLen {
		rec.t.Errorf("LineReceived got %d bytes, over MaxLength %d", len(line), rec.maxLen)
	}
	rec.events = append(rec.events, "line:"+string(line))
	if rec.lines == nil || !bytes.HasPrefix(line, []byte("RAW")) {
		return
	}
	if n, err := strconv.Atoi(string(line[3:])); err == nil && n > 0 && n < 1000 {
		rec.rawLeft = n
		rec.lines.SetRawMode()
	}
}

// RawDataReceived collects the announced number of raw bytes, then hands
// the rest back to line mode.
func (rec *fuzzRecorder) RawDataReceived(data []byte) {
	k := min(rec.rawLeft, len(data))
	rec.raw = append(rec.raw, data[:k]...)
	rec.rawLeft -= k
	if rec.rawLeft == 0 {
		rec.events = append(rec.events, "raw:"+string(rec.raw))
		rec.raw = nil
		rec.lines.SetLineMode(data[k:])
	}
}

func (rec *fuzzRecorder) StringReceived(s []byte) {
	rec.events = append(rec.events, "string:"+string(s))
}

// tolerantRecorder is a fuzzRecorder that is told of too-long frames, so
// its receiver keeps the connection.
type tolerantRecorder struct{ *fuzzRecorder }

// LineLengthExceeded records the first MaxLength+1 bytes of the line:
// how much more of it the receiver had seen depends on the reads.
func (rec tolerantRecorder) LineLengthExceeded(line []byte) {
	if len(line) <= rec.maxLen {
		rec.t.Errorf("LineLengthExceeded got %d bytes, not over MaxLength %d", len(line), rec.maxLen)
		return
	}
	rec.events = append(rec.events, "too long:"+string(line[:rec.maxLen+1]))
}

func (rec tolerantRecorder) LengthLimitExceeded(length int) {
	rec.events = append(rec.events, "too long: "+strconv.Itoa(length))
}
