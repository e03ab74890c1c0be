package policies_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
	"github.com/twistgo/twistgo/protocol/policies"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// throttled builds a ThrottlingFactory on a fresh clock and connects one
// protocol through it.
func throttled(t *testing.T, configure func(*policies.ThrottlingFactory)) (*task.Clock, *policies.ThrottlingFactory, interfaces.Protocol, *recorder, *transporttest.StringTransport) {
	t.Helper()
	clock := task.NewClock()
	inner := newRecorders()
	f := policies.NewThrottlingFactory(clock, inner)
	configure(f)
	p := f.BuildProtocol(tcpAddr("192.0.2.1", 1))
	if p == nil {
		t.Fatal("BuildProtocol refused the first connection")
	}
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	return clock, f, p, inner.built[0], tr
}

// states advances the clock by one second at a time and records the
// transport's reading state after each.
func states(clock *task.Clock, tr *transporttest.StringTransport, seconds int) []string {
	var got []string
	for range seconds {
		clock.Advance(time.Second)
		got = append(got, tr.ProducerState().String())
	}
	return got
}

func TestThrottlingReads(t *testing.T) {
	clock, _, p, _, tr := throttled(t, func(f *policies.ThrottlingFactory) { f.ReadLimit = 10 })
	p.DataReceived(make([]byte, 30)) // 3x the limit: throttle for 2s
	want := []string{"paused", "paused", "producing", "producing"}
	if diff := cmp.Diff(want, states(clock, tr, 4)); diff != "" {
		t.Errorf("reading state at 1s..4s (-want +got):\n%s", diff)
	}
	p.DataReceived(make([]byte, 10)) // at the limit: not throttled
	if diff := cmp.Diff([]string{"producing"}, states(clock, tr, 1)); diff != "" {
		t.Errorf("reading state at the limit (-want +got):\n%s", diff)
	}
}

func TestThrottlingRespectsTheProtocolsOwnPause(t *testing.T) {
	clock, _, p, inner, tr := throttled(t, func(f *policies.ThrottlingFactory) { f.ReadLimit = 10 })
	inner.Transport.PauseProducing()
	p.DataReceived(make([]byte, 20)) // throttle for 1s
	clock.Advance(time.Second)       // throttled
	clock.Advance(time.Second)       // released
	if tr.ProducerState() != transporttest.Paused {
		t.Fatalf("unthrottling resumed a transport the protocol paused")
	}
	inner.Transport.ResumeProducing()
	if tr.ProducerState() != transporttest.Producing {
		t.Fatalf("the protocol's resume did not resume the transport")
	}

	p.DataReceived(make([]byte, 50)) // throttle at 3s for 4s
	clock.Advance(time.Second)
	inner.Transport.PauseProducing()
	inner.Transport.ResumeProducing() // the throttle still holds it
	if tr.ProducerState() != transporttest.Paused {
		t.Fatalf("the protocol's resume undid the throttle")
	}
	clock.Advance(4 * time.Second)
	if tr.ProducerState() != transporttest.Producing {
		t.Fatalf("not resumed after the throttle ended")
	}
}

func TestThrottlingWritesPauseAStreamingProducer(t *testing.T) {
	clock, _, _, inner, tr := throttled(t, func(f *policies.ThrottlingFactory) { f.WriteLimit = 10 })
	producer := &counter{}
	if err := inner.Transport.RegisterProducer(producer, true); err != nil {
		t.Fatalf("RegisterProducer: %v", err)
	}
	inner.Transport.Write(make([]byte, 30))
	inner.Transport.WriteSequence([][]byte{make([]byte, 10), make([]byte, 10)}) // 50: throttle for 4s
	clock.Advance(time.Second)
	if diff := cmp.Diff(counter{Pauses: 1}, *producer); diff != "" {
		t.Fatalf("producer calls once throttled (-want +got):\n%s", diff)
	}

	// The transport's own flow control pauses it too; the end of the
	// throttle must not resume it while the transport's buffer is full.
	gate, _ := tr.Producer()
	gate.PauseProducing()
	clock.Advance(4 * time.Second)
	if diff := cmp.Diff(counter{Pauses: 1}, *producer); diff != "" {
		t.Fatalf("producer calls after the throttle, transport still full (-want +got):\n%s", diff)
	}
	gate.ResumeProducing()
	if diff := cmp.Diff(counter{Pauses: 1, Resumes: 1}, *producer); diff != "" {
		t.Fatalf("producer calls after the transport drained (-want +got):\n%s", diff)
	}
	gate.StopProducing()
	if producer.Stops != 1 {
		t.Errorf("StopProducing did not reach the producer")
	}
	if err := inner.Transport.RegisterProducer(&counter{}, true); err == nil {
		t.Errorf("a second RegisterProducer succeeded")
	}
	inner.Transport.UnregisterProducer()
	if reg, _ := tr.Producer(); reg != nil {
		t.Errorf("producer still registered with the transport")
	}
}

func TestThrottlingWritesHoldAPullProducer(t *testing.T) {
	clock, _, _, inner, tr := throttled(t, func(f *policies.ThrottlingFactory) { f.WriteLimit = 10 })
	producer := &counter{}
	if err := inner.Transport.RegisterProducer(producer, false); err != nil {
		t.Fatalf("RegisterProducer: %v", err)
	}
	if producer.Resumes != 1 {
		t.Fatalf("pull producer not asked for data at registration: %+v", *producer)
	}
	inner.Transport.Write(make([]byte, 30)) // throttle for 2s
	clock.Advance(time.Second)
	gate, _ := tr.Producer()
	gate.ResumeProducing() // the transport wants more, but the throttle holds it
	if producer.Resumes != 1 {
		t.Fatalf("pull producer asked for data while throttled")
	}
	clock.Advance(2 * time.Second)
	if diff := cmp.Diff(counter{Resumes: 2}, *producer); diff != "" {
		t.Errorf("producer calls (-want +got):\n%s", diff)
	}
}

func TestThrottlingWritesWithoutAProducer(t *testing.T) {
	clock, _, _, inner, tr := throttled(t, func(f *policies.ThrottlingFactory) { f.WriteLimit = 10 })
	inner.Transport.Write(make([]byte, 100))
	clock.Advance(3 * time.Second)
	if len(tr.Value()) != 100 || tr.ProducerState() != transporttest.Producing {
		t.Errorf("wrote %d bytes, reading %v", len(tr.Value()), tr.ProducerState())
	}
}

func TestThrottlingNewConnectionJoinsTheThrottle(t *testing.T) {
	clock, f, p, _, _ := throttled(t, func(f *policies.ThrottlingFactory) { f.ReadLimit, f.WriteLimit = 10, 10 })
	p.DataReceived(make([]byte, 40))
	p.(interfaces.Transport).Write(make([]byte, 40))
	clock.Advance(time.Second) // both throttled for 3s
	late := f.BuildProtocol(tcpAddr("192.0.2.2", 1))
	tr := transporttest.Connect(late, transporttest.NewStringTransport())
	producer := &counter{}
	if err := late.(interfaces.Transport).RegisterProducer(producer, true); err != nil {
		t.Fatalf("RegisterProducer: %v", err)
	}
	if tr.ProducerState() != transporttest.Paused || producer.Pauses != 1 {
		t.Fatalf("late connection: reading %v, producer %+v; want both paused", tr.ProducerState(), *producer)
	}
	clock.Advance(3 * time.Second)
	if tr.ProducerState() != transporttest.Producing || producer.Resumes != 1 {
		t.Fatalf("late connection after the throttle: reading %v, producer %+v", tr.ProducerState(), *producer)
	}
}

func TestThrottlingMaxConnectionCount(t *testing.T) {
	_, f, p, _, _ := throttled(t, func(f *policies.ThrottlingFactory) { f.MaxConnectionCount = 2 })
	second := f.BuildProtocol(tcpAddr("192.0.2.2", 1))
	transporttest.Connect(second, transporttest.NewStringTransport())
	if f.BuildProtocol(tcpAddr("192.0.2.3", 1)) != nil {
		t.Fatal("accepted a connection over MaxConnectionCount")
	}
	p.ConnectionLost(interfaces.ErrConnectionDone)
	if f.ConnectionCount() != 1 || f.BuildProtocol(tcpAddr("192.0.2.3", 1)) == nil {
		t.Fatalf("count %d: a lost connection did not free its place", f.ConnectionCount())
	}
}

func TestThrottlingChecksStopWithTheLastConnection(t *testing.T) {
	clock, f, p, _, _ := throttled(t, func(f *policies.ThrottlingFactory) { f.ReadLimit, f.WriteLimit = 10, 10 })
	p.DataReceived(make([]byte, 50))
	clock.Advance(time.Second)
	if len(clock.DelayedCalls()) == 0 {
		t.Fatal("no checks scheduled while connected")
	}
	p.ConnectionLost(interfaces.ErrConnectionDone)
	if n := len(clock.DelayedCalls()); n != 0 || f.ConnectionCount() != 0 {
		t.Fatalf("after the last connection: %d calls, count %d; want none", n, f.ConnectionCount())
	}
	again := f.BuildProtocol(tcpAddr("192.0.2.1", 2))
	transporttest.Connect(again, transporttest.NewStringTransport())
	if n := len(clock.DelayedCalls()); n != 2 {
		t.Errorf("a new first connection scheduled %d checks, want 2", n)
	}
}

func TestThrottlingRefusedBuildIsNotCounted(t *testing.T) {
	clock := task.NewClock()
	inner := newRecorders()
	inner.refuse = true
	f := policies.NewThrottlingFactory(clock, inner)
	f.ReadLimit = 1
	if f.BuildProtocol(tcpAddr("192.0.2.1", 1)) != nil || f.ConnectionCount() != 0 || len(clock.DelayedCalls()) != 0 {
		t.Errorf("refused build: count %d, calls %d", f.ConnectionCount(), len(clock.DelayedCalls()))
	}
}
