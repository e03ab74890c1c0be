// Package serve is the program scaffolding the example servers share:
// choosing the reactor, listening on endpoints, the "listening on
// HOST:PORT" line that scripts and tests wait for, and the exit status (0
// after SIGINT or SIGTERM, 1 when an endpoint cannot be listened on or the
// reactor fails, 2 for bad flags).
//
// [Run] is the whole program of a server with one --listen flag; [Main]
// that of a server with repeatable --listen, --reactor and flags of its
// own; [Serve] the part both end in, for programs that open their ports
// themselves. What a server does stays in its own example.
package serve
