// Package reqconn is the connection plumbing that the request/response
// examples (miniredis, httpplain) share: a Protocol that hands complete
// requests to a [Handler] straight from the slice DataReceived gives it,
// keeps only an incomplete request between reads (bounded), coalesces the
// answers to one read into one transport write, registers itself as its
// transport's streaming producer so a client that never reads cannot grow
// the server's memory, closes idle connections on the reactor's clock, and
// closes with a lingering close so the last answer is not lost to a reset.
//
// What a request is and how it is answered stays in each example; this
// package knows only bytes. It imports interfaces alone, so its tests and
// the examples' run on transporttest.StringTransport and task.Clock.
package reqconn
