package policies_test

import (
	"fmt"
	"time"

	"github.com/twistgo/twistgo/internet/task"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/protocol/policies"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// echo writes back what it reads.
type echo struct{ protocol.Base }

func (e *echo) DataReceived(data []byte) { e.Transport.Write(data) }

func ExampleTimeoutFactory() {
	clock := task.NewClock() // the reactor, in a real program
	echo := protocol.ForProtocol(func() *echo { return &echo{} })
	f := policies.NewTimeoutFactory(clock, echo, time.Minute)

	p := f.BuildProtocol(nil)
	tr := transporttest.Connect(p, transporttest.NewStringTransport())

	clock.Advance(50 * time.Second)
	p.DataReceived([]byte("still here")) // traffic re-arms the timer
	clock.Advance(50 * time.Second)
	fmt.Println("closed after 100s with traffic at 50s:", tr.Disconnecting())
	clock.Advance(10 * time.Second)
	fmt.Println("closed after a minute idle:", tr.Disconnecting())
	// Output:
	// closed after 100s with traffic at 50s: false
	// closed after a minute idle: true
}

func ExampleLimitConnectionsByPeer() {
	f := policies.NewLimitConnectionsByPeer(protocol.ForProtocol(func() *echo { return &echo{} }), 2)
	for port := range 3 {
		p := f.BuildProtocol(tcpAddr("192.0.2.1", 5000+port))
		fmt.Printf("connection %d from 192.0.2.1: accepted %v\n", port+1, p != nil)
	}
	fmt.Println("connection from 192.0.2.2: accepted", f.BuildProtocol(tcpAddr("192.0.2.2", 5000)) != nil)
	// Output:
	// connection 1 from 192.0.2.1: accepted true
	// connection 2 from 192.0.2.1: accepted true
	// connection 3 from 192.0.2.1: accepted false
	// connection from 192.0.2.2: accepted true
}
