package wire_test

import (
	"bytes"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/task"
	"github.com/twistgo/twistgo/protocol/wire"
	"github.com/twistgo/twistgo/transport/transporttest"
)

func TestEcho(t *testing.T) {
	p := &wire.Echo{}
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	for _, chunk := range []string{"hello", " ", "world\r\n", "\x00\xff"} {
		p.DataReceived([]byte(chunk))
	}
	if got, want := string(tr.Value()), "hello world\r\n\x00\xff"; got != want {
		t.Errorf("echoed %q, want %q", got, want)
	}
	if prod, streaming := tr.Producer(); prod != interfaces.Producer(tr) || !streaming {
		t.Errorf("producer = %v (streaming %v), want the transport itself, streaming", prod, streaming)
	}
}

func TestDiscard(t *testing.T) {
	p := &wire.Discard{}
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	p.DataReceived([]byte("anything"))
	if len(tr.Value()) != 0 || tr.Disconnecting() {
		t.Errorf("wrote %q, disconnecting %v", tr.Value(), tr.Disconnecting())
	}
}

func TestChargen(t *testing.T) {
	p := &wire.Chargen{}
	tr := transporttest.Connect(p, transporttest.NewStringTransport())
	producer, streaming := tr.Producer()
	if producer != p || streaming {
		t.Fatalf("registered producer %v (streaming %v), want the Chargen as a pull producer", producer, streaming)
	}
	cycle := tr.Value() // the transport asked for data once at registration
	lines := strings.Split(strings.TrimSuffix(string(cycle), "\r\n"), "\r\n")
	if len(lines) != 95 {
		t.Fatalf("one cycle has %d lines, want 95", len(lines))
	}
	printable := make([]byte, 0, 190)
	for c := byte(' '); c <= '~'; c++ {
		printable = append(printable, c)
	}
	printable = append(printable, printable...)
	for i, line := range lines {
		if want := string(printable[i : i+72]); line != want {
			t.Fatalf("line %d = %q, want %q", i, line, want)
		}
	}
	p.DataReceived([]byte("ignored"))
	p.PauseProducing()
	p.StopProducing()
	p.ResumeProducing()
	if got := tr.Value(); !bytes.Equal(got, append(bytes.Clone(cycle), cycle...)) {
		t.Errorf("after a second ResumeProducing, wrote %d bytes, want two cycles", len(got))
	}
}

func TestQOTD(t *testing.T) {
	tests := []struct{ quote, want string }{
		{"", "An apple a day keeps the doctor away.\r\n"},
		{"Less is more.\r\n", "Less is more.\r\n"},
	}
	for _, tc := range tests {
		tr := transporttest.Connect(&wire.QOTD{Quote: tc.quote}, transporttest.NewStringTransport())
		if string(tr.Value()) != tc.want || !tr.Disconnecting() {
			t.Errorf("QOTD{%q} wrote %q, disconnecting %v; want %q, true", tc.quote, tr.Value(), tr.Disconnecting(), tc.want)
		}
	}
}

// clockAt returns a task.Clock showing at.
func clockAt(at time.Time) *task.Clock {
	c := task.NewClock()
	c.Advance(at.Sub(c.Now()))
	return c
}

func TestDaytime(t *testing.T) {
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC), "Mon Jan  2 15:04:05 2006\r\n"},
		{time.Date(2024, 12, 31, 23, 59, 59, 0, time.FixedZone("X", -5*3600)), "Wed Jan  1 04:59:59 2025\r\n"},
	}
	for _, tc := range tests {
		tr := transporttest.Connect(&wire.Daytime{Clock: clockAt(tc.at)}, transporttest.NewStringTransport())
		if string(tr.Value()) != tc.want || !tr.Disconnecting() {
			t.Errorf("at %v: wrote %q, disconnecting %v; want %q, true", tc.at, tr.Value(), tr.Disconnecting(), tc.want)
		}
	}
}

func TestTimeIsRFC868(t *testing.T) {
	tests := []struct {
		at   time.Time
		want []byte
	}{
		{time.Unix(0, 0), []byte{0x83, 0xaa, 0x7e, 0x80}}, // 2208988800
		{time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), []byte{0xbc, 0x17, 0xc2, 0x00}},
		{time.Date(2036, 2, 7, 6, 28, 15, 0, time.UTC), []byte{0xff, 0xff, 0xff, 0xff}},
		{time.Date(2036, 2, 7, 6, 28, 16, 0, time.UTC), []byte{0, 0, 0, 0}}, // the 32-bit count wraps
	}
	for _, tc := range tests {
		tr := transporttest.Connect(&wire.Time{Clock: clockAt(tc.at)}, transporttest.NewStringTransport())
		if diff := cmp.Diff(tc.want, tr.Value()); diff != "" || !tr.Disconnecting() {
			t.Errorf("at %v: disconnecting %v, bytes (-want +got):\n%s", tc.at, tr.Disconnecting(), diff)
		}
	}
}

func TestTimeWithSystemClock(t *testing.T) {
	before := uint32(time.Now().Unix() + 2208988800)
	tr := transporttest.Connect(&wire.Time{}, transporttest.NewStringTransport())
	after := uint32(time.Now().Unix() + 2208988800)
	v := tr.Value()
	if len(v) != 4 {
		t.Fatalf("wrote %d bytes, want 4", len(v))
	}
	got := uint32(v[0])<<24 | uint32(v[1])<<16 | uint32(v[2])<<8 | uint32(v[3])
	if got < before || got > after {
		t.Errorf("seconds since 1900 = %d, want within [%d, %d]", got, before, after)
	}
	tr = transporttest.Connect(&wire.Daytime{}, transporttest.NewStringTransport())
	if _, err := time.Parse(time.ANSIC+"\r\n", string(tr.Value())); err != nil {
		t.Errorf("Daytime with the system clock wrote %q: %v", tr.Value(), err)
	}
}

// datagrams is a DatagramTransport that records what is sent.
type datagrams struct {
	interfaces.DatagramTransport
	sent []sent
}

type sent struct {
	Data string
	To   string
}

func (d *datagrams) Write(data []byte, addr net.Addr) error {
	d.sent = append(d.sent, sent{string(data), addr.String()})
	return nil
}

func TestUDPServices(t *testing.T) {
	at := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	from := &net.UDPAddr{IP: net.ParseIP("192.0.2.5"), Port: 4000}
	tests := []struct {
		name string
		p    interfaces.DatagramProtocol
		want string
	}{
		{"echo", &wire.EchoUDP{}, "ping"},
		{"daytime", &wire.DaytimeUDP{Clock: clockAt(at)}, "Mon Jan  2 15:04:05 2006\r\n"},
		{"time", &wire.TimeUDP{Clock: clockAt(at)}, "\xc7\x63\xbf\x65"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := &datagrams{}
			tc.p.MakeConnection(tr)
			tc.p.StartProtocol()
			tc.p.DatagramReceived([]byte("ping"), from)
			want := []sent{{tc.want, "192.0.2.5:4000"}}
			if diff := cmp.Diff(want, tr.sent); diff != "" {
				t.Errorf("sent (-want +got):\n%s", diff)
			}
		})
	}
}
