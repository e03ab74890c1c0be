// Package-level functions that act on the installed reactor (Get()).

package reactor

import (
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

// Run runs the installed reactor until Stop; see interfaces.ReactorCore.Run.
//
// Twisted: reactor.run.
func Run() error { return Get().Run() }

// Stop stops the installed reactor; see interfaces.ReactorCore.Stop. Call
// only on the reactor goroutine.
//
// Twisted: reactor.stop.
func Stop() error { return Get().Stop() }

// Running reports whether the installed reactor is running. Safe for
// concurrent use.
//
// Twisted: reactor.running.
func Running() bool { return Get().Running() }

// CallWhenRunning calls f once the installed reactor runs (now, if it
// does). Call only on the reactor goroutine, or before Run.
//
// Twisted: reactor.callWhenRunning.
func CallWhenRunning(f func()) { Get().CallWhenRunning(f) }

// AddSystemEventTrigger registers a trigger with the installed reactor;
// see interfaces.ReactorCore.AddSystemEventTrigger. Call only on the
// reactor goroutine, or before Run.
//
// Twisted: reactor.addSystemEventTrigger.
func AddSystemEventTrigger(phase interfaces.Phase, event interfaces.Event, f interfaces.Trigger) (interfaces.TriggerID, error) {
	return Get().AddSystemEventTrigger(phase, event, f)
}

// RemoveSystemEventTrigger unregisters a trigger of the installed
// reactor. Call only on the reactor goroutine, or before Run.
//
// Twisted: reactor.removeSystemEventTrigger.
func RemoveSystemEventTrigger(id interfaces.TriggerID) error {
	return Get().RemoveSystemEventTrigger(id)
}

// Now returns the installed reactor's current time.
//
// Twisted: reactor.seconds.
func Now() time.Time { return Get().Now() }

// CallLater runs f on the installed reactor's goroutine after delay. Call
// only on the reactor goroutine, or before Run.
//
// Twisted: reactor.callLater.
func CallLater(delay time.Duration, f func()) interfaces.DelayedCall {
	return Get().CallLater(delay, f)
}

// DelayedCalls returns the installed reactor's pending calls. Call only
// on the reactor goroutine, or before Run.
//
// Twisted: reactor.getDelayedCalls.
func DelayedCalls() []interfaces.DelayedCall { return Get().DelayedCalls() }

// CallFromThread queues f to run on the installed reactor's goroutine.
//
// Safe for concurrent use.
//
// Twisted: reactor.callFromThread.
func CallFromThread(f func()) { Get().CallFromThread(f) }

// CallInThread runs f on the installed reactor's worker pool.
//
// Safe for concurrent use.
//
// Twisted: reactor.callInThread.
func CallInThread(f func()) { Get().CallInThread(f) }

// SuggestThreadPoolSize sets the size of the installed reactor's worker
// pool.
//
// Safe for concurrent use.
//
// Twisted: reactor.suggestThreadPoolSize.
func SuggestThreadPoolSize(n int) { Get().SuggestThreadPoolSize(n) }

// ListenTCP listens on a TCP port with the installed reactor; see
// interfaces.ReactorTCP.ListenTCP. Call only on the reactor goroutine, or
// before Run.
//
// Twisted: reactor.listenTCP.
func ListenTCP(port int, f interfaces.Factory, opts interfaces.TCPListenOptions) (interfaces.ListeningPort, error) {
	return Get().ListenTCP(port, f, opts)
}

// ConnectTCP connects over TCP with the installed reactor; see
// interfaces.ReactorTCP.ConnectTCP. Call only on the reactor goroutine, or
// before Run.
//
// Twisted: reactor.connectTCP.
func ConnectTCP(host string, port int, f interfaces.ClientFactory, opts interfaces.TCPConnectOptions) (interfaces.Connector, error) {
	return Get().ConnectTCP(host, port, f, opts)
}

// ListenUNIX listens on a UNIX socket with the installed reactor; see
// interfaces.ReactorUNIX.ListenUNIX. Call only on the reactor goroutine,
// or before Run.
//
// Twisted: reactor.listenUNIX.
func ListenUNIX(path string, f interfaces.Factory, opts interfaces.UNIXListenOptions) (interfaces.ListeningPort, error) {
	return Get().ListenUNIX(path, f, opts)
}

// ConnectUNIX connects to a UNIX socket with the installed reactor; see
// interfaces.ReactorUNIX.ConnectUNIX. Call only on the reactor goroutine,
// or before Run.
//
// Twisted: reactor.connectUNIX.
func ConnectUNIX(path string, f interfaces.ClientFactory, opts interfaces.UNIXConnectOptions) (interfaces.Connector, error) {
	return Get().ConnectUNIX(path, f, opts)
}

// ListenUDP binds a UDP port with the installed reactor; see
// interfaces.ReactorUDP.ListenUDP. Call only on the reactor goroutine, or
// before Run.
//
// Twisted: reactor.listenUDP.
func ListenUDP(port int, p interfaces.DatagramProtocol, opts interfaces.UDPListenOptions) (interfaces.DatagramTransport, error) {
	return Get().ListenUDP(port, p, opts)
}
