package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseHead(t *testing.T) {
	lim := limits{maxRequestLine: 40, maxHeaderBytes: 128, maxHeaders: 3, maxBody: 100}
	type head struct {
		Method, Target string
		Minor          byte
		ContentLength  int64
		Hosts          int
		TE, Close, KA  bool
		Expect         bool
	}
	get := head{Method: "GET", Target: "/", Minor: 1, ContentLength: -1, Hosts: 1}
	with := func(f func(*head)) head { h := get; f(&h); return h }
	tests := []struct {
		name string
		in   string
		want head
		n    int
		err  error
	}{
		{"get", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", get, 27, nil},
		{"bare LF", "GET / HTTP/1.1\nHost: a\n\n", get, 24, nil},
		{"then more", "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET", get, 27, nil},
		{"http/1.0", "GET /x?y HTTP/1.0\r\n\r\n", head{Method: "GET", Target: "/x?y", ContentLength: -1}, 21, nil},
		{"fields", "POST /p HTTP/1.1\r\nhOsT:a\r\nContent-Length:  12 \r\nConnection: Keep-Alive, close\r\n\r\n",
			head{Method: "POST", Target: "/p", Minor: 1, ContentLength: 12, Hosts: 1, Close: true, KA: true}, 81, nil},
		{"expect", "PUT / HTTP/1.1\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n",
			head{Method: "PUT", Target: "/", Minor: 1, ContentLength: -1, TE: true, Expect: true}, 68, nil},
		{"same lengths", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", with(func(h *head) { h.ContentLength = 5 }), 65, nil},
		{"blank line", "\r\nGET", head{ContentLength: -1}, 2, nil},
		{"blank LF", "\nGET", head{ContentLength: -1}, 1, nil},
		{"incomplete line", "GET / HTTP/1.1", head{ContentLength: -1}, 0, nil},
		{"incomplete head", "GET / HTTP/1.1\r\nHost: a\r\n", head{ContentLength: -1}, 0, nil},
		{"lone CR", "\r", head{ContentLength: -1}, 0, nil},
		{"no version", "GET /\r\n\r\n", head{}, 0, errBadRequest},
		{"two spaces", "GET  / HTTP/1.1\r\n\r\n", head{}, 0, errBadRequest},
		{"space in target", "GET /a b HTTP/1.1\r\n\r\n", head{}, 0, errBadRequest},
		{"bad method", "G(T / HTTP/1.1\r\n\r\n", head{}, 0, errBadRequest},
		{"lower-case version", "GET / http/1.1\r\n\r\n", head{}, 0, errBadRequest},
		{"http/2", "GET / HTTP/2.0\r\n\r\n", head{}, 0, errVersionNotSupport},
		{"http/1.2", "GET / HTTP/1.2\r\n\r\n", head{}, 0, errVersionNotSupport},
		{"CR in line", "GET /\r HTTP/1.1\r\n\r\n", head{}, 0, errBadRequest},
		{"space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", head{}, 0, errBadRequest},
		{"folded", "GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n", head{}, 0, errBadRequest},
		{"no colon", "GET / HTTP/1.1\r\nHost\r\n\r\n", head{}, 0, errBadRequest},
		{"NUL in value", "GET / HTTP/1.1\r\nX: a\x00b\r\n\r\n", head{}, 0, errBadRequest},
		{"bad length", "GET / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", head{}, 0, errBadRequest},
		{"signed length", "GET / HTTP/1.1\r\nContent-Length: +1\r\n\r\n", head{}, 0, errBadRequest},
		{"length list", "GET / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n", head{}, 0, errBadRequest},
		{"different lengths", "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", head{}, 0, errBadRequest},
		{"huge length", "GET / HTTP/1.1\r\nContent-Length: 1234567890123456789\r\n\r\n", head{}, 0, errBadRequest},
		{"long line", "GET /" + strings.Repeat("a", 40) + " HTTP/1.1\r\n", head{}, 0, errURITooLong},
		{"long partial line", "GET /" + strings.Repeat("a", 40), head{}, 0, errURITooLong},
		{"too many fields", "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", head{}, 0, errHeaderTooLarge},
		{"head too long", "GET / HTTP/1.1\r\nA: " + strings.Repeat("a", 120) + "\r\n\r\n", head{}, 0, errHeaderTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var req request
			n, err := parseHead([]byte(tc.in), &req, lim)
			if n != tc.n || err != tc.err {
				t.Fatalf("parseHead = %d, %v; want %d, %v", n, err, tc.n, tc.err)
			}
			if err != nil {
				return
			}
			got := head{string(req.method), string(req.target), req.minor, req.contentLength, req.hosts,
				req.transferCoding, req.close, req.keepAlive, req.expectContinue}
			if n == 0 {
				got = head{ContentLength: req.contentLength}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("head (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRouteFor(t *testing.T) {
	tests := []struct {
		method, target string
		want           route
	}{
		{"GET", "/plaintext", routePlaintext},
		{"HEAD", "/plaintext?x=1", routePlaintext},
		{"GET", "/json", routeJSON},
		{"GET", "http://example.com/json", routeJSON},
		{"GET", "HTTP://example.com:80/plaintext?q", routePlaintext},
		{"GET", "http://example.com", routeNotFound},
		{"GET", "http://example.com?plaintext", routeNotFound},
		{"GET", "/", routeNotFound},
		{"GET", "/plaintext/", routeNotFound},
		{"GET", "*", routeNotFound},
		{"POST", "/json", routeMethodNotAllowed},
		{"OPTIONS", "/plaintext", routeMethodNotAllowed},
		{"DELETE", "/nothing", routeNotFound},
		{"get", "/json", routeNotImplemented},
		{"BREW", "/plaintext", routeNotImplemented},
	}
	for _, tc := range tests {
		req := request{method: []byte(tc.method), target: []byte(tc.target)}
		if got := routeFor(&req); got != tc.want {
			t.Errorf("routeFor(%s %s) = %d, want %d", tc.method, tc.target, got, tc.want)
		}
	}
}

func TestAppendJSONString(t *testing.T) {
	got := string(appendMessageJSON(nil, "a\"b\\c\n\x01é"))
	if want := `{"message":"a\"b\\c\u000a\u0001é"}`; got != want {
		t.Errorf("appendMessageJSON = %s, want %s", got, want)
	}
}
