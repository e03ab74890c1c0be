//go:build linux

package transport_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
)

// TestHalfClose follows the half-close flows Twisted verified: a plain
// server sees the end, a half-closeable one can still reply, and a double
// half-close ends cleanly.
func TestHalfClose(t *testing.T) {
	sendAndHalfClose := func(h *halfRecorder) {
		h.tr.Write([]byte("data"))
		h.tr.LoseWriteConnection()
	}
	tests := []struct {
		name         string
		server       func() interfaces.Protocol
		wantServer   []string
		wantClient   []string
		wantReceived string
	}{{
		name:       "plain server",
		server:     func() interfaces.Protocol { return &recorder{} },
		wantServer: []string{"make", "made", "lost"},
		wantClient: []string{"make", "made", "writeLost", "readLost", "lost"},
	}, {
		name: "half-closeable server replies",
		server: func() interfaces.Protocol {
			return &halfRecorder{readLost: func(h *halfRecorder) {
				h.tr.Write([]byte("reply"))
				h.tr.LoseConnection()
			}}
		},
		wantServer:   []string{"make", "made", "readLost", "lost"},
		wantClient:   []string{"make", "made", "writeLost", "readLost", "lost"},
		wantReceived: "reply",
	}, {
		name: "double half-close",
		server: func() interfaces.Protocol {
			return &halfRecorder{
				readLost:  func(h *halfRecorder) { h.tr.LoseWriteConnection() },
				writeLost: func(h *halfRecorder) { h.tr.LoseConnection() },
			}
		},
		wantServer: []string{"make", "made", "readLost", "writeLost", "lost"},
		wantClient: []string{"make", "made", "writeLost", "readLost", "lost"},
	}}
	for _, kind := range kinds {
		for _, tc := range tests {
			t.Run(kind+"/"+tc.name, func(t *testing.T) {
				checkFDs(t)
				l := newTestLoop(t)
				client := &halfRecorder{readLost: func(h *halfRecorder) { h.tr.LoseConnection() }}
				client.made = func(*recorder) { sendAndHalfClose(client) }
				server := tc.server()
				_, sc := startPair(t, l, kind, client, server)
				l.runUntil("both lost", func() bool { return client.lost == 1 && sc.Fileno() == -1 })
				l.runUntil("server told", func() bool { return serverOf(server).lost == 1 })
				s := serverOf(server)
				if diff := cmp.Diff(tc.wantServer, s.events); diff != "" {
					t.Errorf("server events (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tc.wantClient, client.events); diff != "" {
					t.Errorf("client events (-want +got):\n%s", diff)
				}
				if string(s.got) != "data" || string(client.got) != tc.wantReceived {
					t.Errorf("server got %q, client got %q; want %q and %q", s.got, client.got, "data", tc.wantReceived)
				}
				for name, reason := range map[string]error{"client": client.reason, "server": s.reason} {
					if !errors.Is(reason, interfaces.ErrConnectionDone) {
						t.Errorf("%s reason = %s, want ErrConnectionDone", name, describe(reason))
					}
				}
			})
		}
	}
}

// TestHalfClosedWriteDropsWrites checks writes after the write side is
// shut are dropped, not sent or panicking.
func TestHalfClosedWriteDropsWrites(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	client := &halfRecorder{}
	client.made = func(r *recorder) { r.tr.LoseWriteConnection() }
	client.writeLost = func(h *halfRecorder) { h.tr.Write([]byte("after")) }
	server := &halfRecorder{readLost: func(h *halfRecorder) {
		h.tr.Write([]byte("bye"))
		h.tr.LoseConnection()
	}}
	startPair(t, l, "tcp", client, server)
	l.runUntil("reply", func() bool { return string(client.got) == "bye" })
	l.runUntil("server lost", func() bool { return server.lost == 1 })
	if len(server.got) != 0 {
		t.Errorf("server received %q after the half-close", server.got)
	}
	l.shutdown()
}

func serverOf(p interfaces.Protocol) *recorder {
	if h, ok := p.(*halfRecorder); ok {
		return &h.recorder
	}
	return p.(*recorder)
}
