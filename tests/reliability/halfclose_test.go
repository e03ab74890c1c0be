//go:build linux

package reliability_test

import (
	"errors"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol/policies"
)

// idle is the idle timeout of the servers that guard against silent
// peers.
const idle = 100 * time.Millisecond

// TestPeerHalfClosesAndGoesSilent half-closes connections and then
// neither sends, reads nor closes. A plain protocol takes the half-close
// as the end; a half-closeable one may finish its reply; one that waits
// for more is closed by an idle timeout, and one whose peer does not read
// its pending output is aborted when the idle timeout's close cannot
// drain. Each ends
// with the reason that says how, and the server's other connection is
// undisturbed.
func TestPeerHalfClosesAndGoesSilent(t *testing.T) {
	tests := []struct {
		name     string
		server   func(r *internet.Reactor, lost chan<- error) interfaces.Factory
		wantPeer string // what the peer reads before the end; "*": anything
		want     error
	}{
		{"plain protocol", func(_ *internet.Reactor, lost chan<- error) interfaces.Factory {
			return echoFactory(lost)
		}, "request", interfaces.ErrConnectionDone},
		{"half-closeable protocol finishes its reply", func(_ *internet.Reactor, lost chan<- error) interfaces.Factory {
			return halfFactory(lost, func(p *halfProto) {
				p.tr.Write([]byte(" and the rest"))
				p.tr.LoseConnection()
			})
		}, "request and the rest", interfaces.ErrConnectionDone},
		{"half-closeable protocol waiting, idle timeout", func(r *internet.Reactor, lost chan<- error) interfaces.Factory {
			return policies.NewTimeoutFactory(r, halfFactory(lost, nil), idle)
		}, "request", interfaces.ErrConnectionDone},
		{"peer not reading the reply, idle timeout aborts the stuck close", bigReplyIdleServer, "*", interfaces.ErrConnectionAborted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
				internettest.RunReactor(t, r)
				lost := make(chan error, 1)
				addr := listen(t, r, tc.server(r, lost))
				bystander := dial(t, listen(t, r, echoFactory(nil)))
				c := dial(t, addr)
				if _, err := c.Write([]byte("request")); err != nil {
					t.Fatal(err)
				}
				if err := c.CloseWrite(); err != nil {
					t.Fatal(err)
				}
				if reason := internettest.Await(t, lost); !errors.Is(reason, tc.want) {
					t.Errorf("ConnectionLost(%v), want %v", reason, tc.want)
				}
				if got := peerSeesClose(t, c); tc.wantPeer != "*" && string(got) != tc.wantPeer {
					t.Errorf("the peer read %q before the end, want %q", got, tc.wantPeer)
				}
				echoOver(t, bystander, "undisturbed")
			})
		})
	}
}

// halfFactory builds half-closeable echo protocols that report their loss
// to lost and run readLost when the peer half-closes.
func halfFactory(lost chan<- error, readLost func(p *halfProto)) *factory {
	return &factory{build: func(net.Addr) interfaces.Protocol {
		return &halfProto{
			proto:    proto{data: echo, lost: func(_ *proto, reason error) { lost <- reason }},
			readLost: readLost,
		}
	}}
}

// bigReplyIdleServer answers any request with a reply larger than the
// kernel buffers hold, behind a TimeoutFactory: a connection idle for the
// idle period is closed, and aborted when its reply cannot drain to a peer
// that does not read.
func bigReplyIdleServer(r *internet.Reactor, lost chan<- error) interfaces.Factory {
	replier := &factory{build: func(net.Addr) interfaces.Protocol {
		return &halfProto{proto: proto{
			data: func(p *proto, _ []byte) { writeReply(p) },
			lost: func(_ *proto, reason error) { lost <- reason },
		}}
	}}
	f := policies.NewTimeoutFactory(r, replier, idle)
	f.AbortDelay = idle
	return f
}
