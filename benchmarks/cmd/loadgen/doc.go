// Command loadgen drives an echo server over loopback and reports what it
// measured, for the peer comparison in docs/BENCHMARKS.md.
//
// In echo mode it keeps -conns connections busy, each with -inflight
// messages of -size bytes outstanding, for -duration after -warmup. Every
// echoed byte is compared with what was sent; a mismatch, a short stream or
// a dropped connection counts as an error and makes the exit status 1. It
// prints messages/s, MB/s, p50/p99 latency and, given -pid, how much CPU the
// server used in the measured window, in all and in its own (user-mode)
// code per message: the second leaves out the system calls every server
// makes alike, so it compares the frameworks themselves.
//
// In idle mode it opens -conns connections one by one, proves each alive
// with a one-byte round trip, proves them all alive again once every one is
// open, and reports how much the server's resident set (VmRSS in
// /proc/PID/status) grew per connection.
//
// The client is one goroutine on one OS thread driving non-blocking sockets
// with epoll, so that on a dedicated CPU it costs about what a good server
// costs and the server, not the client, is what the numbers show. Traffic
// goes to loopback addresses only; every run is bounded in time and in
// connections. The last line of output is machine-readable:
// "RESULT" followed by tab-separated key=value fields.
package main
