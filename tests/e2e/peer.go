// Peers written with the standard library for programs under test to talk
// to: a loopback TCP service and a line-by-line one.

package e2e

import (
	"bufio"
	"io"
	"net"
	"testing"
)

// ServeTCP serves handle on a loopback TCP port with the standard library
// until the test ends, and returns the port's address (HOST:PORT). Each
// connection gets its own goroutine and is closed when handle returns.
// Call it from the test goroutine (it may call t.Fatal).
func ServeTCP(t testing.TB, handle func(c net.Conn)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return l.Addr().String()
}

// Lines returns a handler for ServeTCP that answers each line it reads
// with reply(line) and a newline, until the peer closes.
func Lines(reply func(line string) string) func(c net.Conn) {
	return func(c net.Conn) {
		in := bufio.NewScanner(c)
		for in.Scan() {
			io.WriteString(c, reply(in.Text())+"\n")
		}
	}
}
