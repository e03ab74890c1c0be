package transporttest_test

import (
	"errors"
	"net"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestWritesAreRecordedAndCleared(t *testing.T) {
	tr := transporttest.NewStringTransport()
	buf := []byte("hello ")
	tr.Write(buf)
	buf[0] = 'j' // the transport keeps its own copy
	tr.WriteSequence([][]byte{[]byte("wor"), nil, []byte("ld")})
	if diff := cmp.Diff("hello world", string(tr.Value())); diff != "" {
		t.Errorf("Value (-want +got):\n%s", diff)
	}
	tr.Clear()
	tr.Write([]byte("again"))
	if got := string(tr.Value()); got != "again" {
		t.Errorf("Value after Clear = %q, want %q", got, "again")
	}
}

func TestLoseAndAbort(t *testing.T) {
	tests := []struct {
		name              string
		act               func(*transporttest.StringTransport)
		disconnecting     bool
		aborted, halfShut bool
	}{
		{"nothing", func(*transporttest.StringTransport) {}, false, false, false},
		{"lose", (*transporttest.StringTransport).LoseConnection, true, false, false},
		{"abort", (*transporttest.StringTransport).AbortConnection, true, true, false},
		{"half close", (*transporttest.StringTransport).LoseWriteConnection, false, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := transporttest.NewStringTransport()
			tc.act(tr)
			got := [3]bool{tr.Disconnecting(), tr.Aborted(), tr.WriteClosed()}
			want := [3]bool{tc.disconnecting, tc.aborted, tc.halfShut}
			if got != want {
				t.Errorf("(disconnecting, aborted, write closed) = %v, want %v", got, want)
			}
		})
	}
}

func TestAddresses(t *testing.T) {
	tr := transporttest.NewStringTransport()
	if got, want := tr.GetPeer().String(), "192.0.2.1:54321"; got != want {
		t.Errorf("default GetPeer = %s, want %s", got, want)
	}
	if got, want := tr.GetHost().String(), "198.51.100.1:12345"; got != want {
		t.Errorf("default GetHost = %s, want %s", got, want)
	}
	tr.Peer = &net.UnixAddr{Name: "/tmp/peer", Net: "unix"}
	tr.Host = &net.TCPAddr{IP: net.ParseIP("2001:db8::1"), Port: 7}
	if got := tr.GetPeer().String(); got != "/tmp/peer" {
		t.Errorf("GetPeer = %s, want the configured address", got)
	}
	if got := tr.GetHost().String(); got != "[2001:db8::1]:7" {
		t.Errorf("GetHost = %s, want the configured address", got)
	}
}

func TestTCPOptionsAreRecorded(t *testing.T) {
	tr := transporttest.NewStringTransport()
	if err := tr.SetTCPNoDelay(true); err != nil || !tr.NoDelay() {
		t.Errorf("SetTCPNoDelay(true) = %v, NoDelay() = %v", err, tr.NoDelay())
	}
	if err := tr.SetTCPKeepAlive(true); err != nil || !tr.KeepAlive() {
		t.Errorf("SetTCPKeepAlive(true) = %v, KeepAlive() = %v", err, tr.KeepAlive())
	}
}

// producer counts the calls it gets.
type producer struct{ Pauses, Resumes, Stops int }

func (p *producer) PauseProducing()  { p.Pauses++ }
func (p *producer) ResumeProducing() { p.Resumes++ }
func (p *producer) StopProducing()   { p.Stops++ }

func TestRegisterProducer(t *testing.T) {
	tr := transporttest.NewStringTransport()
	push := &producer{}
	if err := tr.RegisterProducer(push, true); err != nil {
		t.Fatalf("RegisterProducer: %v", err)
	}
	if p, streaming := tr.Producer(); p != push || !streaming {
		t.Errorf("Producer() = %v, %v; want the push producer, true", p, streaming)
	}
	err := tr.RegisterProducer(&producer{}, true)
	if !errors.Is(err, interfaces.ErrProducerRegistered) {
		t.Errorf("second RegisterProducer = %v, want ErrProducerRegistered", err)
	}
	tr.UnregisterProducer()
	tr.UnregisterProducer() // no-op when none
	if p, _ := tr.Producer(); p != nil {
		t.Errorf("Producer() after UnregisterProducer = %v, want nil", p)
	}

	pull := &producer{}
	if err := tr.RegisterProducer(pull, false); err != nil {
		t.Fatalf("RegisterProducer(pull): %v", err)
	}
	if diff := cmp.Diff(producer{Resumes: 1}, *pull); diff != "" {
		t.Errorf("pull producer calls at registration (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(producer{}, *push); diff != "" {
		t.Errorf("push producer calls (-want +got):\n%s", diff)
	}
}

func TestRegisterProducerAfterAbortStopsIt(t *testing.T) {
	tr := transporttest.NewStringTransport()
	tr.AbortConnection()
	p := &producer{}
	if err := tr.RegisterProducer(p, true); err != nil {
		t.Fatalf("RegisterProducer: %v", err)
	}
	if p.Stops != 1 {
		t.Errorf("StopProducing calls = %d, want 1", p.Stops)
	}
	if got, _ := tr.Producer(); got != nil {
		t.Errorf("Producer() = %v, want none registered", got)
	}
}

func TestProducerState(t *testing.T) {
	tr := transporttest.NewStringTransport()
	var got []string
	record := func() { got = append(got, tr.ProducerState().String()) }
	record()
	for _, step := range []func(){tr.PauseProducing, tr.ResumeProducing, tr.PauseProducing, tr.StopProducing, tr.ResumeProducing, tr.PauseProducing} {
		step()
		record()
	}
	want := []string{"producing", "paused", "producing", "paused", "stopped", "stopped", "stopped"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("states (-want +got):\n%s", diff)
	}
}

// recorder is a protocol that records what it is told.
type recorder struct {
	transport interfaces.Transport
	events    []string
	reasons   []error
}

func (r *recorder) MakeConnection(t interfaces.Transport) {
	r.transport = t
	r.events = append(r.events, "make")
}
func (r *recorder) ConnectionMade()       { r.events = append(r.events, "made") }
func (r *recorder) DataReceived(b []byte) { r.events = append(r.events, "data "+string(b)) }
func (r *recorder) ConnectionLost(reason error) {
	r.events = append(r.events, "lost")
	r.reasons = append(r.reasons, reason)
}

func TestStringTransportWithDisconnection(t *testing.T) {
	tests := []struct {
		name   string
		act    func(*transporttest.StringTransportWithDisconnection)
		reason error
	}{
		{"lose twice", func(tr *transporttest.StringTransportWithDisconnection) {
			tr.LoseConnection()
			tr.LoseConnection()
		}, interfaces.ErrConnectionDone},
		{"abort then lose", func(tr *transporttest.StringTransportWithDisconnection) {
			tr.AbortConnection()
			tr.LoseConnection()
		}, interfaces.ErrConnectionAborted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &recorder{}
			tr := transporttest.Connect(p, &transporttest.StringTransportWithDisconnection{})
			if p.transport != tr {
				t.Fatalf("protocol got transport %v, want %v", p.transport, tr)
			}
			tc.act(tr)
			if diff := cmp.Diff([]string{"make", "made", "lost"}, p.events); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
			if !errors.Is(p.reasons[0], tc.reason) || !tr.Lost() || !tr.Disconnecting() {
				t.Errorf("reason %v, Lost %v, Disconnecting %v; want %v, true, true",
					p.reasons[0], tr.Lost(), tr.Disconnecting(), tc.reason)
			}
		})
	}
}

func TestPlainStringTransportDoesNotCallBack(t *testing.T) {
	p := &recorder{}
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	tr.LoseConnection()
	tr.AbortConnection()
	if diff := cmp.Diff([]string{"make", "made"}, p.events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
