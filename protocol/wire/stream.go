// The stream services: Echo, Discard, Chargen and QOTD.

package wire

import (
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
)

var (
	_ interfaces.Protocol = (*Echo)(nil)
	_ interfaces.Protocol = (*Discard)(nil)
	_ interfaces.Protocol = (*Chargen)(nil)
	_ interfaces.Producer = (*Chargen)(nil)
	_ interfaces.Protocol = (*QOTD)(nil)
)

// Echo writes back whatever it reads (RFC 862). Call only on the reactor
// goroutine.
//
// A peer that sends without reading cannot make Echo's output grow without
// bound: Echo registers its transport as its own streaming producer, so
// the transport stops reading while its output is above the high-water
// mark and reads again once the peer has taken it. (Twisted's Echo buffers
// without limit.)
//
// Twisted: wire.Echo.
type Echo struct{ protocol.Base }

// ConnectionMade makes the transport throttle its own reading by its
// output.
//
// Twisted: Echo.connectionMade (Protocol's, a no-op there).
func (e *Echo) ConnectionMade() { _ = e.Transport.RegisterProducer(e.Transport, true) }

// DataReceived writes data back to the peer.
//
// Twisted: Echo.dataReceived.
func (e *Echo) DataReceived(data []byte) { e.Transport.Write(data) }

// Discard reads and ignores everything (RFC 863). Call only on the reactor
// goroutine.
//
// Twisted: wire.Discard.
type Discard struct{ protocol.Base }

// DataReceived ignores data.
//
// Twisted: Discard.dataReceived.
func (d *Discard) DataReceived(data []byte) {}

// Chargen sends the RFC 864 character pattern until the peer hangs up, as
// a pull producer, so it writes only as fast as the peer reads, and ignores
// what it reads. The pattern is lines of 72 printable ASCII characters and
// CRLF, each line starting one character further along the 95 printable
// characters. (Twisted sends a fixed 71-byte run without line breaks.)
// Call only on the reactor goroutine.
//
// Twisted: wire.Chargen.
type Chargen struct{ protocol.Base }

// ConnectionMade registers the Chargen as its transport's pull producer.
//
// Twisted: Chargen.connectionMade.
func (c *Chargen) ConnectionMade() { _ = c.Transport.RegisterProducer(c, false) }

// DataReceived ignores data.
//
// Twisted: Chargen (which ignores input, as RFC 864 says).
func (c *Chargen) DataReceived(data []byte) {}

// ResumeProducing writes one full cycle of the pattern (95 lines).
//
// Twisted: Chargen.resumeProducing.
func (c *Chargen) ResumeProducing() { c.Transport.Write(chargenCycle) }

// PauseProducing does nothing: a pull producer writes only when asked.
//
// Twisted: Chargen.pauseProducing.
func (c *Chargen) PauseProducing() {}

// StopProducing does nothing: the connection is going away.
//
// Twisted: Chargen.stopProducing.
func (c *Chargen) StopProducing() {}

// chargenCycle is the 95 lines after which the RFC 864 pattern repeats;
// never modified.
var chargenCycle = chargenPattern()

func chargenPattern() []byte {
	const first, count, width = ' ', 95, 72
	b := make([]byte, 0, count*(width+2))
	for line := range count {
		for i := range width {
			b = append(b, byte(first+(line+i)%count))
		}
		b = append(b, '\r', '\n')
	}
	return b
}

// DefaultQuote is what QOTD sends when Quote is empty.
const DefaultQuote = "An apple a day keeps the doctor away.\r\n"

// QOTD sends a quote and closes the connection (RFC 865). Call only on the
// reactor goroutine.
//
// Twisted: wire.QOTD.
type QOTD struct {
	protocol.Base
	// Quote is sent as it is, so end it with CRLF; "" means DefaultQuote.
	Quote string
}

// ConnectionMade sends the quote and closes the connection.
//
// Twisted: QOTD.connectionMade.
func (q *QOTD) ConnectionMade() {
	quote := q.Quote
	if quote == "" {
		quote = DefaultQuote
	}
	q.Transport.Write([]byte(quote))
	q.Transport.LoseConnection()
}
