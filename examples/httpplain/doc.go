// Httpplain is a small HTTP/1.1 server with the two endpoints of the
// TechEmpower plaintext and JSON tests: an example of a Twistgo server
// that parses a text protocol in place and answers pipelined requests in
// one write.
//
//	GET /plaintext   200, text/plain, "Hello, World!"
//	GET /json        200, application/json, {"message":"Hello, World!"},
//	                 serialized for each request
//
// HEAD works on both. Another known method on them gets 405 with an Allow
// header; any other path gets 404; a method RFC 9110 does not define gets
// 501. Every response carries Server, Date and Content-Length.
//
// It shows a Protocol that parses request heads straight from the slice
// that DataReceived hands it; keeps only an incomplete head between reads,
// bounded by a limit; reads request bodies (Content-Length) and drops them
// without buffering; answers pipelined requests in order, all responses to
// one read in one transport write; applies back pressure by registering
// itself as the transport's producer, so a client that sends but never
// reads cannot make the server's memory grow; and uses the reactor's clock
// (interfaces.ReactorTime) for the Date header and the idle timeout, so its
// tests run on a fake clock.
//
// Connections are kept alive as HTTP/1.1 says: by default in HTTP/1.1
// unless the request says "Connection: close", and in HTTP/1.0 only if it
// says "Connection: keep-alive". A request the server cannot read past is
// answered with an error and the connection closed after it: 400 for
// malformed syntax, a missing or repeated Host in HTTP/1.1, conflicting
// Content-Length fields, or both Transfer-Encoding and Content-Length; 413
// for a body over -max-body; 414 for a request line over -max-request-line;
// 431 for a head over -max-header-bytes or -max-headers; 501 for a
// Transfer-Encoding (chunked request bodies are not supported); 505 for an
// HTTP version other than 1.0 and 1.1. A bare LF ends a line as well as
// CRLF, and blank lines before a request are skipped (RFC 9112 §2.2).
// "Expect: 100-continue" gets an interim 100 response before the body is
// read.
//
// Usage:
//
//	httpplain [flags]
//
// Flags (sizes in bytes):
//
//	-listen ENDPOINT      endpoint to listen on, repeatable
//	                      (default tcp:8080:interface=127.0.0.1)
//	-reactor NAME         reactor to run on, such as epoll or poll
//	                      (default: the platform's)
//	-idle-timeout D       close a connection after this long without an
//	                      answered request; bytes that complete no request
//	                      do not count, so a client trickling a request is
//	                      closed too (default 5m; 0: never)
//	-max-request-line N   longest request line (default 8192)
//	-max-header-bytes N   longest request head, and so the most input a
//	                      connection buffers (default 16384)
//	-max-headers N        most header fields (default 100)
//	-max-body N           longest request body (default 1048576)
//
// For each endpoint it logs one line "listening on HOST:PORT" with the real
// port, so a port of 0 can be used. SIGINT or SIGTERM stops it; it then
// exits with status 0. Bad flags exit with status 2, an endpoint that
// cannot be listened on with status 1, each after one line on stderr.
//
// Try it with curl http://127.0.0.1:8080/json, or:
//
//	wrk -t2 -c64 -d10s http://127.0.0.1:8080/plaintext
package main
