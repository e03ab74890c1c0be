// Splitting a connection's input into requests: buffering only an
// incomplete head, reading and dropping bodies, and deciding each response.

package main

// feed handles the requests in data, keeping an incomplete head in
// c.pending and what is left after a pause in c.held.
func (c *conn) feed(data []byte) {
	for len(data) > 0 && !c.closing {
		if len(c.pending) > 0 {
			data = c.feedPending(data)
		} else {
			n := c.consume(data)
			data = data[n:]
			if !c.paused && !c.closing {
				// The tail is an incomplete head shorter than
				// maxHeaderBytes: parseHead would have failed otherwise.
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

// feedPending adds to the incomplete head in c.pending at most what fits
// under the limit, handles what is complete, and returns the part of data
// it did not take or handle.
func (c *conn) feedPending(data []byte) []byte {
	old := len(c.pending)
	take := min(c.srv.lim.maxHeaderBytes-old, len(data))
	c.pending = append(c.pending, data[:take]...)
	n := c.consume(c.pending)
	switch {
	case n >= old: // the buffered head is done; go on from data itself
		c.pending = c.pending[:0]
		return data[n-old:]
	case n > 0:
		c.pending = c.pending[:copy(c.pending, c.pending[n:])]
	}
	return data[take:]
}

// consume handles the complete requests and body bytes at the start of buf
// and returns how many bytes it used. It stops early on a pause or a
// response that ends the connection.
func (c *conn) consume(buf []byte) int {
	done := 0
	for done < len(buf) && !c.paused && !c.closing {
		if c.bodyLeft > 0 {
			k := int(min(c.bodyLeft, int64(len(buf)-done)))
			c.bodyLeft -= int64(k)
			done += k
			if c.bodyLeft == 0 {
				c.respond()
			}
			continue
		}
		n, err := parseHead(buf[done:], &c.req, c.srv.lim)
		if err != nil {
			c.fail(err.(*statusError), false)
			return done
		}
		if n == 0 {
			break
		}
		done += n
		if c.req.method != nil {
			c.begin()
		}
	}
	return done
}

// begin decides the response to the head in c.req and sends it now, or
// once the body has been read.
func (c *conn) begin() {
	req := &c.req
	c.headOnly = string(req.method) == "HEAD"
	if err := c.srv.check(req); err != nil {
		c.fail(err.(*statusError), c.headOnly)
		return
	}
	c.route = routeFor(req)
	c.minor = req.minor
	c.keepAlive = !req.close && (req.minor == 1 || req.keepAlive)
	c.bodyLeft = max(req.contentLength, 0)
	if c.bodyLeft > 0 && req.expectContinue && req.minor == 1 {
		c.out = append(c.out, "HTTP/1.1 100 Continue\r\n\r\n"...) // RFC 9110 §10.1.1
	}
	c.req = request{}
	if c.bodyLeft == 0 {
		c.respond()
	}
}
