// Splitting a connection's input into commands, buffering only an
// incomplete command, and running each.

package main

// feed runs the commands in data, keeping an incomplete one in c.pending
// and what is left after a pause in c.held.
func (c *conn) feed(data []byte) {
	for len(data) > 0 && !c.closing {
		if len(c.pending) > 0 {
			data = c.feedPending(data)
		} else {
			n := c.consume(data)
			data = data[n:]
			if !c.paused && !c.closing {
				// The tail is an incomplete command shorter than maxInput:
				// parseCommand would have failed otherwise.
				c.pending = append(c.pending, data...)
				return
			}
		}
		if c.paused {
			c.held = append(c.held[:0], data...) // may overlap: append copies like memmove
			return
		}
	}
}

// feedPending adds to the incomplete command in c.pending at most what fits
// under the input limit, runs what is complete, and returns the part of
// data it did not take or run.
func (c *conn) feedPending(data []byte) []byte {
	old := len(c.pending)
	take := min(c.srv.lim.maxInput-old, len(data))
	c.pending = append(c.pending, data[:take]...)
	n := c.consume(c.pending)
	switch {
	case n >= old: // the buffered command is done; go on from data itself
		c.pending = c.pending[:0]
		if cap(c.pending) > keepBuffer {
			c.pending = nil
		}
		return data[n-old:]
	case n > 0:
		c.pending = c.pending[:copy(c.pending, c.pending[n:])]
	}
	return data[take:]
}

// consume runs the complete commands at the start of buf and returns how
// many bytes they took. It stops early on a pause or a closing reply.
func (c *conn) consume(buf []byte) int {
	done := 0
	for done < len(buf) && !c.paused && !c.closing {
		args, n, err := parseCommand(buf[done:], c.args, c.srv.lim)
		c.args = args
		if err != nil {
			c.protocolError(err)
			return done
		}
		if n == 0 {
			break
		}
		done += n
		if len(args) > 0 { // an empty command is not activity: it must not keep a connection alive
			c.progressed = true
			c.exec(args)
			clear(args) // do not keep the input reachable
		}
		if len(c.out) >= flushAt {
			c.flush()
		}
	}
	return done
}
