//go:build race

package transport_test

// raceEnabled reports that the race detector is on; see
// TestEchoAllocatesNothing for the one check it changes.
const raceEnabled = true
