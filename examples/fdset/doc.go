// Command fdset shows the reactor's low level: descriptors written by hand
// and watched with AddReader and AddWriter, with no Port, Transport or
// Protocol. It is an echo server that answers in capitals. The listening
// socket (listener.go) is a ReadDescriptor whose DoRead accepts; each
// connection (conn.go) is a ReadDescriptor and WriteDescriptor that reads,
// buffers its reply, watches for writability only while the kernel would
// block, and closes its fd when the reactor tells it ConnectionLost.
//
//	go run ./examples/fdset --listen tcp:8000
//
// --listen takes tcp:PORT[:interface=IPv4] (port 0 picks a free one). It
// logs "listening on HOST:PORT" and runs until SIGINT or SIGTERM, then
// exits 0; if it cannot listen it exits 1.
//
// Twisted: IReactorFDSet, IReadDescriptor and IWriteDescriptor.
package main
