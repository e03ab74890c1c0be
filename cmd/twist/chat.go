// The chat service: a line-based chat room with nicknames and a few
// commands.

package main

import (
	"bytes"
	"fmt"
	"maps"
	"net"
	"slices"
	"strings"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/basic"
)

// Limits of the chat service.
const (
	maxChatLine = 1024 // longest line accepted, in bytes
	maxNickLen  = 32   // longest nickname
)

// chatHelp lists the commands; it ends the welcome line.
const chatHelp = "commands: /nick NAME, /who, /me ACTION, /quit"

// room is what the connections of one chat service share: who is here.
// Call only on the reactor goroutine.
type room struct {
	members map[string]*chatter // by nickname
}

// newChatFactory returns the factory of the chat service: every
// connection joins one room.
func newChatFactory() interfaces.Factory {
	rm := &room{members: map[string]*chatter{}}
	return protocol.NewFactory(func(net.Addr) interfaces.Protocol {
		c := &chatter{room: rm}
		c.Handler = c
		c.Delimiter = []byte("\n")
		c.MaxLength = maxChatLine
		return c
	})
}

// chatter is one connection to the room.
type chatter struct {
	basic.LineReceiver
	room *room
	nick string // "" until joined
}

// ConnectionMade gives the newcomer a guest name and announces it.
func (c *chatter) ConnectionMade() {
	_ = c.Transport.RegisterProducer(slowReaderGuard{c}, true)
	c.nick = c.room.guestName()
	c.room.members[c.nick] = c
	c.say("* welcome to twist chat, %s (%d here); %s", c.nick, len(c.room.members), chatHelp)
	c.broadcast("* %s joined", c.nick)
}

// ConnectionLost removes the chatter and tells the others.
func (c *chatter) ConnectionLost(reason error) {
	c.LineReceiver.ConnectionLost(reason)
	if c.nick != "" {
		delete(c.room.members, c.nick)
		c.broadcast("* %s left", c.nick)
	}
}

// LineReceived sends a message to everyone else or runs a command.
func (c *chatter) LineReceived(line []byte) {
	line = bytes.TrimSuffix(line, []byte("\r"))
	cmd, arg, _ := strings.Cut(string(line), " ")
	switch {
	case len(line) == 0:
	case line[0] != '/':
		c.broadcast("<%s> %s", c.nick, line)
	case cmd == "/nick":
		c.rename(strings.TrimSpace(arg))
	case cmd == "/who":
		c.say("* here: %s", strings.Join(slices.Sorted(maps.Keys(c.room.members)), ", "))
	case cmd == "/me":
		c.broadcast("* %s %s", c.nick, arg)
	case cmd == "/quit":
		c.say("* bye")
		c.Transport.LoseConnection()
	default:
		c.say("* unknown command %s; %s", cmd, chatHelp)
	}
}

// LineLengthExceeded refuses a too-long line but keeps the connection.
func (c *chatter) LineLengthExceeded([]byte) {
	c.say("* line too long (at most %d bytes)", maxChatLine)
}

// rename changes the nickname if the new one is valid and free.
func (c *chatter) rename(nick string) {
	switch {
	case !validNick(nick):
		c.say("* a nickname is 1 to %d letters, digits, '-' or '_'", maxNickLen)
	case c.room.members[nick] != nil:
		c.say("* %s is taken", nick)
	default:
		old := c.nick
		delete(c.room.members, old)
		c.nick = nick
		c.room.members[nick] = c
		c.say("* you are now %s", nick)
		c.broadcast("* %s is now %s", old, nick)
	}
}

// say sends one line to this chatter.
func (c *chatter) say(format string, args ...any) {
	c.SendLine(fmt.Appendf(nil, format, args...))
}

// broadcast sends one line to everyone in the room but this chatter.
func (c *chatter) broadcast(format string, args ...any) {
	msg := fmt.Appendf(nil, format, args...)
	for _, other := range c.room.members {
		if other != c {
			other.SendLine(msg)
		}
	}
}

// guestName returns the first free name guest1, guest2, ...
func (rm *room) guestName() string {
	for n := 1; ; n++ {
		name := fmt.Sprintf("guest%d", n)
		if rm.members[name] == nil {
			return name
		}
	}
}

// validNick reports whether nick is 1 to maxNickLen letters, digits, '-'
// or '_'.
func validNick(nick string) bool {
	if nick == "" || len(nick) > maxNickLen {
		return false
	}
	for _, r := range nick {
		ok := r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !ok {
			return false
		}
	}
	return true
}

// slowReaderGuard drops a chatter who does not read what the room sends.
// Registered as the streaming producer of the chatter's transport, it is
// paused once the output waiting for that peer passes the transport's
// high-water mark (64 KiB by default): without it, one client that never
// reads would make the server's memory grow with every message.
type slowReaderGuard struct{ c *chatter }

// PauseProducing drops the connection and its buffered output.
func (g slowReaderGuard) PauseProducing() { g.c.Transport.AbortConnection() }

// ResumeProducing does nothing: there is nothing to resume.
func (g slowReaderGuard) ResumeProducing() {}

// StopProducing does nothing: the connection is going away.
func (g slowReaderGuard) StopProducing() {}
