// The entry point: parse, run, exit code.

package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	cfg, err := parseArgs(os.Args[1:], os.Stdout)
	if err == nil {
		err = run(cfg, os.Stderr)
	}
	os.Exit(exitCode(err))
}

// exitCode reports err on stderr as one line and maps it to the exit code:
// 0 for none (or help printed), 2 for a usage error, 1 otherwise.
func exitCode(err error) int {
	var usage *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &usage):
		fmt.Fprintln(os.Stderr, "twist:", err)
		return 2
	default:
		fmt.Fprintln(os.Stderr, "twist:", err)
		return 1
	}
}
