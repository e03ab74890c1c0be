package protocol_test

import (
	"fmt"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// shouter answers every chunk it reads in upper case.
type shouter struct{ protocol.Base }

func (s *shouter) DataReceived(data []byte) {
	for i, c := range data {
		if 'a' <= c && c <= 'z' {
			data[i] = c - 'a' + 'A'
		}
	}
	s.Transport.Write(data)
}

func ExampleForProtocol() {
	f := protocol.ForProtocol(func() *shouter { return &shouter{} })

	// The reactor would do this for each accepted connection.
	tr := transporttest.NewStringTransport()
	p := f.BuildProtocol(tr.GetPeer())
	transporttest.Connect(p, tr)
	p.DataReceived([]byte("hello"))

	fmt.Printf("%s (protocols built: %d)\n", tr.Value(), f.Built())
	// Output: HELLO (protocols built: 1)
}

// connector stands in for the reactor's: it reports each attempt.
type connector struct{ interfaces.Connector }

func (connector) Connect() error        { fmt.Println("connecting"); return nil }
func (connector) StopConnecting() error { return interfaces.ErrNotConnecting }

func ExampleReconnectingClientFactory() {
	clock := task.NewClock()
	f := protocol.NewReconnectingClientFactory(clock, nil)
	f.Jitter = 0 // keep the example's waits exact

	for range 3 {
		f.ClientConnectionFailed(connector{}, interfaces.ErrConnectionRefused)
		wait := f.Pending().Time().Sub(clock.Now())
		fmt.Printf("retry in %.3fs: ", wait.Seconds())
		clock.Advance(wait)
	}
	f.ResetDelay() // connected and working: start from the initial wait again
	f.StopTrying()
	fmt.Println("scheduled after StopTrying:", len(clock.DelayedCalls()))
	// Output:
	// retry in 1.000s: connecting
	// retry in 2.718s: connecting
	// retry in 7.389s: connecting
	// scheduled after StopTrying: 0
}
