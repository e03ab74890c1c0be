// Command echoserver is the smallest useful Twistgo server: it writes back
// whatever each client sends. It shows the three pieces every server has:
// a Protocol (Echo embeds protocol.Base and defines DataReceived), a
// Factory that builds one per connection (protocol.ForProtocol), and a
// server endpoint made from a --listen string, all driven by the reactor.
//
//	go run ./examples/echoserver --listen tcp:8000
//
// It logs "listening on HOST:PORT" once listening and runs until SIGINT or
// SIGTERM, then exits 0; if it cannot listen it exits 1.
//
// Twisted: the echoserv.py example of "Writing Servers".
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/reactor"
)

// Echo writes every byte it receives back to the sender.
type Echo struct{ protocol.Base }

// DataReceived writes data back. Write copies it, which matters because
// data is only valid during this call.
func (e *Echo) DataReceived(data []byte) { e.Transport.Write(data) }

func main() {
	listen := flag.String("listen", "tcp:8000", "server endpoint to listen on, such as tcp:0:interface=127.0.0.1")
	flag.Parse()

	r := reactor.Get()
	ep, err := endpoints.ServerFromString(r, *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "echoserver:", err)
		os.Exit(2)
	}
	code := 0
	r.CallWhenRunning(func() {
		ep.Listen(protocol.ForProtocol(func() *Echo { return &Echo{} })).AddCallbacks(
			func(p any) (any, error) {
				slog.Info("listening on " + p.(interfaces.ListeningPort).GetHost().String())
				return nil, nil
			},
			func(err error) (any, error) {
				fmt.Fprintln(os.Stderr, "echoserver:", err)
				code = 1
				return nil, r.Stop()
			})
	})
	if err := r.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "echoserver:", err)
		os.Exit(1)
	}
	os.Exit(code)
}
