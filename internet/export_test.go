package internet

import "time"

// Hooks for the tests in package internet_test.

// Iterate runs one loop turn without Run: what is due, then one wait of at
// most timeout and its dispatch.
func (r *Reactor) Iterate(timeout time.Duration) {
	r.runUntilCurrent()
	r.iterate(timeout)
}

// RunUntilCurrent runs what is due without waiting in the poller.
func (r *Reactor) RunUntilCurrent() { r.runUntilCurrent() }

// Close releases a reactor that never ran.
func (r *Reactor) Close() error {
	r.closeThreadCalls()
	r.closed = true
	return r.poller.close()
}

// WaitMillis is waitMillis.
var WaitMillis = waitMillis

// MaxWait is maxWait.
const MaxWait = maxWait
