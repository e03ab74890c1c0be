package soak_test

import (
	"flag"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

var (
	duration = flag.Duration("soak.duration", defaultDuration,
		"how long the soak runs at least, shared equally among the reactors")
	conns = flag.Int("soak.conns", defaultConns,
		"how many connections the soak churns at least, shared equally among the reactors")
)

// The shape of the load.
const (
	churners    = 32                   // goroutines each churning connections one at a time
	streamers   = 8                    // long connections streaming all along
	streamTick  = 5 * time.Millisecond // one piece of up to 32 KiB per streamer per tick
	warmUpConns = 200                  // churned before the baseline is taken
)

func TestMain(m *testing.M) {
	// Keep the reactors' Info logs (listening...) out of the output.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(m.Run())
}

// TestSoak runs an echo server on each reactor in turn and, for its share
// of -soak.duration, churns connections through it (request and close;
// request, half-close and read to the end; reset; connect and close) while
// streamers stream through it, until at least its share of -soak.conns
// connections were churned. Then every byte must have come back, the
// server must have seen every connection end with a clean or unclean
// close (never a panic), and the process must be back to its descriptors,
// goroutines and heap of before the load.
func TestSoak(t *testing.T) {
	names := internet.Names()
	share := *duration / time.Duration(len(names))
	quota := int64(*conns / len(names))
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		s := newEchoServer()
		port := internettest.OnReactor(t, r, func() (interfaces.ListeningPort, error) {
			return r.ListenTCP(0, s, interfaces.TCPListenOptions{Interface: "127.0.0.1", Backlog: 1024})
		})
		addr := port.GetHost().String()
		warm := newTally()
		churnAll(addr, 0, warmUpConns, time.Now(), warm)
		base := measure(t)

		l := newTally()
		start := time.Now()
		stop := make(chan struct{})
		var streams sync.WaitGroup
		for i := range streamers {
			streams.Go(func() { stream(addr, uint64(1<<40+i), stop, streamTick, l) })
		}
		churnAll(addr, warmUpConns, quota, start.Add(share), l)
		close(stop)
		streams.Wait()
		elapsed := time.Since(start)

		internettest.OnReactor(t, r, func() (any, error) { s.drain(); return nil, nil })
		internettest.Await(t, s.drained)
		report(t, s, r, l, warm, elapsed)
		base.check(t)
	})
}

// churnAll churns connections numbered from first on, with churners
// goroutines, until at least quota were churned and the deadline passed.
func churnAll(addr string, first uint64, quota int64, deadline time.Time, l *tally) {
	var next atomic.Uint64
	next.Store(first)
	var wg sync.WaitGroup
	for range churners {
		wg.Go(func() {
			for l.churned.Load() < quota || time.Now().Before(deadline) {
				churnOne(addr, next.Add(1)-1, l)
			}
		})
	}
	wg.Wait()
}

// report checks the clients' and the server's counts.
func report(t *testing.T, s *echoServer, r *internet.Reactor, l, warm *tally, elapsed time.Duration) {
	t.Helper()
	for _, tl := range []*tally{warm, l} {
		close(tl.errs)
		for err := range tl.errs {
			t.Error(err)
		}
	}
	if n := l.failures.Load() + warm.failures.Load(); n > 0 {
		t.Errorf("%d connections failed", n)
	}
	type counts struct{ made, done, lost, other int }
	c := internettest.OnReactor(t, r, func() (counts, error) { return counts{s.made, s.done, s.lost, s.other}, nil })
	dialed := int(l.dialed.Load() + warm.dialed.Load())
	if c.made != dialed || c.done+c.lost != c.made || c.other > 0 {
		t.Errorf("server: %d connections made (%d dialed), %d ended cleanly, %d uncleanly, %d otherwise %v",
			c.made, dialed, c.done, c.lost, c.other, s.otherReasons)
	}
	t.Logf("%s: %d connections churned and %d streamed in %v (%.0f/s), %d MiB echoed; server: %d clean ends, %d unclean",
		r.Name(), l.churned.Load(), streamers, elapsed.Round(time.Millisecond),
		float64(l.churned.Load())/elapsed.Seconds(), l.echoed.Load()>>20, c.done, c.lost)
}
