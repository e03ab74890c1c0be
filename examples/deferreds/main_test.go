package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestDeferreds(t *testing.T) {
	bin := e2e.Build(t, ".")
	code, stdout, stderr := e2e.Run(t, bin)
	if code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, stderr)
	}
	want := "0 ok: alice has 42 points\n" +
		"1 ok: bob is not registered (recovered: bob: no such user)\n" +
		"2 failed: deferred: timed out after 50ms (timeout: true)\n"
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
}
