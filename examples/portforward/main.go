// The program: flags, the proxy factory, exit status.

package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strconv"

	"github.com/twistgo/twistgo/examples/internal/serve"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol/portforward"
)

func main() {
	listen := flag.String("listen", "tcp:6666", "server endpoint to listen on, such as tcp:0:interface=127.0.0.1")
	to := flag.String("to", "", "HOST:PORT to relay connections to (required)")
	flag.Parse()
	host, port, err := splitTarget(*to)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portforward:", err)
		os.Exit(2)
	}
	os.Exit(serve.Run("portforward", *listen, func(r interfaces.Reactor) interfaces.Factory {
		return portforward.NewProxyFactory(r, host, port)
	}, "to", *to))
}

// splitTarget checks --to: HOST:PORT with a port of 1 to 65535.
func splitTarget(to string) (host string, port int, err error) {
	host, p, err := net.SplitHostPort(to)
	if err == nil {
		port, err = strconv.Atoi(p)
	}
	if err != nil || host == "" || port < 1 || port > 65535 {
		return "", 0, fmt.Errorf("--to %q: want HOST:PORT with a port of 1 to 65535", to)
	}
	return host, port, nil
}
