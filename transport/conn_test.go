//go:build linux

package transport_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"strconv"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
)

var kinds = []string{"tcp", "unix"}

func TestEcho(t *testing.T) {
	for _, kind := range kinds {
		for _, size := range []int{0, 1, 64 << 10, 1 << 20} {
			t.Run(kind+"/"+sizeName(size), func(t *testing.T) {
				checkFDs(t)
				l := newTestLoop(t)
				payload := randomBytes(size)
				client := &recorder{
					made: func(r *recorder) {
						r.tr.Write(payload)
						if size == 0 {
							r.tr.LoseConnection()
						}
					},
					data: func(r *recorder, _ []byte) {
						if len(r.got) == size {
							r.tr.LoseConnection()
						}
					},
				}
				server := &recorder{data: echo}
				startPair(t, l, kind, client, server)
				l.runUntil("both sides lost", func() bool { return client.lost == 1 && server.lost == 1 })
				if !bytes.Equal(client.got, payload) {
					t.Errorf("echoed %d bytes, want %d equal to those sent", len(client.got), size)
				}
				for name, r := range map[string]*recorder{"client": client, "server": server} {
					if !errors.Is(r.reason, interfaces.ErrConnectionDone) {
						t.Errorf("%s reason = %s, want ErrConnectionDone", name, describe(r.reason))
					}
				}
			})
		}
	}
}

func TestWritesOutsideCallbacksQueueOneFlush(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	client := &recorder{}
	server := &recorder{}
	startPair(t, l, "unix", client, server)
	l.call(func() {
		client.tr.Write([]byte("one "))
		client.tr.WriteSequence([][]byte{[]byte("two "), []byte("three")})
		client.tr.Write([]byte(""))
	})
	if l.queued != 1 {
		t.Errorf("QueueFlush called %d times, want 1", l.queued)
	}
	l.runUntil("data", func() bool { return len(server.got) == len("one two three") })
	if got := string(server.got); got != "one two three" {
		t.Errorf("received %q", got)
	}
	l.shutdown()
}

func TestWritesInsideOwnCallbackQueueNothing(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	const rounds = 200
	client := &recorder{
		made: func(r *recorder) { r.tr.Write([]byte("ping")) },
		data: func(r *recorder, _ []byte) {
			if len(r.got)%4 == 0 && len(r.got) < 4*rounds {
				r.tr.Write([]byte("ping"))
			}
		},
	}
	server := &recorder{data: echo}
	startPair(t, l, "tcp", client, server)
	l.runUntil("ping-pong", func() bool { return len(client.got) == 4*rounds })
	if l.queued != 0 || l.addWrite != 0 {
		t.Errorf("QueueFlush %d times, AddWriter %d times; want 0 and 0", l.queued, l.addWrite)
	}
	l.shutdown()
}

func TestWritesAfterLoseConnectionAreSent(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			checkFDs(t)
			l := newTestLoop(t)
			client := &recorder{made: func(r *recorder) {
				r.tr.Write([]byte("early"))
				r.tr.LoseConnection()
				r.tr.Write([]byte("late"))
				if !r.tr.Disconnecting() {
					t.Error("Disconnecting() = false after LoseConnection")
				}
			}}
			server := &recorder{}
			startPair(t, l, kind, client, server)
			l.runUntil("both lost", func() bool { return client.lost == 1 && server.lost == 1 })
			if got := string(server.got); got != "earlylate" {
				t.Errorf("server received %q, want %q", got, "earlylate")
			}
			if !errors.Is(server.reason, interfaces.ErrConnectionDone) {
				t.Errorf("server reason = %s", describe(server.reason))
			}
		})
	}
}

func TestWriteAfterCloseIsDropped(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	client := &recorder{made: func(r *recorder) { r.tr.LoseConnection() }}
	server := &recorder{}
	startPair(t, l, "unix", client, server)
	l.runUntil("client lost", func() bool { return client.lost == 1 })
	client.tr.Write([]byte("gone"))
	client.tr.WriteSequence([][]byte{[]byte("gone")})
	client.tr.LoseConnection()
	client.tr.LoseWriteConnection()
	client.tr.AbortConnection()
	client.tr.ConnectionLost(interfaces.ErrConnectionLost)
	l.runUntil("server lost", func() bool { return server.lost == 1 })
	for range 3 {
		l.turn(0)
	}
	if client.lost != 1 || client.tr.Fileno() != -1 || client.tr.BufferedOutput() != 0 {
		t.Errorf("after close: lost %d times, fileno %d, buffered %d", client.lost, client.tr.Fileno(), client.tr.BufferedOutput())
	}
	if len(server.got) != 0 {
		t.Errorf("server received %q after the close", server.got)
	}
}

func TestAbortConnection(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			checkFDs(t)
			l := newTestLoop(t)
			client := &recorder{}
			server := &recorder{}
			startPair(t, l, kind, client, server)
			l.call(func() {
				client.tr.Write(make([]byte, 1<<20)) // unsent output is dropped
				client.tr.AbortConnection()
				client.tr.AbortConnection()
				if client.lost != 0 {
					t.Error("ConnectionLost called from inside AbortConnection")
				}
				if !client.tr.Disconnecting() || client.tr.Fileno() != -1 {
					t.Error("aborted connection still open")
				}
			})
			l.runUntil("both lost", func() bool { return client.lost == 1 && server.lost == 1 })
			if !errors.Is(client.reason, interfaces.ErrConnectionAborted) || !errors.Is(client.reason, interfaces.ErrConnectionLost) {
				t.Errorf("client reason = %s, want ErrConnectionAborted", describe(client.reason))
			}
			if kind == "tcp" {
				checkLostChain(t, server.reason, syscall.ECONNRESET)
			}
		})
	}
}

func TestConnectionLostExactlyOnce(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	client := &recorder{}
	server := &recorder{}
	startPair(t, l, "tcp", client, server)
	l.call(func() {
		client.tr.LoseConnection()
		client.tr.ConnectionLost(interfaces.ErrConnectionLost)
		client.tr.AbortConnection()
		client.tr.ConnectionLost(interfaces.ErrConnectionDone)
	})
	l.runUntil("server lost", func() bool { return server.lost == 1 })
	for range 3 {
		l.turn(0)
	}
	if diff := cmp.Diff([]string{"make", "made", "lost"}, client.events); diff != "" {
		t.Errorf("client events (-want +got):\n%s", diff)
	}
	if !errors.Is(client.reason, interfaces.ErrConnectionLost) {
		t.Errorf("client reason = %s, want the first one given", describe(client.reason))
	}
}

func TestShutdownTellsEveryConnection(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	client := &recorder{}
	server := &recorder{}
	startPair(t, l, "tcp", client, server)
	l.shutdown()
	for name, r := range map[string]*recorder{"client": client, "server": server} {
		if !errors.Is(r.reason, interfaces.ErrConnectionLost) || r.lost != 1 || r.tr.Fileno() != -1 {
			t.Errorf("%s: lost %d times, reason %s, fileno %d", name, r.lost, describe(r.reason), r.tr.Fileno())
		}
	}
}

func sizeName(n int) string {
	switch {
	case n >= 1<<20:
		return strconv.Itoa(n>>20) + "MiB"
	case n >= 1<<10:
		return strconv.Itoa(n>>10) + "KiB"
	}
	return strconv.Itoa(n) + "B"
}

// randomBytes returns n random bytes (a per-byte loop would dominate the
// big tests, especially under the race detector).
func randomBytes(n int) []byte {
	b := make([]byte, n)
	var seed [32]byte
	binary.LittleEndian.PutUint64(seed[:], rand.Uint64())
	_, _ = rand.NewChaCha8(seed).Read(b)
	return b
}

// TestAbortThenShutdown: a reactor stopping between AbortConnection and
// the turn that reports it still tells the protocol, once.
func TestAbortThenShutdown(t *testing.T) {
	checkFDs(t)
	l := newTestLoop(t)
	client, server := &recorder{}, &recorder{}
	startPair(t, l, "tcp", client, server)
	client.tr.AbortConnection()
	client.tr.ConnectionLost(interfaces.ErrConnectionLost) // the reactor's shutdown
	if client.lost != 1 || !errors.Is(client.reason, interfaces.ErrConnectionAborted) {
		t.Errorf("lost %d times with %s; want once with ErrConnectionAborted", client.lost, describe(client.reason))
	}
	l.runUntil("server lost", func() bool { return server.lost == 1 })
	if client.lost != 1 {
		t.Errorf("lost %d times after the pending notice ran, want 1", client.lost)
	}
}
