package internet

import (
	"testing"

	"github.com/twistgo/twistgo/transport"
)

// TestLiveSetHoldsOnlyUnwatched: a tracked connection costs a live-set
// entry only while nothing watches it, and shutdown reaches it either way.
func TestLiveSetHoldsOnlyUnwatched(t *testing.T) {
	const conns = 10
	r, p, built := newLoopbackPort(t)
	dialN(t, p, conns)
	for *built < conns {
		_ = p.DoRead()
	}
	if len(r.live) != 0 {
		t.Fatalf("%d live-set entries with every connection watched; want 0", len(r.live))
	}
	var paused []*transport.Conn
	for _, rd := range r.Readers() {
		if c, ok := rd.(*transport.Conn); ok && len(paused) < 3 {
			c.PauseProducing()
			paused = append(paused, c)
		}
	}
	if len(r.live) != len(paused) {
		t.Fatalf("%d live-set entries after pausing %d connections", len(r.live), len(paused))
	}
	paused[0].ResumeProducing()
	if len(r.live) != len(paused)-1 {
		t.Fatalf("%d live-set entries after resuming one of %d", len(r.live), len(paused))
	}
	r.disconnectAll()
	for i, c := range paused {
		if c.Fileno() != -1 {
			t.Errorf("paused connection %d still open after shutdown", i)
		}
	}
	if len(r.live) != 0 || len(r.Readers()) != 0 {
		t.Errorf("after shutdown: %d live, %d readers", len(r.live), len(r.Readers()))
	}
}
