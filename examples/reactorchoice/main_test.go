package main

import (
	"strings"
	"testing"

	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/tests/e2e"
)

func TestReactorChoice(t *testing.T) {
	bin := e2e.Build(t, ".")
	t.Run("default poll", func(t *testing.T) {
		code, stdout, stderr := e2e.Run(t, bin)
		want := "running the poll reactor\ninstalling another now fails: twistgo: reactor already installed\n"
		if code != 0 || stdout != want {
			t.Errorf("exit %d, stdout %q; want 0, %q; stderr:\n%s", code, stdout, want, stderr)
		}
	})
	for _, name := range internet.Names() {
		t.Run(name, func(t *testing.T) {
			code, stdout, _ := e2e.Run(t, bin, "--reactor", name)
			if want := "running the " + name + " reactor\n"; code != 0 || !strings.HasPrefix(stdout, want) {
				t.Errorf("exit %d, stdout %q; want 0 and %q first", code, stdout, want)
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		code, stdout, stderr := e2e.Run(t, bin, "--reactor", "warp")
		if code != 2 || stdout != "" || !strings.Contains(stderr, "warp") || !strings.Contains(stderr, "poll") {
			t.Errorf("exit %d, stdout %q, stderr %q; want 2 and the names offered", code, stdout, stderr)
		}
	})
}
