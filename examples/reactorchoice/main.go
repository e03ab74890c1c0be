// The program: install by name, run, report.

package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/twistgo/twistgo/reactor"
)

func main() {
	name := flag.String("reactor", "poll", "reactor to install: one of "+strings.Join(reactor.Names(), ", "))
	flag.Parse()

	// Install before the first reactor.Get: Get would install the
	// platform's default, and a reactor is installed only once.
	if err := reactor.InstallByName(*name); err != nil {
		fmt.Fprintln(os.Stderr, "reactorchoice:", err) // it lists the names offered
		os.Exit(2)
	}
	r := reactor.Get()
	r.CallWhenRunning(func() {
		fmt.Printf("running the %s reactor\n", reactor.Name())
		if err := reactor.InstallByName("select"); err != nil {
			fmt.Printf("installing another now fails: %v\n", err)
		}
		_ = r.Stop()
	})
	if err := r.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "reactorchoice:", err)
		os.Exit(1)
	}
}
