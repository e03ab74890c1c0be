package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseCommand(t *testing.T) {
	lim := limits{maxBulk: 16, maxArgs: 4, maxInput: 64}
	tests := []struct {
		name string
		in   string
		want []string // nil with n 0: incomplete
		n    int
		err  string // error text, "" for none
	}{
		{"array", "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", []string{"GET", "k"}, 20, ""},
		{"array then more", "*1\r\n$4\r\nPING\r\n*1\r\n", []string{"PING"}, 14, ""},
		{"empty bulk", "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", []string{"ECHO", ""}, 20, ""},
		{"binary bulk", "*1\r\n$4\r\n\r\n\x00\xff\r\n", []string{"\r\n\x00\xff"}, 14, ""},
		{"empty array", "*0\r\n", nil, 4, ""},
		{"null array", "*-1\r\n", nil, 5, ""},
		{"inline", "PING\r\n", []string{"PING"}, 6, ""},
		{"inline LF only", "SET a  b\n", []string{"SET", "a", "b"}, 9, ""},
		{"inline tabs", "\tGET\tk \r\n", []string{"GET", "k"}, 9, ""},
		{"inline blank", "\r\n", nil, 2, ""},
		{"inline quotes are literal", "ECHO \"a b\"\n", []string{"ECHO", "\"a", "b\""}, 11, ""},
		{"incomplete header", "*2\r", nil, 0, ""},
		{"incomplete bulk", "*1\r\n$4\r\nPI", nil, 0, ""},
		{"incomplete trailer", "*1\r\n$4\r\nPING\r", nil, 0, ""},
		{"incomplete inline", "PIN", nil, 0, ""},
		{"empty", "", nil, 0, ""},
		{"bad count", "*x\r\n", nil, 0, "invalid multibulk length"},
		{"count without digits", "*\r\n", nil, 0, "invalid multibulk length"},
		{"count too long", "*0000000000000000001\r\n", nil, 0, "invalid multibulk length"},
		{"too many args", "*5\r\n", nil, 0, "invalid multibulk length"},
		{"too many inline args", "a b c d e\n", nil, 0, "too many arguments in inline request"},
		{"not a bulk", "*1\r\n:1\r\n", nil, 0, "expected '$', got ':'"},
		{"control byte for bulk", "*1\r\n\n", nil, 0, `expected '$', got '\x0a'`},
		{"negative bulk", "*1\r\n$-1\r\n", nil, 0, "invalid bulk length"},
		{"bulk too long", "*1\r\n$17\r\n", nil, 0, "invalid bulk length"},
		{"header without LF", "*1\rx", nil, 0, "expected CRLF"},
		{"bulk without CRLF", "*1\r\n$1\r\nab", nil, 0, "expected CRLF"},
		{"bulk without LF", "*1\r\n$1\r\na\rb", nil, 0, "expected CRLF"},
		{"command past input limit", "*4\r\n$16\r\n0123456789abcdef\r\n$16\r\n0123456789abcdef\r\n$16\r\n", nil, 0, "request larger than the input limit"},
		{"inline past input limit", strings.Repeat("a", 64), nil, 0, "request larger than the input limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args, n, err := parseCommand([]byte(tc.in), nil, lim)
			var got []string
			for _, a := range args {
				got = append(got, string(a))
			}
			if n == 0 {
				got = nil
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("args (-want +got):\n%s", diff)
			}
			if n != tc.n {
				t.Errorf("n = %d, want %d", n, tc.n)
			}
			if errText(err) != tc.err {
				t.Errorf("err = %v, want %q", err, tc.err)
			}
		})
	}
}

func TestParseInlineLimit(t *testing.T) {
	lim := limits{maxBulk: 16, maxArgs: 4, maxInput: 1 << 20}
	long := strings.Repeat("a", maxInline+1)
	for _, in := range []string{long, long + "\n"} {
		if _, _, err := parseCommand([]byte(in), nil, lim); !errors.Is(err, errInlineTooBig) {
			t.Errorf("inline line of %d bytes: err = %v, want errInlineTooBig", len(in), err)
		}
	}
	if _, n, err := parseCommand([]byte(long[1:]+"\n"), nil, lim); n == 0 || err != nil {
		t.Errorf("inline line of maxInline bytes: n = %d, err = %v; want it parsed", n, err)
	}
}

func TestParseArgsAliasInput(t *testing.T) {
	in := []byte("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n")
	args, _, _ := parseCommand(in, nil, limits{maxBulk: 8, maxArgs: 2, maxInput: 64})
	in[17] = 'z'
	if string(args[1]) != "z" {
		t.Errorf("args[1] = %q after changing the input; want it to alias the input", args[1])
	}
	if cap(args[0]) != len(args[0]) {
		t.Errorf("cap(args[0]) = %d, want %d so appending cannot overwrite the input", cap(args[0]), len(args[0]))
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
