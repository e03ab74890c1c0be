// LoopingCall's inner workings: one call, its outcome, and the next tick.

package task

import (
	"time"

	"github.com/twistgo/twistgo/deferred"
)

// run makes one call of the function and arranges for the next.
func (lc *LoopingCall) run() {
	lc.call = nil
	lc.inFlight = true
	d := deferred.Maybe(lc.invokeF)
	d.AddCallbacks(lc.succeededF, lc.failedF)
}

// invoke calls the function, with the count for counted loops; a counted
// call that finds no interval has passed is skipped.
func (lc *LoopingCall) invoke() (any, error) {
	if !lc.counted || lc.interval == 0 {
		return lc.f(1)
	}
	tick := lc.tickOf(lc.clock.Now())
	count := tick - lc.last
	if count <= 0 {
		return nil, nil
	}
	lc.last = tick
	return lc.f(int(count))
}

// succeeded schedules the next call, or completes a Stop made meanwhile.
func (lc *LoopingCall) succeeded(any) (any, error) {
	lc.inFlight = false
	if lc.running {
		lc.scheduleFrom(lc.clock.Now())
	} else {
		lc.finish(nil)
	}
	return nil, nil
}

// failed stops the loop with the function's error.
func (lc *LoopingCall) failed(err error) (any, error) {
	lc.inFlight = false
	lc.running = false
	lc.finish(err)
	return nil, nil
}

// finish fires Start's Deferred, after clearing it so its callbacks may
// start the loop again.
func (lc *LoopingCall) finish(err error) {
	d := lc.done
	lc.done = nil
	if err != nil {
		_ = d.Errback(err)
		return
	}
	_ = d.Callback(lc)
}

// scheduleFrom schedules the next call at the first tick (a whole number
// of intervals since start) strictly after when.
func (lc *LoopingCall) scheduleFrom(when time.Time) {
	var delay time.Duration
	if lc.interval > 0 {
		into := when.Sub(lc.start) % lc.interval
		if into < 0 {
			into += lc.interval
		}
		delay = lc.interval - into
	}
	lc.call = lc.clock.CallLater(delay, lc.runF)
}

// tickOf returns the index of the interval t falls in, counted from start.
func (lc *LoopingCall) tickOf(t time.Time) int64 {
	elapsed := t.Sub(lc.start)
	tick := int64(elapsed / lc.interval)
	if elapsed%lc.interval < 0 {
		tick--
	}
	return tick
}
