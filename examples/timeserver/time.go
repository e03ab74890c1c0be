// The time protocols: one for streams, one for datagrams.

package main

import (
	"fmt"
	"net"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

// timeLine formats now as the reply.
func timeLine(now time.Time) []byte {
	return now.UTC().AppendFormat(nil, time.RFC3339Nano+"\r\n")
}

// TimeStream answers the first bytes of a connection with the time and
// hangs up.
type TimeStream struct {
	protocol.Base
	clock interfaces.ReactorTime
}

// DataReceived replies once; LoseConnection stops reading, so later bytes
// are ignored.
func (t *TimeStream) DataReceived([]byte) {
	t.Transport.Write(timeLine(t.clock.Now()))
	t.Transport.LoseConnection()
}

// TimeDatagram answers every datagram with the time.
type TimeDatagram struct {
	protocol.DatagramBase
	clock interfaces.ReactorTime
}

// DatagramReceived sends the time back to the sender.
func (t *TimeDatagram) DatagramReceived(_ []byte, addr net.Addr) {
	if err := t.Transport.Write(timeLine(t.clock.Now()), addr); err != nil {
		fmt.Println("timeserver: reply to", addr, "failed:", err)
	}
}
