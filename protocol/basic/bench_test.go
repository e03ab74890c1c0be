package basic_test

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// countLines counts what it is handed.
type countLines struct{ n int }

func (c *countLines) LineReceived([]byte) { c.n++ }

type countStrings struct{ n int }

func (c *countStrings) StringReceived([]byte) { c.n++ }

// benchInput is 64 KiB of 62-byte lines and CRLF, cut into reads of size
// read (the last read may be shorter).
func benchInput(read int) (reads [][]byte, lines int, total int) {
	line := strings.Repeat("x", 62) + "\r\n"
	data := []byte(strings.Repeat(line, (64<<10)/len(line)))
	for off := 0; off < len(data); off += read {
		reads = append(reads, data[off:min(off+read, len(data))])
	}
	return reads, len(data) / len(line), len(data)
}

// BenchmarkLineReceiver splits 64 KiB of 64-byte lines delivered in reads
// of various sizes; stdlib is bufio.Scanner over the same bytes.
func BenchmarkLineReceiver(b *testing.B) {
	for _, read := range []int{64 << 10, 1000, 7} {
		reads, lines, total := benchInput(read)
		b.Run("twistgo/read="+itoa(read), func(b *testing.B) {
			h := &countLines{}
			p := &basic.LineReceiver{Handler: h}
			transporttest.Connect(p, transporttest.NewStringTransport())
			b.SetBytes(int64(total))
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range reads {
					p.DataReceived(r)
				}
			}
			if h.n%lines != 0 || h.n == 0 {
				b.Fatalf("%d lines, want a multiple of %d", h.n, lines)
			}
		})
	}
	reads, lines, total := benchInput(64 << 10)
	b.Run("stdlib/read=65536", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		for b.Loop() {
			s := bufio.NewScanner(bytes.NewReader(reads[0]))
			n := 0
			for s.Scan() {
				n++
			}
			if n != lines {
				b.Fatalf("%d lines, want %d", n, lines)
			}
		}
	})
}

// BenchmarkStringReceivers frames 64 KiB of 64-byte strings in one read.
func BenchmarkStringReceivers(b *testing.B) {
	payload := strings.Repeat("y", 64)
	tests := []struct {
		name  string
		frame string
		new   func(h basic.StringHandler) interface{ DataReceived([]byte) }
	}{
		{"netstring", "64:" + payload + ",", func(h basic.StringHandler) interface{ DataReceived([]byte) } {
			p := &basic.NetstringReceiver{Handler: h}
			transporttest.Connect(p, transporttest.NewStringTransport())
			return p
		}},
		{"int32", "\x00\x00\x00\x40" + payload, func(h basic.StringHandler) interface{ DataReceived([]byte) } {
			p := &basic.Int32StringReceiver{Handler: h}
			transporttest.Connect(p, transporttest.NewStringTransport())
			return p
		}},
	}
	for _, tc := range tests {
		b.Run(tc.name, func(b *testing.B) {
			count := (64 << 10) / len(tc.frame)
			data := []byte(strings.Repeat(tc.frame, count))
			h := &countStrings{}
			p := tc.new(h)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				p.DataReceived(data)
			}
			if h.n%count != 0 || h.n == 0 {
				b.Fatalf("%d strings, want a multiple of %d", h.n, count)
			}
		})
	}
}

func itoa(n int) string {
	if n >= 1<<10 && n%(1<<10) == 0 {
		return strings.TrimSuffix(itoa(n>>10), "") + "KiB"
	}
	b := []byte{}
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}
