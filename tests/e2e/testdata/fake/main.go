// Command fake stands in for a Twistgo server in the tests of package e2e:
// it logs "listening on" lines for the addresses given, writes a partial
// last line, and on SIGTERM exits with the code given.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	code := flag.Int("code", 0, "exit code on SIGTERM")
	now := flag.Bool("now", false, "exit at once instead of waiting for SIGTERM")
	flag.Parse()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	for _, addr := range flag.Args() {
		fmt.Fprintf(os.Stderr, "level=INFO msg=\"listening on %s\" transport=tcp\n", addr)
	}
	fmt.Print("ready")
	if !*now {
		<-sig
	}
	fmt.Println(" bye")
	os.Exit(*code)
}
