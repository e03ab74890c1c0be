//go:build race

package soak_test

import "time"

// The default load under the race detector, which makes every memory
// access several times slower (5-10x here): a tenth of the connections,
// so that the race run stays within about a minute too. The checks are
// the same; only the load is smaller.
const (
	defaultDuration = 30 * time.Second
	defaultConns    = 10_000
)
