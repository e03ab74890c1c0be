//go:build linux

package internet_test

import (
	"errors"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// halfProto is a half-closeable proto that records its events.
type halfProto struct {
	proto
	events    []string
	readLost  func(h *halfProto)
	writeLost func(h *halfProto)
	done      chan []string
}

func newHalfProto() *halfProto {
	h := &halfProto{done: make(chan []string, 1)}
	h.data = func(p *proto, b []byte) { h.events = append(h.events, "data "+string(b)) }
	h.lost = func(p *proto, reason error) {
		ev := "lost"
		if errors.Is(reason, interfaces.ErrConnectionDone) {
			ev += " done"
		}
		h.done <- append(h.events, ev)
	}
	return h
}

func (h *halfProto) ReadConnectionLost() {
	h.events = append(h.events, "readLost")
	if h.readLost != nil {
		h.readLost(h)
	}
}

func (h *halfProto) WriteConnectionLost() {
	h.events = append(h.events, "writeLost")
	if h.writeLost != nil {
		h.writeLost(h)
	}
}

// TestTCPHalfClose runs Twisted's half-close flows over real sockets,
// client and server both on the reactor.
func TestTCPHalfClose(t *testing.T) {
	tests := []struct {
		name       string
		server     func(h *halfProto)
		wantServer []string
		wantClient []string
	}{{
		name: "server replies after the client half-closes",
		server: func(h *halfProto) {
			h.readLost = func(h *halfProto) { h.tr.Write([]byte("reply")); h.tr.LoseConnection() }
		},
		wantServer: []string{"data data", "readLost", "lost done"},
		wantClient: []string{"writeLost", "data reply", "readLost", "lost done"},
	}, {
		name: "double half-close",
		server: func(h *halfProto) {
			h.readLost = func(h *halfProto) { h.tr.LoseWriteConnection() }
			h.writeLost = func(h *halfProto) { h.tr.LoseConnection() }
		},
		wantServer: []string{"data data", "readLost", "writeLost", "lost done"},
		wantClient: []string{"writeLost", "readLost", "lost done"},
	}}
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				server := newHalfProto()
				tc.server(server)
				_, addr := listen(t, r, &factory{build: func(net.Addr) interfaces.Protocol { return server }}, interfaces.TCPListenOptions{})
				client := newHalfProto()
				client.made = func(p *proto) { p.tr.Write([]byte("data")); p.tr.LoseWriteConnection() }
				client.readLost = func(h *halfProto) { h.tr.LoseConnection() }
				f := newClientFactory(func(net.Addr) interfaces.Protocol { return client })
				internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
					return r.ConnectTCP("127.0.0.1", addr.Port, f, interfaces.TCPConnectOptions{})
				})
				if diff := cmp.Diff(tc.wantServer, internettest.Await(t, server.done)); diff != "" {
					t.Errorf("server events (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tc.wantClient, internettest.Await(t, client.done)); diff != "" {
					t.Errorf("client events (-want +got):\n%s", diff)
				}
			})
		}
	})
}

// TestTCPPlainServerSeesHalfCloseAsEnd: a protocol that is not
// half-closeable gets ConnectionDone when the peer shuts its write side.
func TestTCPPlainServerSeesHalfCloseAsEnd(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		lost := make(chan error, 1)
		got := make(chan string, 1)
		var buf []byte
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{
				data: func(_ *proto, b []byte) { buf = append(buf, b...) },
				lost: func(_ *proto, reason error) { got <- string(buf); lost <- reason },
			}
		}}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{})
		c := internettest.Dial(t, "tcp", addr.String()).(*net.TCPConn)
		if _, err := c.Write([]byte("data")); err != nil {
			t.Fatal(err)
		}
		if err := c.CloseWrite(); err != nil {
			t.Fatal(err)
		}
		if s := internettest.Await(t, got); s != "data" {
			t.Errorf("server received %q", s)
		}
		if reason := internettest.Await(t, lost); !errors.Is(reason, interfaces.ErrConnectionDone) {
			t.Errorf("reason = %v, want ErrConnectionDone", reason)
		}
		if _, err := c.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
			t.Errorf("client read after the server closed = %v, want EOF", err)
		}
	})
}

func TestTCPAbortResetsPeer(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		lost := make(chan error, 1)
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{
				data: func(p *proto, b []byte) {
					p.tr.Write(make([]byte, 1<<20)) // dropped by the abort
					p.tr.AbortConnection()
				},
				lost: func(_ *proto, reason error) { lost <- reason },
			}
		}}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{})
		c := internettest.Dial(t, "tcp", addr.String())
		if _, err := c.Write([]byte("abort me")); err != nil {
			t.Fatal(err)
		}
		if reason := internettest.Await(t, lost); !errors.Is(reason, interfaces.ErrConnectionAborted) {
			t.Errorf("server reason = %v, want ErrConnectionAborted", reason)
		}
		_, err := io.ReadAll(c)
		if !errors.Is(err, syscall.ECONNRESET) {
			t.Errorf("client read = %v, want ECONNRESET", err)
		}
	})
}

func TestTCPFactoryReturningNilClosesSocket(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		f := &factory{build: func(net.Addr) interfaces.Protocol { return nil }}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{})
		c := internettest.Dial(t, "tcp", addr.String())
		if n, err := c.Read(make([]byte, 1)); n != 0 || !errors.Is(err, io.EOF) {
			t.Errorf("read from a refused connection = %d, %v; want EOF", n, err)
		}
	})
}

func TestTCPPanicCostsOneConnection(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		lost := make(chan error, 2)
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{
				data: func(p *proto, b []byte) {
					if string(b) == "boom" {
						panic("boom")
					}
					p.tr.Write(b)
				},
				lost: func(_ *proto, reason error) { lost <- reason },
			}
		}}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{})
		good := internettest.Dial(t, "tcp", addr.String())
		bad := internettest.Dial(t, "tcp", addr.String())
		if _, err := bad.Write([]byte("boom")); err != nil {
			t.Fatal(err)
		}
		var pe *interfaces.PanicError
		if reason := internettest.Await(t, lost); !errors.As(reason, &pe) {
			t.Errorf("reason = %v, want a *PanicError", reason)
		}
		if _, err := io.ReadAll(bad); err != nil {
			t.Errorf("the panicking connection did not end cleanly for the peer: %v", err)
		}
		echoOver(t, good, []byte("still here"))
		echoOnce(t, "tcp", addr.String(), []byte("new connections too"))
	})
}

// echoOver sends msg on c and checks it comes back.
func echoOver(t *testing.T, c net.Conn, msg []byte) {
	t.Helper()
	if _, err := c.Write(msg); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil || string(got) != string(msg) {
		t.Errorf("echo = %q, %v; want %q", got, err, msg)
	}
}

// TestTCPShutdownTellsEveryConnection stops the reactor with connections
// in every state, watched or not: each is closed and told ErrConnectionLost
// once, and the port's factory is told DoStop.
func TestTCPShutdownTellsEveryConnection(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		lost := make(chan error, 10)
		made := make(chan struct{}, 10)
		states := []func(p *proto){
			func(*proto) {},                               // reading
			func(p *proto) { p.tr.PauseProducing() },      // paused: not watched at all
			func(p *proto) { p.tr.LoseWriteConnection() }, // write side shut
		}
		next := 0
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			state := states[next%len(states)]
			next++
			return &proto{
				made: func(p *proto) { state(p); made <- struct{}{} },
				lost: func(_ *proto, reason error) { lost <- reason },
			}
		}}
		p, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1"})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- r.Run() }()
		for range states {
			internettest.Dial(t, "tcp", p.GetHost().String())
			internettest.Await(t, made)
		}
		r.CallFromThread(func() { _ = r.Stop() })
		if err := internettest.Await(t, done); err != nil {
			t.Fatal(err)
		}
		close(lost)
		n := 0
		for reason := range lost {
			n++
			if !errors.Is(reason, interfaces.ErrConnectionLost) {
				t.Errorf("reason = %v, want ErrConnectionLost", reason)
			}
		}
		if n != len(states) {
			t.Errorf("%d connections told, want %d", n, len(states))
		}
		if f.starts.Load() != 1 || f.stops.Load() != 1 {
			t.Errorf("factory DoStart %d, DoStop %d; want 1 and 1", f.starts.Load(), f.stops.Load())
		}
	})
}
