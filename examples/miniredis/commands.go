// The command table and the commands: each checks its arguments, works on
// the store, and appends its reply to the connection's reply buffer.

package main

import (
	"math"
	"time"
)

// command is one entry of the command table.
type command struct {
	name  string // lower case, as error messages show it
	arity int    // as Redis counts it: n exactly n arguments, -n at least n
	run   func(c *conn, args [][]byte)
}

// maxNameLen is the longest command name in the table.
const maxNameLen = 8

// commandTable maps upper-case command names to commands.
var commandTable = map[string]command{
	"PING":     {"ping", -1, cmdPing},
	"ECHO":     {"echo", 2, cmdEcho},
	"SET":      {"set", -3, cmdSet},
	"GET":      {"get", 2, cmdGet},
	"DEL":      {"del", -2, cmdDel},
	"EXISTS":   {"exists", -2, cmdExists},
	"INCR":     {"incr", 2, cmdIncr},
	"INCRBY":   {"incrby", 3, cmdIncrBy},
	"MGET":     {"mget", -2, cmdMGet},
	"MSET":     {"mset", -3, cmdMSet},
	"DBSIZE":   {"dbsize", 1, cmdDBSize},
	"FLUSHALL": {"flushall", -1, cmdFlushAll},
	"SELECT":   {"select", 2, cmdSelect},
	"COMMAND":  {"command", -1, cmdCommand},
	"CONFIG":   {"config", -2, cmdConfig},
	"CLIENT":   {"client", -2, cmdClient},
	"QUIT":     {"quit", -1, cmdQuit},
}

// exec runs one command; args[0] is its name, in any case.
func (c *conn) exec(args [][]byte) {
	var upper [maxNameLen]byte
	cmd, ok := lookup(args[0], &upper)
	switch {
	case !ok:
		c.Out = appendUnknown(c.Out, args)
	case (cmd.arity > 0 && len(args) != cmd.arity) || len(args) < -cmd.arity:
		c.replyArity(cmd.name)
	default:
		cmd.run(c, args)
	}
}

// lookup finds the command named name, upper-casing it into buf so that
// the map lookup does not allocate.
func lookup(name []byte, buf *[maxNameLen]byte) (command, bool) {
	if len(name) > len(buf) {
		return command{}, false
	}
	for i, ch := range name {
		buf[i] = upper(ch)
	}
	cmd, ok := commandTable[string(buf[:len(name)])]
	return cmd, ok
}

// appendUnknown appends Redis's reply to an unknown command, which quotes
// the name and the beginning of the arguments.
func appendUnknown(b []byte, args [][]byte) []byte {
	const quoted = 128 // as Redis: at most this much of the name, and of the arguments
	b = append(b, "-ERR unknown command '"...)
	b = appendSanitized(b, args[0], quoted)
	b = append(b, "', with args beginning with: "...)
	used := 0
	for _, a := range args[1:] {
		if used >= quoted {
			break
		}
		start := len(b)
		b = append(b, '\'')
		b = appendSanitized(b, a, quoted-used)
		b = append(b, '\'', ' ')
		used += len(b) - start
	}
	return append(b, '\r', '\n')
}

// replyArity appends the wrong-number-of-arguments error for cmd.
func (c *conn) replyArity(cmd string) {
	c.Out = append(c.Out, "-ERR wrong number of arguments for '"...)
	c.Out = append(c.Out, cmd...)
	c.Out = append(c.Out, "' command\r\n"...)
}

// replyErr appends err as an error reply.
func (c *conn) replyErr(err error) { c.Out = appendError(c.Out, err.Error()) }

func cmdPing(c *conn, args [][]byte) {
	switch len(args) {
	case 1:
		c.Out = appendSimple(c.Out, "PONG")
	case 2:
		c.replyBulk(args[1])
	default:
		c.replyArity("ping")
	}
}

func cmdEcho(c *conn, args [][]byte) { c.replyBulk(args[1]) }

// cmdSet is SET key value [NX|XX] [EX seconds|PX milliseconds|KEEPTTL].
func cmdSet(c *conn, args [][]byte) {
	opts, msg := parseSetOptions(args[3:])
	if msg != "" {
		c.Out = appendError(c.Out, msg)
		return
	}
	s := c.srv.store
	if opts.nx || opts.xx {
		if exists := s.get(args[1]) != nil; exists == opts.nx {
			c.Out = appendNull(c.Out)
			return
		}
	}
	if err := s.set(args[1], args[2], opts.ttl, opts.keepTTL); err != nil {
		c.replyErr(err)
		return
	}
	c.Out = appendSimple(c.Out, "OK")
}

// setOptions are SET's optional arguments.
type setOptions struct {
	nx, xx, keepTTL bool
	ttl             time.Duration // 0: none given
}

// parseSetOptions reads SET's options, or returns the error reply.
func parseSetOptions(opts [][]byte) (setOptions, string) {
	var o setOptions
	for i := 0; i < len(opts); i++ {
		expire := o.ttl > 0 || o.keepTTL
		switch opt := opts[i]; {
		case equalFold(opt, "NX") && !o.xx:
			o.nx = true
		case equalFold(opt, "XX") && !o.nx:
			o.xx = true
		case equalFold(opt, "KEEPTTL") && !expire:
			o.keepTTL = true
		case (equalFold(opt, "EX") || equalFold(opt, "PX")) && !expire && i+1 < len(opts):
			unit := time.Second
			if equalFold(opt, "PX") {
				unit = time.Millisecond
			}
			n, ok := parseInt(opts[i+1])
			if !ok {
				return o, errNotInt.Error()
			}
			if n <= 0 || n > math.MaxInt64/int64(unit) {
				return o, "ERR invalid expire time in 'set' command"
			}
			o.ttl = time.Duration(n) * unit
			i++
		default:
			return o, "ERR syntax error"
		}
	}
	return o, ""
}

func cmdGet(c *conn, args [][]byte) {
	if e := c.srv.store.get(args[1]); e != nil {
		c.replyBulk(e.val)
		return
	}
	c.Out = appendNull(c.Out)
}

func cmdDel(c *conn, args [][]byte) {
	var n int64
	for _, k := range args[1:] {
		if c.srv.store.del(k) {
			n++
		}
	}
	c.Out = appendInt(c.Out, n)
}

func cmdExists(c *conn, args [][]byte) {
	var n int64
	for _, k := range args[1:] {
		if c.srv.store.get(k) != nil {
			n++
		}
	}
	c.Out = appendInt(c.Out, n)
}

func cmdIncr(c *conn, args [][]byte) { c.incrBy(args[1], 1) }

func cmdIncrBy(c *conn, args [][]byte) {
	delta, ok := parseInt(args[2])
	if !ok {
		c.replyErr(errNotInt)
		return
	}
	c.incrBy(args[1], delta)
}

func (c *conn) incrBy(key []byte, delta int64) {
	n, err := c.srv.store.incrBy(key, delta)
	if err != nil {
		c.replyErr(err)
		return
	}
	c.Out = appendInt(c.Out, n)
}

func cmdMGet(c *conn, args [][]byte) {
	c.Out = appendArrayHeader(c.Out, len(args)-1)
	for _, k := range args[1:] {
		if e := c.srv.store.get(k); e != nil {
			c.replyBulk(e.val)
		} else {
			c.Out = appendNull(c.Out)
		}
	}
}

// cmdMSet sets every pair or none: the memory check counts every pair as a
// new key first, so no set fails halfway.
func cmdMSet(c *conn, args [][]byte) {
	if len(args)%2 == 0 {
		c.replyArity("mset")
		return
	}
	s := c.srv.store
	need := 0
	for i := 1; i < len(args); i += 2 {
		need += len(args[i]) + len(args[i+1]) + entryOverhead
	}
	if s.used+need > s.maxMemory {
		c.replyErr(errOOM)
		return
	}
	for i := 1; i < len(args); i += 2 {
		_ = s.set(args[i], args[i+1], 0, false) // cannot fail: checked above
	}
	c.Out = appendSimple(c.Out, "OK")
}

func cmdDBSize(c *conn, _ [][]byte) { c.Out = appendInt(c.Out, int64(len(c.srv.store.data))) }

// cmdFlushAll accepts Redis's ASYNC and SYNC modes and does the same for
// both: clearing a map is quick.
func cmdFlushAll(c *conn, args [][]byte) {
	if len(args) > 2 || (len(args) == 2 && !equalFold(args[1], "ASYNC") && !equalFold(args[1], "SYNC")) {
		c.Out = appendError(c.Out, "ERR syntax error")
		return
	}
	c.srv.store.flush()
	c.Out = appendSimple(c.Out, "OK")
}

// cmdSelect accepts only database 0, the one database there is.
func cmdSelect(c *conn, args [][]byte) {
	switch n, ok := parseInt(args[1]); {
	case !ok:
		c.replyErr(errNotInt)
	case n != 0:
		c.Out = appendError(c.Out, "ERR DB index is out of range")
	default:
		c.Out = appendSimple(c.Out, "OK")
	}
}
