//go:build !race

package soak_test

import "time"

// The default load without the race detector: 100 000 connections over
// about 45 seconds in all.
const (
	defaultDuration = 45 * time.Second
	defaultConns    = 100_000
)
