package basic_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// lineProto records lines and raw data; onLine and onRaw add behaviour.
type lineProto struct {
	basic.LineReceiver
	events
	onLine func(p *lineProto, line []byte)
	onRaw  func(p *lineProto, data []byte)
}

func newLineProto() *lineProto {
	p := &lineProto{}
	p.Handler = p
	return p
}

func (p *lineProto) LineReceived(line []byte) {
	p.add("line:" + string(line))
	if p.onLine != nil {
		p.onLine(p, line)
	}
}

func (p *lineProto) RawDataReceived(data []byte) {
	if p.onRaw != nil {
		p.onRaw(p, data)
		return
	}
	p.raw(data)
}

// tolerantLineProto also handles too-long lines, keeping the connection.
type tolerantLineProto struct{ *lineProto }

func (p tolerantLineProto) LineLengthExceeded(line []byte) { p.add("too long") }

func newTolerant(configure func(*lineProto)) func() eventer {
	return func() eventer {
		p := newLineProto()
		if configure != nil {
			configure(p)
		}
		p.Handler = tolerantLineProto{p}
		return p
	}
}

func withLineProto(configure func(*lineProto)) func() eventer {
	return func() eventer {
		p := newLineProto()
		configure(p)
		return p
	}
}

func TestLineReceiverFraming(t *testing.T) {
	x := strings.Repeat
	tests := []struct {
		name      string
		delimiter string
		maxLength int
		in        string
		want      []string
	}{
		{name: "lines", in: "hello\r\nworld\r\n", want: []string{"line:hello", "line:world"}},
		{name: "empty lines", in: "\r\n\r\na\r\n", want: []string{"line:", "line:", "line:a"}},
		{name: "unfinished tail is kept", in: "a\r\nb", want: []string{"line:a"}},
		{name: "lone CR and LF are data", in: "a\rb\nc\r\n", want: []string{"line:a\rb\nc"}},
		{name: "one-byte delimiter", delimiter: "\n", in: "a\nb\r\n", want: []string{"line:a", "line:b\r"}},
		{name: "long delimiter", delimiter: "<END>", in: "a<EN<END>b<END><END", want: []string{"line:a<EN", "line:b"}},
		{name: "self-overlapping delimiter", delimiter: "aab", in: "xaaab1aab", want: []string{"line:xa", "line:1"}},
		{name: "binary delimiter", delimiter: "\x00", in: "\x01\x00\x00", want: []string{"line:\x01", "line:"}},
		{name: "line of MaxLength", maxLength: 4, in: "abcd\r\nz\r\n", want: []string{"line:abcd", "line:z"}},
		{name: "line over MaxLength is skipped", maxLength: 4, in: "ok\r\nabcde\r\nz\r\n",
			want: []string{"line:ok", "too long", "line:z"}},
		{name: "very long line is skipped", maxLength: 4, in: x("q", 50) + "\r\nz\r\n",
			want: []string{"too long", "line:z"}},
		{name: "delimiter right after the limit", maxLength: 4, in: "abcde\rz\r\n\r\n",
			want: []string{"too long", "line:"}},
		{name: "too long twice", maxLength: 2, in: "abc\r\nd\r\nefgh\r\ni\r\n",
			want: []string{"too long", "line:d", "too long", "line:i"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkEveryChunking(t, newTolerant(func(p *lineProto) {
				p.Delimiter, p.MaxLength = []byte(tc.delimiter), tc.maxLength
			}), tc.in, tc.want)
		})
	}
}

// TestLineReceiverMaxLengthBoundaries checks Twisted's verified boundaries
// of the default limit, with the default reaction: closing the connection.
func TestLineReceiverMaxLengthBoundaries(t *testing.T) {
	x := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name  string
		in    string
		lines int
		lost  bool
	}{
		{"16384 bytes and CR are kept", x(16384) + "\r", 0, false},
		{"16385 bytes without delimiter are kept", x(16385), 0, false},
		{"16386 bytes without delimiter are too long", x(16386), 0, true},
		{"a complete 16384-byte line is delivered", x(16384) + "\r\n", 1, false},
		{"a 16385-byte line is too long", x(16385) + "\r\n", 0, true},
		{"lines before a too-long one are delivered", "a\r\nb\r\n" + x(16386) + "\r\nc\r\n", 2, true},
		{"lines around a 16384-byte line are delivered", "a\r\n" + x(16384) + "\r\nc\r\n", 3, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range chunkings([]byte(tc.in), 16384) {
				p := newLineProto()
				tr := transporttest.Connect(p, transporttest.NewStringTransport())
				feed(p, c.chunks)
				if len(p.list) != tc.lines || tr.Disconnecting() != tc.lost {
					t.Fatalf("%s: %d lines, disconnecting %v; want %d, %v", c.name, len(p.list), tr.Disconnecting(), tc.lines, tc.lost)
				}
				if got := p.Err(); tc.lost != errors.Is(got, basic.ErrLineTooLong) {
					t.Fatalf("%s: Err() = %v", c.name, got)
				}
			}
		})
	}
}

// bodyReader reads "LEN n" lines, then n raw bytes as a body, then returns
// to line mode with the rest of the raw data.
func bodyReader(p *lineProto) {
	var remaining int
	var body []byte
	p.onLine = func(p *lineProto, line []byte) {
		if n, ok := strings.CutPrefix(string(line), "LEN "); ok {
			remaining, _ = strconv.Atoi(n)
			body = body[:0]
			p.SetRawMode()
		}
	}
	p.onRaw = func(p *lineProto, data []byte) {
		n := min(remaining, len(data))
		body = append(body, data[:n]...)
		remaining -= n
		if remaining == 0 {
			p.add("body:" + string(body))
			p.SetLineMode(data[n:])
		}
	}
}

func TestLineReceiverRawMode(t *testing.T) {
	tests := []struct {
		name      string
		configure func(*lineProto)
		in        string
		want      []string
	}{
		{
			name: "raw for the rest of the buffer",
			configure: func(p *lineProto) {
				p.onLine = func(p *lineProto, line []byte) {
					if string(line) == "RAW" {
						p.SetRawMode()
					}
				}
			},
			in:   "a\r\nRAW\r\nxyz\r\nmore",
			want: []string{"line:a", "line:RAW", "raw:xyz\r\nmore"},
		},
		{
			name:      "raw body then lines again",
			configure: bodyReader,
			in:        "hi\r\nLEN 5\r\nhelloworld\r\nLEN 0\r\nLEN 3\r\n\r\n\r\r\nend\r\n",
			want: []string{"line:hi", "line:LEN 5", "body:hello", "line:world", "line:LEN 0", "body:",
				"line:LEN 3", "body:\r\n\r", "line:", "line:end"},
		},
		{
			name:      "line mode resumes inside a split delimiter",
			configure: bodyReader,
			in:        "LEN 2\r\nab\r\n",
			want:      []string{"line:LEN 2", "body:ab", "line:"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkEveryChunking(t, withLineProto(tc.configure), tc.in, tc.want)
		})
	}
}

func TestLineReceiverSetLineModeOutsideCallback(t *testing.T) {
	p := newLineProto()
	transporttest.Connect(p, transporttest.NewStringTransport())
	p.SetRawMode()
	p.DataReceived([]byte("abc"))
	p.SetLineMode([]byte("l1\r\nl2"))
	p.DataReceived([]byte("\r\n"))
	want := []string{"raw:abc", "line:l1", "line:l2"}
	if diff := cmp.Diff(want, p.list); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestLineReceiverPause(t *testing.T) {
	newP := withLineProto(func(p *lineProto) {
		p.onLine = func(p *lineProto, line []byte) {
			if string(line) == "pause" {
				p.PauseProducing()
			}
		}
	})
	in := "a\r\npause\r\nb\r\nc\r\nd"
	for _, c := range chunkings([]byte(in)) {
		p := newP().(*lineProto)
		tr := transporttest.Connect(p, transporttest.NewStringTransport())
		feed(p, c.chunks)
		if diff := cmp.Diff([]string{"line:a", "line:pause"}, p.list); diff != "" {
			t.Fatalf("%s: events while paused (-want +got):\n%s", c.name, diff)
		}
		if tr.ProducerState() != transporttest.Paused {
			t.Fatalf("%s: transport %v, want paused", c.name, tr.ProducerState())
		}
		p.ResumeProducing()
		p.DataReceived([]byte("\r\n"))
		want := []string{"line:a", "line:pause", "line:b", "line:c", "line:d"}
		if diff := cmp.Diff(want, p.list); diff != "" || tr.ProducerState() != transporttest.Producing {
			t.Fatalf("%s: after resume, transport %v, events (-want +got):\n%s", c.name, tr.ProducerState(), diff)
		}
	}
}

func TestLineReceiverStopProducing(t *testing.T) {
	p := newLineProto()
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	p.DataReceived([]byte("a"))
	p.StopProducing()
	p.DataReceived([]byte("\r\nb\r\n"))
	if len(p.list) != 0 || tr.ProducerState() != transporttest.Stopped {
		t.Errorf("events %v, transport %v; want none, stopped", p.list, tr.ProducerState())
	}
}

func TestLineReceiverStopsWhenDisconnecting(t *testing.T) {
	newP := withLineProto(func(p *lineProto) {
		p.onLine = func(p *lineProto, line []byte) {
			if string(line) == "quit" {
				p.Transport.LoseConnection()
			}
		}
	})
	checkEveryChunking(t, newP, "a\r\nquit\r\nb\r\nc\r\n", []string{"line:a", "line:quit"})
}

func TestLineReceiverClearLineBuffer(t *testing.T) {
	var cleared []byte
	p := newLineProto()
	p.onLine = func(p *lineProto, line []byte) { cleared = p.ClearLineBuffer() }
	transporttest.Connect(p, transporttest.NewStringTransport())
	p.DataReceived([]byte("a\r\nb\r\nc"))
	if diff := cmp.Diff([]string{"line:a"}, p.list); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if string(cleared) != "b\r\nc" {
		t.Errorf("ClearLineBuffer = %q, want %q", cleared, "b\r\nc")
	}
	p.onLine = nil
	p.DataReceived([]byte("d\r\n"))
	if got := p.list[len(p.list)-1]; got != "line:d" {
		t.Errorf("line after clearing = %q, want %q", got, "line:d")
	}
}

func TestLineReceiverReentrantDataReceived(t *testing.T) {
	p := newLineProto()
	p.onLine = func(p *lineProto, line []byte) {
		if string(line) == "inject" {
			p.DataReceived([]byte("injected\r\n"))
		}
	}
	transporttest.Connect(p, transporttest.NewStringTransport())
	p.DataReceived([]byte("inject\r\nnext\r\n"))
	want := []string{"line:inject", "line:next", "line:injected"}
	if diff := cmp.Diff(want, p.list); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestLineReceiverSendLine(t *testing.T) {
	tests := []struct{ delimiter, want string }{{"", "hi\r\n"}, {"\n", "hi\n"}}
	for _, tc := range tests {
		p := &basic.LineReceiver{Delimiter: []byte(tc.delimiter)}
		tr := transporttest.Connect(p, transporttest.NewStringTransport())
		p.SendLine([]byte("hi"))
		if got := string(tr.Value()); got != tc.want {
			t.Errorf("SendLine with delimiter %q wrote %q, want %q", tc.delimiter, got, tc.want)
		}
	}
}

func TestLineReceiverWithoutHandler(t *testing.T) {
	p := &basic.LineReceiver{MaxLength: 2}
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	p.DataReceived([]byte("ab\r\n"))
	p.SetRawMode()
	p.DataReceived([]byte("raw"))
	p.SetLineMode(nil)
	p.DataReceived([]byte("toolong\r\n"))
	if !tr.Disconnecting() {
		t.Error("a too-long line without a handler did not close the connection")
	}
}

// TestLineReceiverBoundsItsBuffer feeds megabytes without a delimiter to a
// receiver that keeps the connection, and checks what it holds.
func TestLineReceiverBoundsItsBuffer(t *testing.T) {
	p := newTolerant(func(p *lineProto) { p.MaxLength = 1000 })().(*lineProto)
	transporttest.Connect(p, transporttest.NewStringTransport())
	chunk := bytes.Repeat([]byte("y"), 777)
	for range 4000 {
		p.DataReceived(chunk)
		// Twisted's limit: no delimiter within MaxLength+len(Delimiter).
		if n, capacity := basic.LineBuffered(&p.LineReceiver); n >= 1002 || capacity > 4096 {
			t.Fatalf("holding %d bytes in %d, want under 1002 in at most 4096", n, capacity)
		}
	}
	p.DataReceived([]byte("\r\nok\r\n"))
	if diff := cmp.Diff([]string{"too long", "line:ok"}, p.list); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestLineReceiverDeliversInPlaceWithoutAllocating(t *testing.T) {
	p := &basic.LineReceiver{Handler: discardLines{}}
	transporttest.Connect(p, transporttest.NewStringTransport())
	data := []byte(strings.Repeat("a line of text\r\n", 100) + "partial")
	end := []byte(" line\r\n")
	allocs := testing.AllocsPerRun(100, func() {
		p.DataReceived(data)
		p.DataReceived(end)
	})
	if allocs != 0 {
		t.Errorf("allocations per run = %v, want 0", allocs)
	}
}

type discardLines struct{}

func (discardLines) LineReceived([]byte) {}
