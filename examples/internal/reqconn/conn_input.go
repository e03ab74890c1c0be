// Splitting a connection's input into requests for the Handler, buffering
// only an incomplete request, and holding input back while paused.

package reqconn

// feed hands the requests in data to the Handler, keeping an incomplete
// one in c.pending and what is left after a pause in c.held.
func (c *Conn) feed(data []byte) {
	for len(data) > 0 && !c.closing {
		if len(c.pending) > 0 {
			data = c.feedPending(data)
		} else {
			n := c.consume(data)
			data = data[n:]
			if !c.paused && !c.closing {
				// The tail is an incomplete request shorter than
				// MaxPending: the Handler would have failed otherwise.
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

// feedPending adds to the incomplete request in c.pending at most what
// fits under MaxPending, handles what is complete, and returns the part of
// data it did not take or handle.
func (c *Conn) feedPending(data []byte) []byte {
	old := len(c.pending)
	take := min(c.cfg.MaxPending-old, len(data))
	c.pending = append(c.pending, data[:take]...)
	n := c.consume(c.pending)
	switch {
	case n >= old: // the buffered request is done; go on from data itself
		c.pending = c.pending[:0]
		if cap(c.pending) > c.cfg.KeepBuffer {
			c.pending = nil
		}
		return data[n-old:]
	case n > 0:
		c.pending = c.pending[:copy(c.pending, c.pending[n:])]
	}
	return data[take:]
}

// consume hands the complete requests at the start of buf to the Handler
// and returns how many bytes they took. It stops early on a pause or an
// answer that ends the connection.
func (c *Conn) consume(buf []byte) int {
	done := 0
	for done < len(buf) && !c.paused && !c.closing {
		n := c.h.Handle(buf[done:])
		if n == 0 {
			break
		}
		done += n
	}
	return done
}
