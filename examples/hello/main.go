// The Hello protocol and the program.

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

	r := reactor.Get()
	ep, err := endpoints.ServerFromString(r, *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(2)
	}
	code := 0
	r.CallWhenRunning(func() {
		ep.Listen(protocol.ForProtocol(func() *Hello { return &Hello{} })).AddCallbacks(
			func(p any) (any, error) {
				slog.Info("listening on " + p.(interfaces.ListeningPort).GetHost().String())
				return nil, nil
			},
			func(err error) (any, error) {
				fmt.Fprintln(os.Stderr, "hello:", err)
				code = 1
				return nil, r.Stop()
			})
	})
	if err := r.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
	os.Exit(code)
}
