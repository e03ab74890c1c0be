//go:build linux

package reliability_test

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// factory builds protocols with build.
type factory struct {
	build func(addr net.Addr) interfaces.Protocol
}

func (f *factory) BuildProtocol(a net.Addr) interfaces.Protocol { return f.build(a) }
func (f *factory) DoStart()                                     {}
func (f *factory) DoStop()                                      {}

// proto is a protocol whose behaviour is a set of hooks, each optional. It
// runs on the reactor goroutine and reports through the hooks.
type proto struct {
	tr   interfaces.TCPTransport
	made func(p *proto)
	data func(p *proto, b []byte)
	lost func(p *proto, reason error)
}

func (p *proto) MakeConnection(t interfaces.Transport) { p.tr = t.(interfaces.TCPTransport) }

func (p *proto) ConnectionMade() {
	if p.made != nil {
		p.made(p)
	}
}

func (p *proto) DataReceived(b []byte) {
	if p.data != nil {
		p.data(p, b)
	}
}

func (p *proto) ConnectionLost(reason error) {
	if p.lost != nil {
		p.lost(p, reason)
	}
}

// halfProto is a proto that hears about each direction's end.
type halfProto struct {
	proto
	readLost func(p *halfProto)
}

func (p *halfProto) ReadConnectionLost() {
	if p.readLost != nil {
		p.readLost(p)
	}
}

func (p *halfProto) WriteConnectionLost() {}

// echo writes back what it receives.
func echo(p *proto, b []byte) { p.tr.Write(b) }

// echoFactory builds echo protocols that send their loss reason to lost,
// if it is not nil.
func echoFactory(lost chan<- error) *factory {
	return &factory{build: func(net.Addr) interfaces.Protocol {
		return &proto{data: echo, lost: func(_ *proto, reason error) {
			if lost != nil {
				lost <- reason
			}
		}}
	}}
}

// listen starts a TCP port on 127.0.0.1 for f on r (running), with opts,
// and returns its address.
func listen(t testing.TB, r *internet.Reactor, f interfaces.Factory, opts ...interfaces.TCPListenOptions) string {
	t.Helper()
	var o interfaces.TCPListenOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	o.Interface = "127.0.0.1"
	p := internettest.OnReactor(t, r, func() (interfaces.ListeningPort, error) { return r.ListenTCP(0, f, o) })
	return p.GetHost().String()
}

// dial connects to addr over TCP with internettest.Dial: a deadline on
// every read and write, closed at clean-up.
func dial(t testing.TB, addr string) *net.TCPConn {
	t.Helper()
	return internettest.Dial(t, "tcp", addr).(*net.TCPConn)
}

// echoOver sends msg on c and checks that exactly msg comes back.
func echoOver(t testing.TB, c net.Conn, msg string) {
	t.Helper()
	if _, err := c.Write([]byte(msg)); err != nil {
		t.Fatalf("write: %v", err)
	}
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil || string(got) != msg {
		t.Fatalf("echo = %q, %v; want %q", got, err, msg)
	}
}

// peerSeesClose reads c to its end and returns what came before it. The
// end must be the server's close: EOF, or a reset if the server closed
// with input unread; a read timeout fails the test.
func peerSeesClose(t testing.TB, c net.Conn) []byte {
	t.Helper()
	got, err := io.ReadAll(c)
	if err != nil && !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("reading to the end of the connection: %v (after %d bytes)", err, len(got))
	}
	return got
}

// isLost reports whether reason is an unclean end (ErrConnectionLost)
// wrapping one of errnos.
func isLost(reason error, errnos ...error) bool {
	if !errors.Is(reason, interfaces.ErrConnectionLost) {
		return false
	}
	for _, e := range errnos {
		if errors.Is(reason, e) {
			return true
		}
	}
	return false
}

// logBuffer collects what the reactors of a test log.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// Len returns how much was logged so far, a mark for Since.
func (l *logBuffer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Len()
}

// Since returns what was logged after mark.
func (l *logBuffer) Since(mark int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()[mark:]
}

// captureLogs makes slog.Default log into the returned buffer until the
// test ends. Reactors take their logger from slog.Default when they are
// built, so call it before internettest.EachReactor.
func captureLogs(t *testing.T) *logBuffer {
	t.Helper()
	old := slog.Default()
	l := &logBuffer{}
	slog.SetDefault(slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(func() { slog.SetDefault(old) })
	return l
}

// mustContain fails the test unless s contains every one of wants.
func mustContain(t testing.TB, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s does not contain %q:\n%s", what, w, s)
		}
	}
}
