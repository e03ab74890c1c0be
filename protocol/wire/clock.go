// The time services over TCP: Daytime and Time.

package wire

import (
	"encoding/binary"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

var (
	_ interfaces.Protocol = (*Daytime)(nil)
	_ interfaces.Protocol = (*Time)(nil)
)

// Daytime sends the current time as text and closes the connection (RFC
// 867). The text is C's asctime in UTC and CRLF, as Twisted means it to be:
// "Mon Jan  2 15:04:05 2006\r\n". Call only on the reactor goroutine.
//
// Twisted: wire.Daytime.
type Daytime struct {
	protocol.Base
	// Clock tells the time; nil means the system clock.
	Clock interfaces.ReactorTime
}

// ConnectionMade sends the time and closes the connection.
//
// Twisted: Daytime.connectionMade.
func (d *Daytime) ConnectionMade() {
	d.Transport.Write(daytime(d.Clock))
	d.Transport.LoseConnection()
}

// Time sends the current time as RFC 868 wants it and closes the
// connection: four bytes, big-endian, the seconds since 1900-01-01 00:00
// UTC modulo 2^32 (Twisted sends seconds since 1970). Call only on the
// reactor goroutine.
//
// Twisted: wire.Time.
type Time struct {
	protocol.Base
	// Clock tells the time; nil means the system clock.
	Clock interfaces.ReactorTime
}

// ConnectionMade sends the time and closes the connection.
//
// Twisted: Time.connectionMade.
func (t *Time) ConnectionMade() {
	t.Transport.Write(rfc868(t.Clock))
	t.Transport.LoseConnection()
}

// rfc868Epoch is 1900-01-01 00:00 UTC in Unix seconds.
const rfc868Epoch = -2208988800

func now(clock interfaces.ReactorTime) time.Time {
	if clock == nil {
		return time.Now()
	}
	return clock.Now()
}

// daytime returns the RFC 867 answer.
func daytime(clock interfaces.ReactorTime) []byte {
	return now(clock).UTC().AppendFormat(make([]byte, 0, 26), time.ANSIC+"\r\n")
}

// rfc868 returns the RFC 868 answer; the conversion to uint32 wraps, as the
// RFC's 32-bit count does in 2036.
func rfc868(clock interfaces.ReactorTime) []byte {
	return binary.BigEndian.AppendUint32(make([]byte, 0, 4), uint32(now(clock).Unix()-rfc868Epoch))
}
