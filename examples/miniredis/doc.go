// Miniredis is a small Redis-compatible key-value server: an example of a
// Twistgo server that speaks a real binary-safe protocol at speed.
//
// It shows a Protocol that parses RESP2 straight from the slice that
// DataReceived hands it, without copying complete commands; keeps only an
// incomplete command between reads, bounded by a limit; answers a whole
// pipeline with one transport write; applies back pressure by registering
// itself as the transport's producer, so a client that sends but never
// reads cannot make the server's memory grow; and uses the reactor's clock
// (interfaces.ReactorTime) for key expiry and the idle timeout, so its
// tests run on a fake clock.
//
// Commands: PING, ECHO, SET (with EX, PX, NX, XX and KEEPTTL), GET, DEL,
// EXISTS, INCR, INCRBY, MGET, MSET, DBSIZE, FLUSHALL, SELECT 0, QUIT, and as
// far as redis-cli and redis-benchmark use them, COMMAND (an empty array),
// CONFIG GET and CLIENT SETNAME/GETNAME. Both RESP arrays and inline
// commands are accepted; inline words are split at spaces and tabs, and
// quotes have no special meaning. Input that is not RESP gets
// "-ERR Protocol error: ..." and the connection is closed.
//
// Usage:
//
//	miniredis [flags]
//
// Flags (sizes in bytes):
//
//	-listen ENDPOINT    endpoint to listen on, repeatable
//	                    (default tcp:6380:interface=127.0.0.1)
//	-reactor NAME       reactor to run on, such as epoll or poll
//	                    (default: the platform's)
//	-idle-timeout D     close a connection after this long without a
//	                    complete command; bytes that complete nothing do not
//	                    count, so a client trickling a command is closed too
//	                    (default 5m; 0: never)
//	-max-bulk N         longest argument (default 524288)
//	-max-args N         most arguments of one command (default 1024)
//	-max-input N        longest command on the wire, and so the most input a
//	                    connection buffers (default 4194304)
//	-max-memory N       bytes of keys and values, plus 64 per key, the store
//	                    may hold before writes fail with -OOM (default
//	                    268435456)
//
// An inline command line may be at most 64 KiB. One reply is at most
// -max-args times -max-bulk (an MGET of many large values).
//
// For each endpoint it logs one line "listening on HOST:PORT" with the real
// port, so a port of 0 can be used. SIGINT or SIGTERM stops it; it then
// exits with status 0. Bad flags exit with status 2, an endpoint that
// cannot be listened on with status 1, each after one line on stderr.
//
// Try it with redis-cli -p 6380, or:
//
//	redis-benchmark -p 6380 -t ping,set,get,incr,mset -P 16 -q
package main
