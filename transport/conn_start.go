//go:build unix

// Starting a connection: registering it with the loop and introducing it
// to its protocol.

package transport

// Start registers the connection with its loop for reading and hands it to
// the protocol: MakeConnection, then ConnectionMade, both on the user's own
// value. What ConnectionMade writes leaves in one system call when it
// returns. A panic in either closes only this connection, with the
// *interfaces.PanicError as the reason.
//
// It returns the loop's error (such as interfaces.ErrTooManyDescriptors)
// if the socket cannot be watched; the socket is then closed and the
// protocol never called. Call only on the reactor goroutine.
//
// Twisted: the tail of tcp.Port.doRead and tcp.BaseClient._connectDone.
func (t *Conn) Start() error {
	if err := t.loop.AddReader(t); err != nil {
		t.lostTold = true
		t.release(false)
		return err
	}
	t.started, t.reading = true, true
	defer t.recoverPanic()
	t.inCallback = true
	t.proto.MakeConnection(t)
	t.proto.ConnectionMade()
	t.inCallback = false
	t.settle()
	return nil
}
