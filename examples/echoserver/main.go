// The Echo protocol and the program: flags, endpoint, reactor.

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
