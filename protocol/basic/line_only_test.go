package basic_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// lineOnlyProto records lines; onLine adds behaviour.
type lineOnlyProto struct {
	basic.LineOnlyReceiver
	events
	onLine func(p *lineOnlyProto, line []byte)
}

func (p *lineOnlyProto) LineReceived(line []byte) {
	p.add("line:" + string(line))
	if p.onLine != nil {
		p.onLine(p, line)
	}
}

type tolerantLineOnlyProto struct{ *lineOnlyProto }

func (p tolerantLineOnlyProto) LineLengthExceeded(line []byte) { p.add("too long") }

func newLineOnly(configure func(*lineOnlyProto), tolerant bool) func() eventer {
	return func() eventer {
		p := &lineOnlyProto{}
		p.Handler = p
		if tolerant {
			p.Handler = tolerantLineOnlyProto{p}
		}
		if configure != nil {
			configure(p)
		}
		return p
	}
}

func TestLineOnlyReceiverFraming(t *testing.T) {
	tests := []struct {
		name      string
		delimiter string
		maxLength int
		in        string
		want      []string
	}{
		{name: "lines", in: "hello\r\nworld\r\nrest", want: []string{"line:hello", "line:world"}},
		{name: "empty lines", in: "\r\n\r\n", want: []string{"line:", "line:"}},
		{name: "custom delimiter", delimiter: "||", in: "a|b||c||", want: []string{"line:a|b", "line:c"}},
		{name: "line of MaxLength", maxLength: 3, in: "abc\r\nd\r\n", want: []string{"line:abc", "line:d"}},
		{name: "MaxLength and a partial delimiter are kept", maxLength: 3, in: "abc\r", want: nil},
		{name: "MaxLength+1 unterminated is too long", maxLength: 3, in: "abcd", want: []string{"too long"}},
		{name: "too-long line is skipped", maxLength: 3, in: "abcdefg\r\nok\r\n", want: []string{"too long", "line:ok"}},
		{name: "too long after a partial delimiter", maxLength: 3, in: "abc\rd\r\nok\r\n", want: []string{"too long", "line:ok"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkEveryChunking(t, newLineOnly(func(p *lineOnlyProto) {
				p.Delimiter, p.MaxLength = []byte(tc.delimiter), tc.maxLength
			}, true), tc.in, tc.want)
		})
	}
}

// TestLineOnlyReceiverIsStricter checks the default limit: 16385
// unterminated bytes already close the connection, where LineReceiver
// waits for 16386.
func TestLineOnlyReceiverIsStricter(t *testing.T) {
	x := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name  string
		in    string
		lines int
		lost  bool
	}{
		{"16384 bytes and CR are kept", x(16384) + "\r", 0, false},
		{"16385 bytes without delimiter are too long", x(16385), 0, true},
		{"a complete 16384-byte line is delivered", x(16384) + "\r\n", 1, false},
		{"a 16385-byte line is too long", "a\r\n" + x(16385) + "\r\n", 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range chunkings([]byte(tc.in), 16384) {
				p := newLineOnly(nil, false)().(*lineOnlyProto)
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

func TestLineOnlyReceiverStopsWhenDisconnecting(t *testing.T) {
	newP := newLineOnly(func(p *lineOnlyProto) {
		p.onLine = func(p *lineOnlyProto, line []byte) {
			if string(line) == "quit" {
				p.Transport.LoseConnection()
			}
		}
	}, false)
	checkEveryChunking(t, newP, "a\r\nquit\r\nb\r\n", []string{"line:a", "line:quit"})
}

func TestLineOnlyReceiverReentrantAndSend(t *testing.T) {
	p := newLineOnly(func(p *lineOnlyProto) {
		p.Delimiter = []byte("\n")
		p.onLine = func(p *lineOnlyProto, line []byte) {
			p.SendLine(line)
			if string(line) == "inject" {
				p.DataReceived([]byte("injected\n"))
			}
		}
	}, false)().(*lineOnlyProto)
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	p.DataReceived([]byte("inject\nnext\n"))
	want := []string{"line:inject", "line:next", "line:injected"}
	if diff := cmp.Diff(want, p.list); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if got, want := string(tr.Value()), "inject\nnext\ninjected\n"; got != want {
		t.Errorf("written %q, want %q", got, want)
	}
}
