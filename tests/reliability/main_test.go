//go:build linux

package reliability_test

import (
	"log/slog"
	"os"
	"testing"
)

// TestMain keeps the reactors' routine Info logs (listening, stopped
// listening) out of the test output; warnings and errors still show, and
// tests that check the log capture it (captureLogs).
func TestMain(m *testing.M) {
	if runChild() {
		return
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(m.Run())
}
