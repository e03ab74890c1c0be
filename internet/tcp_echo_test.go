//go:build linux

package internet_test

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"net"
	"strconv"
	"sync"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// TestTCPEcho sends random payloads to an echo server and compares what
// comes back byte for byte.
func TestTCPEcho(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		_, addr := listen(t, r, echoFactory(), interfaces.TCPListenOptions{})
		for _, size := range []int{0, 1, 64 << 10, 16 << 20} {
			t.Run(strconv.Itoa(size), func(t *testing.T) {
				echoOnce(t, "tcp", addr.String(), randomBytes(size))
			})
		}
	})
}

// echoOnce writes payload over a new connection, half-closes, and checks
// the same bytes come back before the server closes.
func echoOnce(t *testing.T, network, addr string, payload []byte) {
	t.Helper()
	c := internettest.Dial(t, network, addr)
	werr := make(chan error, 1)
	go func() {
		_, err := c.Write(payload)
		werr <- err
	}()
	got := make([]byte, len(payload))
	if _, err := io.ReadFull(c, got); err != nil {
		t.Fatalf("reading the echo: %v", err)
	}
	if err := internettest.Await(t, werr); err != nil {
		t.Fatalf("write: %v", err)
	}
	if !bytes.Equal(got, payload) {
		t.Fatalf("echo of %d bytes differs from what was sent", len(payload))
	}
}

// TestTCPManyConnections echoes over many connections at once.
func TestTCPManyConnections(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		n := 1000
		if r.Name() == "select" {
			n = 300 // select(2) watches only fds below 1024; both ends live in this process
		}
		internettest.RunReactor(t, r)
		_, addr := listen(t, r, echoFactory(), interfaces.TCPListenOptions{Backlog: n})
		conns := make([]net.Conn, n)
		for i := range conns {
			conns[i] = internettest.Dial(t, "tcp", addr.String())
		}
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i, c := range conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				msg := []byte("message " + strconv.Itoa(i))
				if _, err := c.Write(msg); err != nil {
					errs <- err
					return
				}
				got := make([]byte, len(msg))
				if _, err := io.ReadFull(c, got); err != nil || !bytes.Equal(got, msg) {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("connection failed: %v", err)
		}
	})
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
