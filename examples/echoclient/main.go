// The echo client protocol and the program: flags, endpoint, exit status.

package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/reactor"
)

// defaultLines are sent when no arguments are given.
var defaultLines = []string{"hello, world", "what a fine day it is", "bye-bye"}

// echoClient sends its lines and counts the echoes.
type echoClient struct {
	basic.LineReceiver
	lines []string
	got   int
	done  func(err error) // called once: nil when every echo came back
}

// ConnectionMade sends every line at once; the echoes come back in order.
func (c *echoClient) ConnectionMade() {
	for _, l := range c.lines {
		c.SendLine([]byte(l))
	}
}

// LineReceived prints one echo; after the last it hangs up.
func (c *echoClient) LineReceived(line []byte) {
	fmt.Printf("%s\n", line)
	if c.got++; c.got == len(c.lines) {
		c.Transport.LoseConnection()
	}
}

// ConnectionLost reports whether every echo came back.
func (c *echoClient) ConnectionLost(reason error) {
	c.LineReceiver.ConnectionLost(reason)
	if c.got < len(c.lines) {
		c.done(fmt.Errorf("connection closed after %d of %d echoes: %w", c.got, len(c.lines), reason))
		return
	}
	c.done(nil)
}

func main() {
	connect := flag.String("connect", "tcp:127.0.0.1:8000", "client endpoint of the echo server")
	flag.Parse()
	lines := flag.Args()
	if len(lines) == 0 {
		lines = defaultLines
	}

	r := reactor.Get()
	ep, err := endpoints.ClientFromString(r, *connect)
	if err != nil {
		fmt.Fprintln(os.Stderr, "echoclient:", err)
		os.Exit(2)
	}
	var failure error
	finished := false
	done := func(err error) {
		if !finished {
			finished, failure = true, err
			_ = r.Stop()
		}
	}
	r.CallWhenRunning(func() {
		f := protocol.ForProtocol(func() *echoClient {
			c := &echoClient{lines: lines, done: done}
			c.Handler = c
			c.Delimiter = []byte("\n")
			return c
		})
		ep.Connect(f).AddErrback(func(err error) (any, error) {
			done(err)
			return nil, nil
		})
	})
	if err := r.Run(); err != nil {
		failure = err
	}
	if failure != nil {
		fmt.Fprintln(os.Stderr, "echoclient:", describe(failure))
		os.Exit(1)
	}
}

// describe words a connection failure for a person.
func describe(err error) string {
	var ce *interfaces.ConnectError
	if errors.As(err, &ce) {
		return "cannot connect to " + ce.Addr + ": " + ce.Err.Error()
	}
	return err.Error()
}
