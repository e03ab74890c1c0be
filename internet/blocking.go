// BlockingCallFromThread: run a function on the reactor goroutine from
// another goroutine and wait for its result.

package internet

import (
	"context"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
)

// BlockingCallFromThread runs f on the reactor goroutine of r and waits
// for its result. If f returns a *deferred.Deferred, it waits for that to
// fire and returns its result instead. A panic in f comes back as a
// *interfaces.PanicError.
//
// It returns ctx.Err() if ctx ends first (f may still run, and its result
// is dropped), and interfaces.ErrReactorNotRunning if r is a *Reactor whose
// loop has ended. Never call it on the reactor goroutine: it would wait
// for itself until ctx ends.
//
// Safe for concurrent use.
//
// Twisted: twisted.internet.threads.blockingCallFromThread.
func BlockingCallFromThread(ctx context.Context, r interfaces.ReactorThreads, f func() (any, error)) (any, error) {
	type outcome struct {
		v   any
		err error
	}
	ch := make(chan outcome, 1)
	r.CallFromThread(func() {
		deferred.Maybe(f).AddBoth(func(v any, err error) (any, error) {
			ch <- outcome{v, err}
			return nil, nil
		})
	})
	var ended <-chan struct{}
	if rr, ok := r.(*Reactor); ok {
		ended = rr.done
	}
	select {
	case o := <-ch:
		return o.v, o.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-ended:
		select {
		case o := <-ch: // it ran before the loop ended
			return o.v, o.err
		default:
			return nil, interfaces.ErrReactorNotRunning
		}
	}
}
