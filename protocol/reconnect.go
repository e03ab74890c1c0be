// ReconnectingClientFactory: retries failed and lost connections with
// exponential back-off on the reactor's clock.

package protocol

import (
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

var _ interfaces.ClientFactory = (*ReconnectingClientFactory)(nil)

// Twisted's back-off defaults.
const (
	// DefaultInitialDelay is the wait before the first retry.
	DefaultInitialDelay = time.Second
	// DefaultMaxDelay caps the wait between retries.
	DefaultMaxDelay = time.Hour
	// DefaultFactor multiplies the wait after each retry (Euler's number).
	DefaultFactor = math.E
	// DefaultJitter is the relative standard deviation of the random
	// spread applied to each wait, so many clients do not retry in step.
	DefaultJitter = 0.119626565582
)

// ReconnectingClientFactory is a ClientFactory that connects again whenever
// an attempt fails or an established connection is lost, waiting longer
// after each failure: the waits start at InitialDelay and grow by Factor up
// to MaxDelay, each spread by Jitter. Call ResetDelay once a connection is
// known to be good (for example after a protocol handshake), or the next
// loss waits as long as the last failure did. StopTrying gives up.
//
// Two deliberate departures from Twisted: the first retry waits
// InitialDelay (Twisted waits InitialDelay*Factor), and the jittered wait
// never exceeds MaxDelay nor drops below zero. Jitter is applied to each
// wait, not folded into the next one.
//
// Create it with NewReconnectingClientFactory. In a struct literal, zero
// InitialDelay, MaxDelay and Factor mean their defaults, zero Jitter means
// none and zero MaxRetries means no limit. Change fields before the first
// retry. Call only on the reactor goroutine.
//
// Twisted: protocol.ReconnectingClientFactory.
type ReconnectingClientFactory struct {
	ClientFactory

	// Clock schedules the retries; usually the reactor.
	Clock interfaces.ReactorTime
	// InitialDelay is the wait before the first retry; 0 means
	// DefaultInitialDelay.
	InitialDelay time.Duration
	// MaxDelay caps every wait; 0 means DefaultMaxDelay.
	MaxDelay time.Duration
	// Factor multiplies the wait after each retry; 0 means DefaultFactor.
	Factor float64
	// Jitter is the relative standard deviation of each wait: the wait is
	// delay*(1+Jitter*n) for a normal deviate n. 0 means no jitter.
	Jitter float64
	// MaxRetries is how many retries in a row are made before giving up;
	// 0 means no limit.
	MaxRetries int
	// Normal returns standard normal deviates for the jitter; nil means
	// math/rand/v2.NormFloat64. Tests set it to a fixed source.
	Normal func() float64
	// Logger reports giving up and misconfiguration; nil means
	// slog.Default().
	Logger *slog.Logger

	delay     time.Duration // the unjittered wait before the next retry
	retries   int
	stopped   bool
	connector interfaces.Connector
	call      interfaces.DelayedCall
}

// NewReconnectingClientFactory returns a factory that builds protocols with
// build and retries on clock, with Twisted's defaults, including
// DefaultJitter.
//
// Twisted: ReconnectingClientFactory.__init__ and its class attributes.
func NewReconnectingClientFactory(clock interfaces.ReactorTime, build func(addr net.Addr) interfaces.Protocol) *ReconnectingClientFactory {
	f := &ReconnectingClientFactory{Clock: clock, Jitter: DefaultJitter}
	f.Build = build
	return f
}

// ClientConnectionFailed remembers c and schedules a retry.
//
// Twisted: ReconnectingClientFactory.clientConnectionFailed.
func (f *ReconnectingClientFactory) ClientConnectionFailed(c interfaces.Connector, reason error) {
	if !f.stopped {
		f.connector = c
		f.Retry(c)
	}
}

// ClientConnectionLost remembers c and schedules a retry.
//
// Twisted: ReconnectingClientFactory.clientConnectionLost.
func (f *ReconnectingClientFactory) ClientConnectionLost(c interfaces.Connector, reason error) {
	if !f.stopped {
		f.connector = c
		f.Retry(c)
	}
}

// Retry schedules c.Connect after the next back-off wait, unless StopTrying
// was called or MaxRetries retries were made since the last ResetDelay. A
// nil c means the last connector seen. Retry is called for you on failure
// and loss; call it yourself to reconnect for another reason.
//
// Twisted: ReconnectingClientFactory.retry.
func (f *ReconnectingClientFactory) Retry(c interfaces.Connector) {
	if f.stopped {
		return
	}
	if c == nil {
		c = f.connector
	}
	if c == nil || f.Clock == nil {
		f.logger().Error("twistgo: ReconnectingClientFactory cannot retry without a connector and a clock")
		return
	}
	f.retries++
	if f.MaxRetries > 0 && f.retries > f.MaxRetries {
		f.logger().Info("twistgo: giving up reconnecting", "destination", c.GetDestination(), "retries", f.retries-1)
		return
	}
	wait := f.nextWait()
	if f.call != nil && f.call.Active() {
		_ = f.call.Cancel()
	}
	f.call = f.Clock.CallLater(wait, func() {
		f.call = nil
		_ = c.Connect() // ErrAlreadyConnecting: someone else reconnected it
	})
}

// StopTrying cancels a scheduled retry, stops an attempt in progress and
// makes later failures and losses final, until ResetDelay.
//
// Twisted: ReconnectingClientFactory.stopTrying.
func (f *ReconnectingClientFactory) StopTrying() {
	if f.call != nil {
		_ = f.call.Cancel()
		f.call = nil
	}
	f.stopped = true
	if f.connector != nil {
		_ = f.connector.StopConnecting() // ErrNotConnecting is fine
	}
}

// ResetDelay restores the initial wait, the retry count and trying: call it
// when a connection has proved good.
//
// Twisted: ReconnectingClientFactory.resetDelay.
func (f *ReconnectingClientFactory) ResetDelay() {
	f.delay = 0
	f.retries = 0
	f.stopped = false
}

// Retries returns how many retries were made since the last ResetDelay.
//
// Twisted: ReconnectingClientFactory.retries.
func (f *ReconnectingClientFactory) Retries() int { return f.retries }

// Pending returns the scheduled retry, or nil if none is scheduled.
func (f *ReconnectingClientFactory) Pending() interfaces.DelayedCall {
	if f.call == nil || !f.call.Active() {
		return nil
	}
	return f.call
}

// nextWait returns the jittered wait for this retry and grows the base
// delay for the next one.
func (f *ReconnectingClientFactory) nextWait() time.Duration {
	maxDelay := orDefault(f.MaxDelay, DefaultMaxDelay)
	if f.delay == 0 {
		f.delay = min(orDefault(f.InitialDelay, DefaultInitialDelay), maxDelay)
	}
	wait := f.delay
	factor := f.Factor
	if factor == 0 {
		factor = DefaultFactor
	}
	f.delay = time.Duration(min(float64(f.delay)*factor, float64(maxDelay)))
	if f.Jitter == 0 {
		return wait
	}
	normal := f.Normal
	if normal == nil {
		normal = rand.NormFloat64
	}
	jittered := float64(wait) * (1 + f.Jitter*normal())
	return time.Duration(max(0, min(jittered, float64(maxDelay))))
}

func (f *ReconnectingClientFactory) logger() *slog.Logger {
	if f.Logger != nil {
		return f.Logger
	}
	return slog.Default()
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
