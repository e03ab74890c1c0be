// The Echo protocol and the program: flags, endpoint, reactor.

package main

import (
	"flag"
	"os"

	"github.com/twistgo/twistgo/examples/internal/serve"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// Echo writes every byte it receives back to the sender.
type Echo struct{ protocol.Base }

// DataReceived writes data back. Write copies it, which matters because
// data is only valid during this call.
func (e *Echo) DataReceived(data []byte) { e.Transport.Write(data) }

func main() {
	listen := flag.String("listen", "tcp:8000", "server endpoint to listen on, such as tcp:0:interface=127.0.0.1")
	flag.Parse()
	os.Exit(serve.Run("echoserver", *listen, func(interfaces.Reactor) interfaces.Factory {
		return protocol.ForProtocol(func() *Echo { return &Echo{} })
	}))
}
