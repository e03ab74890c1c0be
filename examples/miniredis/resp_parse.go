// Decoding client commands: RESP2 arrays of bulk strings, and inline
// commands (one line of words, as telnet and redis-benchmark's PING_INLINE
// send them).

package main

import (
	"bytes"
	"errors"
	"fmt"
)

// maxInline is the longest inline command line, as Redis's
// PROTO_INLINE_MAX_SIZE.
const maxInline = 64 << 10

// maxCountLen is the most characters of the number in a "*N" or "$N"
// header: 18 digits cannot overflow an int64, and no limit of ours needs
// more.
const maxCountLen = 18

// limits bounds what one client command may make the server hold.
type limits struct {
	// maxBulk is the longest argument, in bytes.
	maxBulk int
	// maxArgs is the most arguments of one command, its name included.
	maxArgs int
	// maxInput is the longest command, in bytes on the wire; it is also the
	// most input a connection buffers while a command is incomplete.
	maxInput int
}

// Protocol errors. Each is sent to the client as "-ERR Protocol error: ..."
// before the connection is closed; the wording follows Redis where Redis
// has the same check.
var (
	errMultibulkLen = errors.New("invalid multibulk length")
	errBulkLen      = errors.New("invalid bulk length")
	errCRLF         = errors.New("expected CRLF")
	errInlineTooBig = errors.New("too big inline request")
	errInlineArgs   = errors.New("too many arguments in inline request")
	errTooBig       = errors.New("request larger than the input limit")
)

// parseCommand decodes the first command in buf into args, reusing args'
// backing array, and returns the arguments and how many bytes it used.
//
// A result with n == 0 and a nil error means buf holds only the beginning
// of a command. A result with n > 0 and no arguments is an empty command
// ("*0", or a blank inline line), which is skipped without a reply. The
// arguments alias buf.
//
// Only the first lim.maxInput bytes of buf are looked at, so the decision
// is the same whether buf holds the whole input or just what a connection
// buffered of it: a command that does not end within them is errTooBig.
// Every other error depends only on the bytes before the point where it is
// found, so splitting the input differently never changes the outcome.
func parseCommand(buf []byte, args [][]byte, lim limits) ([][]byte, int, error) {
	window := buf
	if len(window) > lim.maxInput {
		window = window[:lim.maxInput]
	}
	var n int
	var err error
	if len(window) > 0 && window[0] == '*' {
		args, n, err = parseArray(window, args[:0], lim)
	} else {
		args, n, err = parseInline(window, args[:0], lim)
	}
	if n == 0 && err == nil && len(window) == lim.maxInput {
		err = errTooBig
	}
	return args, n, err
}

// parseArray decodes "*N\r\n" followed by N bulk strings "$L\r\n<L bytes>\r\n".
func parseArray(buf []byte, args [][]byte, lim limits) ([][]byte, int, error) {
	count, pos, err := parseCount(buf, 1, errMultibulkLen)
	if pos == 0 || err != nil {
		return args, 0, err
	}
	if count <= 0 {
		return args, pos, nil // Redis skips empty and null arrays
	}
	if count > lim.maxArgs {
		return args, 0, errMultibulkLen
	}
	for range count {
		var arg []byte
		arg, pos, err = parseBulk(buf, pos, lim)
		if pos == 0 || err != nil {
			return args, 0, err
		}
		args = append(args, arg)
	}
	return args, pos, nil
}

// parseBulk decodes one bulk string starting at buf[pos] and returns it and
// the position after it, or pos 0 if buf ends first.
func parseBulk(buf []byte, pos int, lim limits) ([]byte, int, error) {
	if pos >= len(buf) {
		return nil, 0, nil
	}
	if buf[pos] != '$' {
		return nil, 0, fmt.Errorf("expected '$', got '%s'", printable(buf[pos]))
	}
	size, start, err := parseCount(buf, pos+1, errBulkLen)
	if start == 0 || err != nil {
		return nil, 0, err
	}
	if size < 0 || size > lim.maxBulk {
		return nil, 0, errBulkLen
	}
	end := start + size
	if end+2 > lim.maxInput {
		return nil, 0, errTooBig // known now; no need to buffer up to the limit
	}
	switch {
	case end < len(buf) && buf[end] != '\r', end+1 < len(buf) && buf[end+1] != '\n':
		return nil, 0, errCRLF
	case end+2 > len(buf):
		return nil, 0, nil
	}
	return buf[start:end:end], end + 2, nil
}

// parseCount decodes the decimal number of a header line that starts at
// buf[pos] and ends with CRLF. It returns the number and the position after
// the line, or position 0 if the line is not complete yet. bad is the error
// for anything but an optionally negative run of digits.
func parseCount(buf []byte, pos int, bad error) (int, int, error) {
	n, neg, digits := 0, false, 0
	for i := pos; i < len(buf); i++ {
		c := buf[i]
		switch {
		case c == '\r':
			if digits == 0 {
				return 0, 0, bad
			}
			if i+1 == len(buf) {
				return 0, 0, nil
			}
			if buf[i+1] != '\n' {
				return 0, 0, errCRLF
			}
			if neg {
				n = -n
			}
			return n, i + 2, nil
		case c == '-' && i == pos:
			neg = true
		case c >= '0' && c <= '9' && digits < maxCountLen:
			n = n*10 + int(c-'0')
			digits++
		default:
			return 0, 0, bad
		}
	}
	return 0, 0, nil
}

// parseInline decodes one line of words separated by spaces or tabs. The
// line ends with LF; a CR before it is dropped. Quotes have no meaning:
// a word is everything between separators.
func parseInline(buf []byte, args [][]byte, lim limits) ([][]byte, int, error) {
	end := bytes.IndexByte(buf, '\n')
	if end < 0 {
		if len(buf) > maxInline {
			return args, 0, errInlineTooBig
		}
		return args, 0, nil
	}
	if end > maxInline {
		return args, 0, errInlineTooBig
	}
	line := buf[:end]
	for len(line) > 0 {
		i := 0
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		j := i
		for j < len(line) && !isSpace(line[j]) {
			j++
		}
		if j > i {
			if len(args) == lim.maxArgs {
				return args, 0, errInlineArgs
			}
			args = append(args, line[i:j:j])
		}
		line = line[j:]
	}
	return args, end + 1, nil
}

// isSpace reports whether c separates inline words: C's isspace, as
// Redis's sdssplitargs.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// printable returns c for an error message: itself if it is printable
// ASCII, else its escape, so a reply never carries a control byte.
func printable(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return string(rune(c))
	}
	return fmt.Sprintf("\\x%02x", c)
}
