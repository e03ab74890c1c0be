package basic_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestIntNStringReceiverFraming(t *testing.T) {
	for _, kind := range intKinds {
		f := func(n int, s string) string { return frame(kind.size, n, s) }
		tests := []struct {
			name      string
			maxLength int
			in        string
			want      []string
		}{
			{name: "strings", in: f(5, "hello") + f(0, "") + f(3, "abc"), want: []string{"string:hello", "string:", "string:abc"}},
			{name: "binary payload", in: f(3, "\x00\x00\x05"), want: []string{"string:\x00\x00\x05"}},
			{name: "unfinished is kept", in: f(2, "ab") + f(4, "ab"), want: []string{"string:ab"}},
			{name: "payload of MaxLength", maxLength: 3, in: f(3, "abc"), want: []string{"string:abc"}},
			{name: "over MaxLength is skipped", maxLength: 3, in: f(1, "a") + f(5, "hello") + f(1, "b"),
				want: []string{"string:a", "too long 5", "string:b"}},
			{name: "prefix over MaxLength arrives alone", maxLength: 3, in: f(4, ""), want: []string{"too long 4"}},
		}
		for _, tc := range tests {
			t.Run(kind.name+"/"+tc.name, func(t *testing.T) {
				checkEveryChunking(t, func() eventer {
					rec := &strRecorder{}
					return recorded{kind.new(tolerantStrRecorder{rec}, tc.maxLength), rec}
				}, tc.in, tc.want)
			})
		}
	}
}

// TestIntNStringReceiverWireBytes checks the framing against bytes written
// out by hand.
func TestIntNStringReceiverWireBytes(t *testing.T) {
	tests := []struct {
		kind int // index in intKinds
		in   string
		want []string
	}{
		{0, "\x05hello\x00\x01!", []string{"string:hello", "string:", "string:!"}},
		{1, "\x00\x05hello\x01\x00" + strings.Repeat("q", 256), []string{"string:hello", "string:" + strings.Repeat("q", 256)}},
		{2, "\x00\x00\x00\x02hi\x00\x00\x00\x00", []string{"string:hi", "string:"}},
	}
	for _, tc := range tests {
		kind := intKinds[tc.kind]
		t.Run(kind.name, func(t *testing.T) {
			checkEveryChunking(t, func() eventer {
				rec := &strRecorder{}
				return recorded{kind.new(rec, 0), rec}
			}, tc.in, tc.want)
		})
	}
}

func TestIntNStringReceiverLengthLimitClosesByDefault(t *testing.T) {
	tests := []struct {
		kind, maxLength int
		in              string
	}{
		{0, 5, "\x05hello\x06hello!"},
		{1, 1000, "\x00\x05hello\x03\xe9xyz\x00\x01a"},                     // 1001
		{2, 0, "\x00\x00\x00\x05hello\x00\x01\x86\xa0xyz\x00\x00\x00\x00"}, // 100000, one over the default
		{2, 0, "\x00\x00\x00\x05hello\xff\xff\xff\xffxyz"},
	}
	for _, tc := range tests {
		kind := intKinds[tc.kind]
		for _, c := range chunkings([]byte(tc.in)) {
			rec := &strRecorder{}
			p := kind.new(rec, tc.maxLength)
			tr := transporttest.Connect(p, transporttest.NewStringTransport())
			feed(p, c.chunks)
			if diff := cmp.Diff([]string{"string:hello"}, rec.list); diff != "" {
				t.Fatalf("%s %s: strings (-want +got):\n%s", kind.name, c.name, diff)
			}
			if !tr.Disconnecting() || !errors.Is(p.Err(), basic.ErrLengthLimitExceeded) {
				t.Fatalf("%s %s: disconnecting %v, Err() = %v", kind.name, c.name, tr.Disconnecting(), p.Err())
			}
		}
	}
}

func TestIntNStringReceiverSendString(t *testing.T) {
	for _, kind := range intKinds {
		t.Run(kind.name, func(t *testing.T) {
			p := kind.new(nil, 0)
			tr := transporttest.Connect(p, transporttest.NewStringTransport())
			if err := p.SendString([]byte("hey")); err != nil {
				t.Fatalf("SendString: %v", err)
			}
			if got, want := string(tr.Value()), frame(kind.size, 3, "hey"); got != want {
				t.Errorf("written %q, want %q", got, want)
			}
			if kind.size > 2 {
				return // a 4 GiB string is not worth allocating
			}
			tr.Clear()
			fits := bytes.Repeat([]byte("f"), 1<<(8*kind.size)-1)
			if err := p.SendString(fits); err != nil || len(tr.Value()) != len(fits)+kind.size {
				t.Errorf("SendString of the largest string: %v, wrote %d bytes", err, len(tr.Value()))
			}
			tr.Clear()
			err := p.SendString(append(fits, 'x'))
			if !errors.Is(err, basic.ErrStringTooLong) || len(tr.Value()) != 0 {
				t.Errorf("SendString of one byte more = %v, wrote %d bytes; want ErrStringTooLong, nothing", err, len(tr.Value()))
			}
		})
	}
}

func TestIntNStringReceiverPause(t *testing.T) {
	for _, kind := range intKinds {
		f := func(s string) string { return frame(kind.size, len(s), s) }
		in := f("a") + f("pause") + f("b") + f("c")
		for _, c := range chunkings([]byte(in)) {
			rec := &strRecorder{}
			p := kind.new(rec, 0)
			rec.onString = func(s []byte) {
				if string(s) == "pause" {
					p.PauseProducing()
				}
			}
			tr := transporttest.Connect(p, transporttest.NewStringTransport())
			feed(p, c.chunks)
			if diff := cmp.Diff([]string{"string:a", "string:pause"}, rec.list); diff != "" || tr.ProducerState() != transporttest.Paused {
				t.Fatalf("%s %s: transport %v, strings while paused (-want +got):\n%s", kind.name, c.name, tr.ProducerState(), diff)
			}
			p.ResumeProducing()
			want := []string{"string:a", "string:pause", "string:b", "string:c"}
			if diff := cmp.Diff(want, rec.list); diff != "" || tr.ProducerState() != transporttest.Producing {
				t.Fatalf("%s %s: transport %v, strings after resume (-want +got):\n%s", kind.name, c.name, tr.ProducerState(), diff)
			}
			p.StopProducing()
			p.DataReceived([]byte(f("d")))
			if len(rec.list) != 4 || tr.ProducerState() != transporttest.Stopped {
				t.Fatalf("%s %s: after StopProducing: %v, transport %v", kind.name, c.name, rec.list, tr.ProducerState())
			}
		}
	}
}

func TestIntNStringReceiverStopsWhenDisconnecting(t *testing.T) {
	for _, kind := range intKinds {
		f := func(s string) string { return frame(kind.size, len(s), s) }
		in := f("a") + f("quit") + f("b")
		for _, c := range chunkings([]byte(in)) {
			rec := &strRecorder{}
			p := kind.new(rec, 0)
			tr := transporttest.Connect(p, transporttest.NewStringTransport())
			rec.onString = func(s []byte) {
				if string(s) == "quit" {
					tr.LoseConnection()
				}
			}
			feed(p, c.chunks)
			if diff := cmp.Diff([]string{"string:a", "string:quit"}, rec.list); diff != "" {
				t.Fatalf("%s %s: strings (-want +got):\n%s", kind.name, c.name, diff)
			}
		}
	}
}

func TestIntNStringReceiverReentrant(t *testing.T) {
	for _, kind := range intKinds {
		f := func(s string) string { return frame(kind.size, len(s), s) }
		rec := &strRecorder{}
		p := kind.new(rec, 0)
		rec.onString = func(s []byte) {
			if string(s) == "inject" {
				p.DataReceived([]byte(f("injected")))
			}
		}
		transporttest.Connect(p, transporttest.NewStringTransport())
		p.DataReceived([]byte(f("inject") + f("next")))
		want := []string{"string:inject", "string:next", "string:injected"}
		if diff := cmp.Diff(want, rec.list); diff != "" {
			t.Errorf("%s: strings (-want +got):\n%s", kind.name, diff)
		}
	}
}

func TestIntNStringReceiverBoundsItsBuffer(t *testing.T) {
	rec := &strRecorder{}
	p := &basic.Int32StringReceiver{Handler: tolerantStrRecorder{rec}, MaxLength: 1000}
	transporttest.Connect(p, transporttest.NewStringTransport())

	// A refused payload is skipped, never held.
	p.DataReceived([]byte(frame(4, 1000*4096, "")))
	chunk := bytes.Repeat([]byte("y"), 4096)
	for range 1000 {
		p.DataReceived(chunk)
		if n := basic.IntBuffered(p); n != 0 {
			t.Fatalf("holding %d bytes of a refused payload", n)
		}
	}
	// An accepted one is held up to its prefix and MaxLength.
	for _, b := range []byte(frame(4, 1000, strings.Repeat("k", 1000))) {
		p.DataReceived([]byte{b})
		if n := basic.IntBuffered(p); n > 1004 {
			t.Fatalf("holding %d bytes, want at most 1004", n)
		}
	}
	want := []string{fmt.Sprintf("too long %d", 1000*4096), "string:" + strings.Repeat("k", 1000)}
	if diff := cmp.Diff(want, rec.list); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestIntNStringReceiverWithoutAllocating(t *testing.T) {
	p := &basic.Int16StringReceiver{Handler: &discardStrings{}}
	transporttest.Connect(p, transporttest.NewStringTransport())
	data := []byte(strings.Repeat(frame(2, 5, "hello"), 100) + frame(2, 5, "he"))
	end := []byte("llo")
	allocs := testing.AllocsPerRun(100, func() {
		p.DataReceived(data)
		p.DataReceived(end)
	})
	if allocs != 0 {
		t.Errorf("allocations per run = %v, want 0", allocs)
	}
}
