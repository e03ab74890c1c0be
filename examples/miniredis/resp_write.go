// Encoding RESP2 replies by appending to a byte slice, so a reply costs no
// allocation once the connection's output buffer has grown.

package main

import "strconv"

// appendSimple appends a simple string reply, such as +OK. s must hold no
// CR or LF.
func appendSimple(b []byte, s string) []byte {
	b = append(b, '+')
	b = append(b, s...)
	return append(b, '\r', '\n')
}

// appendError appends an error reply; msg starts with its error code, as
// "ERR syntax error", and must hold no CR or LF.
func appendError(b []byte, msg string) []byte {
	b = append(b, '-')
	b = append(b, msg...)
	return append(b, '\r', '\n')
}

// appendInt appends an integer reply.
func appendInt(b []byte, n int64) []byte {
	b = append(b, ':')
	b = strconv.AppendInt(b, n, 10)
	return append(b, '\r', '\n')
}

// appendBulkHeader appends the "$LEN\r\n" that precedes a bulk string of n
// bytes.
func appendBulkHeader(b []byte, n int) []byte {
	b = append(b, '$')
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, '\r', '\n')
}

// appendBulk appends a bulk string reply.
func appendBulk(b, v []byte) []byte {
	b = appendBulkHeader(b, len(v))
	b = append(b, v...)
	return append(b, '\r', '\n')
}

// appendBulkString appends a bulk string reply holding s.
func appendBulkString(b []byte, s string) []byte {
	b = appendBulkHeader(b, len(s))
	b = append(b, s...)
	return append(b, '\r', '\n')
}

// appendNull appends the null bulk string, RESP2's "no such key".
func appendNull(b []byte) []byte {
	return append(b, "$-1\r\n"...)
}

// appendArrayHeader appends the "*N\r\n" that precedes n replies.
func appendArrayHeader(b []byte, n int) []byte {
	b = append(b, '*')
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, '\r', '\n')
}

// appendSanitized appends at most max bytes of s for an error message,
// each control byte replaced by a space, so that a client's bytes echoed in
// an error reply cannot end it early or forge another reply.
func appendSanitized(b, s []byte, max int) []byte {
	if len(s) > max {
		s = s[:max]
	}
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			c = ' '
		}
		b = append(b, c)
	}
	return b
}
