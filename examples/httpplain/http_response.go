// Encoding responses by appending to a byte slice: the status line, the
// headers every response carries (Server, Date, Content-Type,
// Content-Length, Connection), and the bodies, the JSON one serialized for
// each request.

package main

import (
	"strconv"
	"time"
)

// serverName is the Server header's value.
const serverName = "twistgo"

// The bodies of the two endpoints.
const (
	helloText    = "Hello, World!"
	helloMessage = "Hello, World!" // serialized as {"message":...} per request
)

// connHeader says which Connection header a response carries.
type connHeader uint8

const (
	connDefault   connHeader = iota // none: the version's default applies
	connClose                       // "close": the server closes after this response
	connKeepAlive                   // "keep-alive": an HTTP/1.0 client asked to keep it open
)

// route is how the server answers a well-formed request.
type route uint8

const (
	routePlaintext route = iota
	routeJSON
	routeNotFound
	routeMethodNotAllowed
	routeNotImplemented
)

// dateCache holds the Date header's value, formatted once a second.
type dateCache struct {
	sec int64
	buf []byte
}

// update reformats the date if now is in another second than the last.
func (d *dateCache) update(now time.Time) {
	if s := now.Unix(); s != d.sec || d.buf == nil {
		d.sec = s
		d.buf = now.UTC().AppendFormat(d.buf[:0], "Mon, 02 Jan 2006 15:04:05 GMT") // RFC 9110 §5.6.7
	}
}

// appendHead appends the status line and the common headers, without the
// blank line that ends the head.
func appendHead(b []byte, status string, date []byte, ctype string, length int, conn connHeader) []byte {
	b = append(b, "HTTP/1.1 "...)
	b = append(b, status...)
	b = append(b, "\r\nServer: "+serverName+"\r\nDate: "...)
	b = append(b, date...)
	b = append(b, "\r\nContent-Type: "...)
	b = append(b, ctype...)
	b = append(b, "\r\nContent-Length: "...)
	b = strconv.AppendInt(b, int64(length), 10)
	b = append(b, '\r', '\n')
	switch conn {
	case connClose:
		b = append(b, "Connection: close\r\n"...)
	case connKeepAlive:
		b = append(b, "Connection: keep-alive\r\n"...)
	}
	return b
}

// appendRoute appends the response for r. scratch is a buffer for the JSON
// body, returned for reuse. headOnly leaves the body out (HEAD).
func appendRoute(b, scratch []byte, r route, date []byte, conn connHeader, headOnly bool) ([]byte, []byte) {
	var body []byte
	switch r {
	case routePlaintext:
		b = appendHead(b, "200 OK", date, "text/plain", len(helloText), conn)
		b = append(b, '\r', '\n')
		if !headOnly {
			b = append(b, helloText...)
		}
		return b, scratch
	case routeJSON:
		scratch = appendMessageJSON(scratch[:0], helloMessage)
		b = appendHead(b, "200 OK", date, "application/json", len(scratch), conn)
		body = scratch
	case routeNotFound:
		return appendStatus(b, "404 Not Found", date, conn, headOnly), scratch
	case routeMethodNotAllowed:
		b = appendHead(b, "405 Method Not Allowed", date, "text/plain", len("405 Method Not Allowed\n"), conn)
		b = append(b, "Allow: GET, HEAD\r\n"...)
		body = append(scratch[:0], "405 Method Not Allowed\n"...)
	case routeNotImplemented:
		return appendStatus(b, "501 Not Implemented", date, conn, headOnly), scratch
	}
	b = append(b, '\r', '\n')
	if !headOnly {
		b = append(b, body...)
	}
	return b, scratch
}

// appendStatus appends a response whose body is the status line's text.
func appendStatus(b []byte, status string, date []byte, conn connHeader, headOnly bool) []byte {
	b = appendHead(b, status, date, "text/plain", len(status)+1, conn)
	b = append(b, '\r', '\n')
	if !headOnly {
		b = append(b, status...)
		b = append(b, '\n')
	}
	return b
}

// appendMessageJSON appends {"message":msg} as JSON.
func appendMessageJSON(b []byte, msg string) []byte {
	b = append(b, `{"message":`...)
	b = appendJSONString(b, msg)
	return append(b, '}')
}

// appendJSONString appends s as a JSON string (RFC 8259 §7), escaping the
// quote, the backslash and control characters.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
