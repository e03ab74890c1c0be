// A connection's responses: queueing them in order, and closing after one
// that ends the connection.

package main

// respond queues the response to the request just read.
func (c *conn) respond() {
	hdr := connDefault
	switch {
	case !c.keepAlive:
		hdr = connClose
		c.CloseAfterOutput()
	case c.minor == 0:
		hdr = connKeepAlive // HTTP/1.0 closes unless told otherwise
	}
	c.Out, c.scratch = appendRoute(c.Out, c.scratch, c.route, c.srv.date.buf, hdr, c.headOnly)
	c.Answered()
}

// fail queues the response for a request the server cannot read past and
// closes the connection after it.
func (c *conn) fail(err *statusError, headOnly bool) {
	c.Out = appendStatus(c.Out, err.status, c.srv.date.buf, connClose, headOnly)
	c.Fail()
}
