package basic_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func newNetstring(maxLength int, onString func(p *basic.NetstringReceiver, s []byte)) func() eventer {
	return func() eventer {
		rec := &strRecorder{}
		p := &basic.NetstringReceiver{Handler: rec, MaxLength: maxLength}
		if onString != nil {
			rec.onString = func(s []byte) { onString(p, s) }
		}
		return recorded{p, rec}
	}
}

func TestNetstringReceiverValid(t *testing.T) {
	tests := []struct {
		name      string
		maxLength int
		in        string
		want      []string
	}{
		{name: "one", in: "5:hello,", want: []string{"string:hello"}},
		{name: "empty", in: "0:,0:,", want: []string{"string:", "string:"}},
		{name: "several", in: "3:abc,12:hello world!,1:x,", want: []string{"string:abc", "string:hello world!", "string:x"}},
		{name: "separators in the payload", in: "5:1:a,,,2:\x00\xff,", want: []string{"string:1:a,,", "string:\x00\xff"}},
		{name: "unfinished is kept", in: "3:abc,4:ab", want: []string{"string:abc"}},
		{name: "payload of MaxLength", maxLength: 5, in: "5:hello,", want: []string{"string:hello"}},
		{name: "default MaxLength", in: "99999:" + strings.Repeat("z", 99999) + ",",
			want: []string{"string:" + strings.Repeat("z", 99999)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range chunkings([]byte(tc.in)) {
				p := newNetstring(tc.maxLength, nil)().(recorded)
				tr := transporttest.Connect(p, transporttest.NewStringTransport())
				feed(p, c.chunks)
				if diff := cmp.Diff(tc.want, p.Events()); diff != "" {
					t.Fatalf("%s: strings (-want +got):\n%s", c.name, diff)
				}
				if p.Err() != nil || tr.Disconnecting() {
					t.Fatalf("%s: Err() = %v, disconnecting %v", c.name, p.Err(), tr.Disconnecting())
				}
			}
		})
	}
}

func TestNetstringReceiverMalformed(t *testing.T) {
	tests := []struct {
		name      string
		maxLength int
		in        string
		want      []string
		tooLong   bool
	}{
		{name: "leading zero", in: "01:a,", want: nil},
		{name: "leading zeros", in: "2:ab,00:,", want: []string{"string:ab"}},
		{name: "no length", in: ":a,", want: nil},
		{name: "not a digit", in: "3a:abc,", want: nil},
		{name: "sign", in: "-1:a,", want: nil},
		{name: "space", in: " 1:a,", want: nil},
		{name: "missing comma", in: "3:abc;3:def,", want: nil},
		{name: "payload longer than its length", in: "1:ab,", want: nil},
		{name: "good strings before", in: "1:a,1:b,xyz1:c,", want: []string{"string:a", "string:b"}},
		{name: "length over MaxLength", maxLength: 5, in: "6:abcdef,", tooLong: true},
		{name: "length over the default", in: "100000:", tooLong: true},
		{name: "too many digits", in: "1234567", tooLong: true},
		{name: "huge length does not overflow", maxLength: 1 << 62, in: "99999999999999999999999:", tooLong: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, c := range chunkings([]byte(tc.in)) {
				p := newNetstring(tc.maxLength, nil)().(recorded)
				tr := transporttest.Connect(p, transporttest.NewStringTransport())
				feed(p, c.chunks)
				feed(p, [][]byte{[]byte("1:z,")}) // ignored once broken
				if diff := cmp.Diff(tc.want, p.Events()); diff != "" {
					t.Fatalf("%s: strings (-want +got):\n%s", c.name, diff)
				}
				err := p.Err()
				if !errors.Is(err, basic.ErrMalformedNetstring) || errors.Is(err, basic.ErrLengthLimitExceeded) != tc.tooLong {
					t.Fatalf("%s: Err() = %v, want ErrMalformedNetstring (and length limit: %v)", c.name, err, tc.tooLong)
				}
				if !tr.Disconnecting() {
					t.Fatalf("%s: connection not closed", c.name)
				}
			}
		})
	}
}

func TestNetstringReceiverStopsWhenDisconnecting(t *testing.T) {
	newP := newNetstring(0, func(p *basic.NetstringReceiver, s []byte) {
		if string(s) == "quit" {
			p.Transport.LoseConnection()
		}
	})
	checkEveryChunking(t, newP, "1:a,4:quit,1:b,", []string{"string:a", "string:quit"})
}

func TestNetstringReceiverReentrant(t *testing.T) {
	rec := &strRecorder{}
	p := &basic.NetstringReceiver{Handler: rec}
	rec.onString = func(s []byte) {
		if string(s) == "inject" {
			p.DataReceived([]byte("8:injected,"))
		}
	}
	transporttest.Connect(p, transporttest.NewStringTransport())
	p.DataReceived([]byte("6:inject,4:next,"))
	want := []string{"string:inject", "string:next", "string:injected"}
	if diff := cmp.Diff(want, rec.list); diff != "" {
		t.Errorf("strings (-want +got):\n%s", diff)
	}
}

func TestNetstringReceiverSendString(t *testing.T) {
	p := &basic.NetstringReceiver{}
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	p.SendString([]byte("hello"))
	p.SendString(nil)
	p.SendString([]byte(strings.Repeat("a", 12)))
	if got, want := string(tr.Value()), "5:hello,0:,12:aaaaaaaaaaaa,"; got != want {
		t.Errorf("written %q, want %q", got, want)
	}
}

func TestNetstringReceiverWithoutAllocating(t *testing.T) {
	p := &basic.NetstringReceiver{Handler: &discardStrings{}}
	transporttest.Connect(p, transporttest.NewStringTransport())
	data := []byte(strings.Repeat("5:hello,", 100) + "5:hel")
	end := []byte("lo,")
	allocs := testing.AllocsPerRun(100, func() {
		p.DataReceived(data)
		p.DataReceived(end)
	})
	if allocs != 0 {
		t.Errorf("allocations per run = %v, want 0", allocs)
	}
}

type discardStrings struct{}

func (*discardStrings) StringReceived([]byte) {}
