// The Hello protocol and the program.

package main

import (
	"flag"
	"os"

	"github.com/twistgo/twistgo/examples/internal/serve"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// Hello greets and hangs up.
type Hello struct{ protocol.Base }

// ConnectionMade writes the greeting and closes once it has been sent.
func (h *Hello) ConnectionMade() {
	h.Transport.Write([]byte("hello\r\n"))
	h.Transport.LoseConnection()
}

func main() {
	listen := flag.String("listen", "tcp:8000", "server endpoint to listen on, such as tcp:0:interface=127.0.0.1")
	flag.Parse()
	os.Exit(serve.Run("hello", *listen, func(interfaces.Reactor) interfaces.Factory {
		return protocol.ForProtocol(func() *Hello { return &Hello{} })
	}))
}
