// The stand-in Get returns when no reactor can be created.

package reactor

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// unavailable is a reactor that cannot do anything: every method that can
// fail returns err, the others do nothing. It keeps Get from returning nil
// (or panicking) on a platform without a reactor.
type unavailable struct{ err error }

var _ interfaces.Reactor = unavailable{}

func (u unavailable) Run() error             { return u.err }
func (u unavailable) Stop() error            { return u.err }
func (u unavailable) Running() bool          { return false }
func (u unavailable) CallWhenRunning(func()) {}

func (u unavailable) AddSystemEventTrigger(interfaces.Phase, interfaces.Event, interfaces.Trigger) (interfaces.TriggerID, error) {
	return 0, u.err
}

func (u unavailable) RemoveSystemEventTrigger(interfaces.TriggerID) error { return u.err }

func (u unavailable) Now() time.Time { return time.Now() }

func (u unavailable) CallLater(delay time.Duration, _ func()) interfaces.DelayedCall {
	return unavailableCall{when: time.Now().Add(delay), err: u.err}
}

func (u unavailable) DelayedCalls() []interfaces.DelayedCall { return nil }

func (u unavailable) AddReader(interfaces.ReadDescriptor) error  { return u.err }
func (u unavailable) AddWriter(interfaces.WriteDescriptor) error { return u.err }
func (u unavailable) RemoveReader(interfaces.ReadDescriptor)     {}
func (u unavailable) RemoveWriter(interfaces.WriteDescriptor)    {}
func (u unavailable) RemoveAll() []interfaces.FileDescriptor     { return nil }
func (u unavailable) Readers() []interfaces.ReadDescriptor       { return nil }
func (u unavailable) Writers() []interfaces.WriteDescriptor      { return nil }
func (u unavailable) CallFromThread(func())                      {}
func (u unavailable) CallInThread(func())                        {}
func (u unavailable) SuggestThreadPoolSize(int)                  {}

func (u unavailable) ListenTCP(int, interfaces.Factory, interfaces.TCPListenOptions) (interfaces.ListeningPort, error) {
	return nil, u.err
}

func (u unavailable) ConnectTCP(string, int, interfaces.ClientFactory, interfaces.TCPConnectOptions) (interfaces.Connector, error) {
	return nil, u.err
}

func (u unavailable) ListenUNIX(string, interfaces.Factory, interfaces.UNIXListenOptions) (interfaces.ListeningPort, error) {
	return nil, u.err
}

func (u unavailable) ConnectUNIX(string, interfaces.ClientFactory, interfaces.UNIXConnectOptions) (interfaces.Connector, error) {
	return nil, u.err
}

func (u unavailable) ListenUDP(int, interfaces.DatagramProtocol, interfaces.UDPListenOptions) (interfaces.DatagramTransport, error) {
	return nil, u.err
}

// unavailableCall is the DelayedCall of an unavailable reactor: it never
// runs, and every change returns the reactor's error.
type unavailableCall struct {
	when time.Time
	err  error
}

func (c unavailableCall) Time() time.Time           { return c.when }
func (c unavailableCall) Active() bool              { return false }
func (c unavailableCall) Cancel() error             { return c.err }
func (c unavailableCall) Delay(time.Duration) error { return c.err }
func (c unavailableCall) Reset(time.Duration) error { return c.err }
