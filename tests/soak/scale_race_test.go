//go:build race

package soak_test

import "time"

// The default load under the race detector, which slows every memory
// access (the soak churned 2 to 5 times fewer connections a second here,
// on a quiet and a busy machine): a shorter run and a tenth of the
// connections at least, so that the race run stays within about a minute
// too. The checks are the same; only the load is smaller.
const (
	defaultDuration = 30 * time.Second
	defaultConns    = 10_000
)
