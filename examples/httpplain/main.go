// The program: flags, the reactor, one listening port per endpoint, and
// the exit status, through examples/internal/serve.

package main

import (
	"io"
	"os"

	"github.com/twistgo/twistgo/examples/internal/serve"
	"github.com/twistgo/twistgo/interfaces"
)

// name prefixes every line the program writes on its own.
const name = "httpplain"

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run is the program, given its arguments and where errors go; it returns
// the exit status.
func run(args []string, stderr io.Writer) int {
	var cfg config
	return serve.Main(serve.Program{
		Name:          name,
		DefaultListen: defaultListen,
		Flags:         cfg.declare,
		Check:         cfg.check,
		NewFactory:    func(r interfaces.Reactor) interfaces.Factory { return newServer(r, cfg) },
	}, args, stderr)
}
