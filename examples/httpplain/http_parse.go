// Decoding an HTTP/1.1 request head (RFC 9112): the request line and the
// header fields, parsed in place from the input.

package main

import "bytes"

// maxLengthDigits is the most digits of a Content-Length: 18 cannot
// overflow an int64.
const maxLengthDigits = 18

// limits bounds what one request may make the server hold.
type limits struct {
	// maxRequestLine is the longest request line, without its line end;
	// a longer one gets 414.
	maxRequestLine int
	// maxHeaderBytes is the longest head, request line and header fields
	// and the blank line included; a longer one gets 431. It is also the
	// most input a connection buffers.
	maxHeaderBytes int
	// maxHeaders is the most header fields; more get 431.
	maxHeaders int
	// maxBody is the longest Content-Length accepted; a longer one gets
	// 413. Bodies are read and dropped, never buffered.
	maxBody int64
}

// request is what the server needs of a request head. Its slices alias the
// input and are valid only until the input is released.
type request struct {
	method, target []byte
	minor          byte  // HTTP/1.minor: 0 or 1
	contentLength  int64 // -1: no Content-Length
	hosts          int   // Host fields seen
	transferCoding bool  // a Transfer-Encoding field was seen
	close          bool  // Connection: close
	keepAlive      bool  // Connection: keep-alive
	expectContinue bool  // Expect: 100-continue
	headers        int
}

// statusError is a request the server answers with an error status and
// then closes the connection, because it cannot tell where the next
// request starts or will not read on.
type statusError struct {
	status string // status code and reason phrase, "400 Bad Request"
}

func (e *statusError) Error() string { return e.status }

// The errors that end a connection.
var (
	errBadRequest        = &statusError{"400 Bad Request"}
	errContentTooLarge   = &statusError{"413 Content Too Large"}
	errURITooLong        = &statusError{"414 URI Too Long"}
	errHeaderTooLarge    = &statusError{"431 Request Header Fields Too Large"}
	errNotImplemented    = &statusError{"501 Not Implemented"}
	errVersionNotSupport = &statusError{"505 HTTP Version Not Supported"}
)

// parseHead decodes the request head at the start of buf into req and
// returns its length including the blank line that ends it.
//
// n == 0 with a nil error means the head is not complete yet. n > 0 with
// req.method nil means buf started with a blank line, which RFC 9112 §2.2
// says to skip before a request line.
//
// Only the first lim.maxHeaderBytes of buf are looked at, so the outcome is
// the same whether buf holds all the input or just what a connection
// buffered of it: a head that does not end within them is 431. Every other
// error depends only on the bytes up to where it is found.
func parseHead(buf []byte, req *request, lim limits) (int, error) {
	*req = request{contentLength: -1}
	window := buf[:min(len(buf), lim.maxHeaderBytes)]
	n, err := parseHeadIn(window, req, lim)
	if n == 0 && err == nil && len(window) == lim.maxHeaderBytes {
		err = errHeaderTooLarge
	}
	return n, err
}

func parseHeadIn(buf []byte, req *request, lim limits) (int, error) {
	switch {
	case len(buf) > 0 && buf[0] == '\n':
		return 1, nil
	case len(buf) > 1 && buf[0] == '\r' && buf[1] == '\n':
		return 2, nil
	}
	end := bytes.IndexByte(buf, '\n')
	switch {
	case end > lim.maxRequestLine, end < 0 && len(buf) > lim.maxRequestLine:
		return 0, errURITooLong
	case end < 0:
		return 0, nil
	}
	if err := parseRequestLine(trimCR(buf[:end]), req); err != nil {
		return 0, err
	}
	for pos := end + 1; ; {
		end = bytes.IndexByte(buf[pos:], '\n')
		if end < 0 {
			return 0, nil
		}
		line := trimCR(buf[pos : pos+end])
		pos += end + 1
		if len(line) == 0 {
			return pos, nil
		}
		if req.headers++; req.headers > lim.maxHeaders {
			return 0, errHeaderTooLarge
		}
		if err := parseField(line, req); err != nil {
			return 0, err
		}
	}
}

// trimCR drops the CR of a CRLF line end; RFC 9112 §2.2 allows a bare LF.
func trimCR(line []byte) []byte {
	if len(line) > 0 && line[len(line)-1] == '\r' {
		return line[:len(line)-1]
	}
	return line
}

// parseRequestLine decodes "METHOD SP TARGET SP HTTP/1.x", with single
// spaces (RFC 9112 §3).
func parseRequestLine(line []byte, req *request) error {
	sp := bytes.IndexByte(line, ' ')
	if sp <= 0 || !isToken(line[:sp]) {
		return errBadRequest
	}
	req.method, line = line[:sp], line[sp+1:]
	sp = bytes.IndexByte(line, ' ')
	if sp <= 0 || !isVisible(line[:sp]) {
		return errBadRequest
	}
	req.target = line[:sp]
	return parseVersion(line[sp+1:], req)
}

// parseVersion accepts HTTP/1.0 and HTTP/1.1; another well-formed version
// gets 505.
func parseVersion(v []byte, req *request) error {
	if len(v) != 8 || string(v[:5]) != "HTTP/" || v[6] != '.' || !isDigit(v[5]) || !isDigit(v[7]) {
		return errBadRequest
	}
	if v[5] != '1' || v[7] > '1' {
		return errVersionNotSupport
	}
	req.minor = v[7] - '0'
	return nil
}

// parseField decodes one "name: value" field line and notes the fields the
// server acts on (RFC 9112 §5).
func parseField(line []byte, req *request) error {
	colon := bytes.IndexByte(line, ':')
	// No colon, an empty name, or whitespace before the colon (including
	// obsolete line folding) is rejected, as RFC 9112 §5.1 and §5.2 require.
	if colon <= 0 || !isToken(line[:colon]) {
		return errBadRequest
	}
	name, value := line[:colon], trimOWS(line[colon+1:])
	if !isFieldValue(value) {
		return errBadRequest
	}
	switch {
	case equalFold(name, "content-length"):
		return setContentLength(value, req)
	case equalFold(name, "transfer-encoding"):
		req.transferCoding = true
	case equalFold(name, "host"):
		req.hosts++
	case equalFold(name, "connection"):
		parseConnection(value, req)
	case equalFold(name, "expect"):
		req.expectContinue = equalFold(value, "100-continue")
	}
	return nil
}

// setContentLength accepts 1*DIGIT, and repeated fields only if they agree
// (RFC 9112 §6.3: anything else is an unrecoverable framing error).
func setContentLength(v []byte, req *request) error {
	if len(v) == 0 || len(v) > maxLengthDigits {
		return errBadRequest
	}
	var n int64
	for _, c := range v {
		if !isDigit(c) {
			return errBadRequest
		}
		n = n*10 + int64(c-'0')
	}
	if req.contentLength >= 0 && req.contentLength != n {
		return errBadRequest
	}
	req.contentLength = n
	return nil
}

// parseConnection notes the close and keep-alive options of a Connection
// field, a comma-separated list.
func parseConnection(v []byte, req *request) {
	for len(v) > 0 {
		opt := v
		if i := bytes.IndexByte(v, ','); i >= 0 {
			opt, v = v[:i], v[i+1:]
		} else {
			v = nil
		}
		opt = trimOWS(opt)
		req.close = req.close || equalFold(opt, "close")
		req.keepAlive = req.keepAlive || equalFold(opt, "keep-alive")
	}
}
