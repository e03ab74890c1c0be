//go:build linux

package reliability_test

import (
	"bufio"
	"fmt"
	"math"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/protocol/policies"
)

// requestTimeout is how long the slowloris server allows for a complete
// line. It is longer than the trickle interval, so only a timer that
// ignores partial input can close the trickling connections.
const requestTimeout = 1500 * time.Millisecond

// lineServer answers each line with "ok <line>", and closes a connection
// that has not completed a line within requestTimeout: its timer is
// re-armed by complete lines, not by bytes, so trickling input does not
// keep a connection alive.
type lineServer struct {
	basic.LineReceiver
	policies.Timeout
	closed func(open time.Duration) // told how long the connection was open
}

func (s *lineServer) ConnectionMade() {
	made := time.Now()
	s.OnTimeout = func() {
		s.Transport.LoseConnection()
		s.closed(time.Since(made))
	}
	s.SetTimeout(requestTimeout)
}

func (s *lineServer) LineReceived(line []byte) {
	s.ResetTimeout()
	s.Transport.Write(append([]byte("ok "), line...))
	s.Transport.Write([]byte("\n"))
}

func (s *lineServer) ConnectionLost(error) { s.SetTimeout(0) }

// TestSlowlorisClosedByRequestTimeout opens 500 connections that each
// send the start of a line and then one more byte every second, while a
// normal client sends a line every 100 ms. Every trickling connection must
// be closed by the request timeout, none before it, and the normal client
// must get every answer.
func TestSlowlorisClosedByRequestTimeout(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		slow := 500
		if r.Name() == "select" {
			// select(2) watches descriptor numbers below 1024 only, and
			// the clients' descriptors are in this process too.
			slow = 400
		}
		internettest.RunReactor(t, r)
		timedOut := 0
		shortest := time.Duration(math.MaxInt64) // the shortest-lived closed connection's age
		allClosed := make(chan struct{})
		addr := listen(t, r, &factory{build: func(net.Addr) interfaces.Protocol {
			s := &lineServer{closed: func(open time.Duration) {
				shortest = min(shortest, open)
				if timedOut++; timedOut == slow {
					close(allClosed)
				}
			}}
			s.Delimiter = []byte("\n")
			s.Handler = s
			s.Clock = r
			return s
		}})
		trickling := make([]*net.TCPConn, slow)
		for i := range trickling {
			trickling[i] = dial(t, addr)
			if _, err := trickling[i].Write([]byte("GET ")); err != nil {
				t.Fatal(err)
			}
		}
		normal := dial(t, addr)
		normalReader := bufio.NewReader(normal)

		tick := time.NewTicker(100 * time.Millisecond) // paces the clients; nothing waits on it for a result
		defer tick.Stop()
		deadline := time.After(internettest.Timeout)
	trickle:
		for n := 0; ; n++ {
			select {
			case <-allClosed:
				break trickle
			case <-deadline:
				t.Fatalf("%d of %d trickling connections closed within %v", internettest.OnReactor(t, r, func() (int, error) { return timedOut, nil }), slow, internettest.Timeout)
			case <-tick.C:
			}
			exchangeLine(t, normal, normalReader, fmt.Sprintf("request %d", n))
			if n%10 == 9 {
				for _, c := range trickling {
					_, _ = c.Write([]byte("x")) // fails once the server has closed
				}
			}
		}
		if open := internettest.OnReactor(t, r, func() (time.Duration, error) { return shortest, nil }); open < requestTimeout {
			t.Errorf("a trickling connection was closed %v after it was made, before the request timeout %v", open, requestTimeout)
		}
		for _, c := range trickling {
			peerSeesClose(t, c)
		}
		_ = normal.SetDeadline(time.Now().Add(internettest.Timeout))
		exchangeLine(t, normal, normalReader, "still answered")
	})
}

// exchangeLine sends line and expects "ok <line>" back.
func exchangeLine(t *testing.T, c net.Conn, br *bufio.Reader, line string) {
	t.Helper()
	if _, err := c.Write([]byte(line + "\n")); err != nil {
		t.Fatalf("normal client: %v", err)
	}
	got, err := br.ReadString('\n')
	if want := "ok " + line + "\n"; err != nil || got != want {
		t.Fatalf("normal client got %q, %v; want %q", got, err, want)
	}
}
