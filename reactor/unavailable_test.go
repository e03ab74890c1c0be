package reactor

import (
	"errors"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// TestUnavailable checks the stand-in Get returns when no reactor can be
// created: everything that can fail fails with the creation error.
func TestUnavailable(t *testing.T) {
	errNone := errors.New("no reactor here")
	u := unavailable{errNone}
	_, trigErr := u.AddSystemEventTrigger(interfaces.Before, interfaces.Startup, nil)
	_, listenErr := u.ListenTCP(0, nil, interfaces.TCPListenOptions{})
	_, udpErr := u.ListenUDP(0, nil, interfaces.UDPListenOptions{})
	dc := u.CallLater(time.Second, func() { t.Error("ran") })
	for i, err := range []error{u.Run(), u.Stop(), trigErr, listenErr, udpErr, u.AddReader(nil), dc.Cancel(), dc.Reset(0)} {
		if !errors.Is(err, errNone) {
			t.Errorf("call %d: err = %v, want the creation error", i, err)
		}
	}
	if u.Running() || dc.Active() || len(u.DelayedCalls()) != 0 {
		t.Errorf("the stand-in claims to run or to hold calls")
	}
}
