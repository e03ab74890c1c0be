// The chat protocol, its shared room, and the program.

package main

import (
	"bytes"
	"flag"
	"fmt"
	"net"
	"os"

	"github.com/twistgo/twistgo/examples/internal/serve"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/basic"
)

// Chat is one client of the room.
type Chat struct {
	basic.LineReceiver
	users map[string]*Chat // everyone who chose a name; shared by the room
	name  string           // "" until this client chose one
}

// ConnectionMade asks for a nickname.
func (c *Chat) ConnectionMade() {
	c.SendLine([]byte("What's your name?"))
}

// LineReceived takes the first line as the nickname and every later one as
// a message for the others.
func (c *Chat) LineReceived(line []byte) {
	line = bytes.TrimSuffix(line, []byte("\r"))
	if c.name == "" {
		c.chooseName(string(line))
		return
	}
	c.broadcast(fmt.Sprintf("<%s> %s", c.name, line))
}

// chooseName enters the room under name, unless it is taken.
func (c *Chat) chooseName(name string) {
	if name == "" || c.users[name] != nil {
		c.SendLine([]byte("Name taken, please choose another."))
		return
	}
	c.name = name
	c.users[name] = c
	c.SendLine([]byte("Welcome, " + name + "!"))
}

// ConnectionLost takes the client out of the room and tells the others.
func (c *Chat) ConnectionLost(reason error) {
	c.LineReceiver.ConnectionLost(reason)
	if c.name != "" {
		delete(c.users, c.name)
		c.broadcast(c.name + " has left")
	}
}

// broadcast sends msg to everyone in the room except c.
func (c *Chat) broadcast(msg string) {
	for _, other := range c.users {
		if other != c {
			other.SendLine([]byte(msg))
		}
	}
}

// newFactory returns a factory whose protocols share one room.
func newFactory() interfaces.Factory {
	users := map[string]*Chat{}
	return protocol.NewFactory(func(net.Addr) interfaces.Protocol {
		c := &Chat{users: users}
		c.Handler = c
		c.Delimiter = []byte("\n")
		return c
	})
}

func main() {
	listen := flag.String("listen", "tcp:8000", "server endpoint to listen on, such as tcp:0:interface=127.0.0.1")
	flag.Parse()
	os.Exit(serve.Run("chat", *listen, func(interfaces.Reactor) interfaces.Factory {
		return newFactory()
	}))
}
