package soak_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/twistgo/twistgo/internet/internettest"
)

// settle is how long the process may take to give back what the load
// used: descriptors closed by exiting goroutines, goroutines ending.
const settle = 10 * time.Second

// heapSlack is how far above its baseline the live heap may end: less
// than one small object (32 bytes) kept per churned connection adds up to
// with the default load, and a hundred times what a clean run ends with.
const heapSlack = 1 << 20

// baseline is what the process holds before the load.
type baseline struct {
	fds, goroutines int
	heap            uint64
}

// measure takes the baseline, after a garbage collection.
func measure(t *testing.T) baseline {
	t.Helper()
	return baseline{fds: internettest.OpenFDs(t), goroutines: runtime.NumGoroutine(), heap: liveHeap()}
}

// liveHeap returns the bytes of live heap objects after a full collection
// (two, so pooled buffers dropped by the first are gone too).
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// check fails the test unless descriptors and goroutines come back to the
// baseline within settle and the heap ends near it.
func (b baseline) check(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(settle)
	fds, goroutines := internettest.OpenFDs(t), runtime.NumGoroutine()
	for (fds > b.fds || goroutines > b.goroutines) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // polling a count with a deadline, not ordering events
		fds, goroutines = internettest.OpenFDs(t), runtime.NumGoroutine()
	}
	if fds > b.fds {
		t.Errorf("%d descriptors open after the load, %d before", fds, b.fds)
	}
	if goroutines > b.goroutines {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after the load, %d before:\n%s", goroutines, b.goroutines, buf[:runtime.Stack(buf, true)])
	}
	heap := liveHeap()
	t.Logf("live heap %d KiB after the load, %d KiB before", heap>>10, b.heap>>10)
	if heap > b.heap+heapSlack {
		t.Errorf("live heap %d KiB after the load, %d KiB before: more than %d KiB kept", heap>>10, b.heap>>10, heapSlack>>10)
	}
}
