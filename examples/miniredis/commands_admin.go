// Commands about the connection and the server rather than the data:
// COMMAND, CONFIG, CLIENT and QUIT, implemented as far as redis-cli and
// redis-benchmark use them.

package main

// cmdCommand answers every form of COMMAND with an empty array: redis-cli
// asks COMMAND DOCS for its hints and does without them.
func cmdCommand(c *conn, _ [][]byte) { c.Out = appendArrayHeader(c.Out, 0) }

// configParams are the parameters CONFIG GET knows, with the values that
// say there is no persistence: redis-benchmark asks for these two.
var configParams = [...]struct{ name, value string }{
	{"save", ""},
	{"appendonly", "no"},
}

// cmdConfig is CONFIG GET parameter...: names are matched exactly, without
// glob patterns.
func cmdConfig(c *conn, args [][]byte) {
	if !equalFold(args[1], "GET") {
		c.replyUnknownSub(args[1], "CONFIG")
		return
	}
	if len(args) < 3 {
		c.replyArity("config|get")
		return
	}
	n := 0
	for _, p := range configParams {
		if anyEqualFold(args[2:], p.name) {
			n++
		}
	}
	c.Out = appendArrayHeader(c.Out, 2*n)
	for _, p := range configParams {
		if anyEqualFold(args[2:], p.name) {
			c.Out = appendBulkString(c.Out, p.name)
			c.Out = appendBulkString(c.Out, p.value)
		}
	}
}

// cmdClient is CLIENT SETNAME name and CLIENT GETNAME.
func cmdClient(c *conn, args [][]byte) {
	switch sub := args[1]; {
	case equalFold(sub, "SETNAME") && len(args) == 3:
		if !validClientName(args[2]) {
			c.Out = appendError(c.Out, "ERR Client names cannot contain spaces, newlines or special characters.")
			return
		}
		c.name = append(c.name[:0], args[2]...)
		c.Out = appendSimple(c.Out, "OK")
	case equalFold(sub, "GETNAME") && len(args) == 2:
		if len(c.name) == 0 {
			c.Out = appendNull(c.Out)
			return
		}
		c.replyBulk(c.name)
	case equalFold(sub, "SETNAME"), equalFold(sub, "GETNAME"):
		c.replyArity("client|" + string(lower(sub)))
	default:
		c.replyUnknownSub(sub, "CLIENT")
	}
}

// validClientName reports whether name is printable ASCII without spaces;
// an empty name clears the name, as in Redis.
func validClientName(name []byte) bool {
	for _, ch := range name {
		if ch < '!' || ch > '~' {
			return false
		}
	}
	return true
}

// cmdQuit replies OK and closes the connection once the reply is sent.
func cmdQuit(c *conn, _ [][]byte) {
	c.Out = appendSimple(c.Out, "OK")
	c.CloseAfterOutput()
}

// replyUnknownSub appends Redis's reply to an unknown subcommand.
func (c *conn) replyUnknownSub(sub []byte, cmd string) {
	c.Out = append(c.Out, "-ERR unknown subcommand '"...)
	c.Out = appendSanitized(c.Out, sub, 128)
	c.Out = append(c.Out, "'. Try "...)
	c.Out = append(c.Out, cmd...)
	c.Out = append(c.Out, " HELP.\r\n"...)
}

// equalFold reports whether b and the ASCII word s are equal, ignoring
// case. It does not allocate.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i, ch := range b {
		if upper(ch) != upper(s[i]) {
			return false
		}
	}
	return true
}

func upper(ch byte) byte {
	if 'a' <= ch && ch <= 'z' {
		return ch - ('a' - 'A')
	}
	return ch
}

// anyEqualFold reports whether any of args equals name, ignoring case.
func anyEqualFold(args [][]byte, name string) bool {
	for _, a := range args {
		if equalFold(a, name) {
			return true
		}
	}
	return false
}

// lower returns an ASCII lower-case copy of b.
func lower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, ch := range b {
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		out[i] = ch
	}
	return out
}
