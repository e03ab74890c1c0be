// Command twist runs one of Twistgo's network services on a reactor:
//
//	twist [global flags] SERVICE [service flags]
//
// The services are the classic small ones (echo, discard, chargen,
// daytime, qotd, time, over TCP and, where they have one, UDP), a chat
// room, and a TCP port forwarder. Global flags choose the reactor
// (--reactor), the endpoints (--listen, repeatable, in endpoint string
// syntax such as tcp:8000:interface=127.0.0.1 or udp:8037) and the log
// level (--log-level); `twist --help` lists them all.
//
// twist logs one "listening on HOST:PORT" line per endpoint, with the real
// port when port 0 was asked for, and runs until SIGINT or SIGTERM; it then
// closes its ports, runs the reactor's shutdown triggers and exits 0. A
// mistake on the command line is reported on one stderr line with exit
// code 2; a port that cannot be opened, with exit code 1.
//
// Twisted: the twist command (twisted.application.twist).
package main
