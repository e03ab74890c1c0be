package endpoints_test

import (
	"fmt"
	"net"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
)

// refuser is the smallest Factory: it refuses every connection.
type refuser struct{}

func (refuser) BuildProtocol(net.Addr) interfaces.Protocol { return nil }
func (refuser) DoStart()                                   {}
func (refuser) DoStop()                                    {}

// A listening address taken from a string, as from a command-line flag. A
// program passes its reactor; the MemoryReactor here keeps the example
// free of sockets.
func ExampleServerFromString() {
	r := internettest.NewMemoryReactor()
	ep, err := endpoints.ServerFromString(r, "tcp:8080:interface=127.0.0.1:backlog=100")
	if err != nil {
		fmt.Println(err)
		return
	}
	ep.Listen(refuser{}).AddCallbacks(func(p any) (any, error) {
		fmt.Println("listening on", p.(interfaces.ListeningPort).GetHost())
		return nil, nil
	}, func(err error) (any, error) {
		fmt.Println("cannot listen:", err)
		return nil, nil
	})

	_, err = endpoints.ServerFromString(r, "tcp:http")
	fmt.Println(err)
	// Output:
	// listening on 127.0.0.1:8080
	// endpoints: "tcp:http": port: invalid number "http"
}
