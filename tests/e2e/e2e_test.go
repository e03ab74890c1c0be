package e2e

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMain(m *testing.M) { Main(m) }

func TestListenAddr(t *testing.T) {
	tests := []struct {
		line string
		want string
		ok   bool
	}{
		{`time=x level=INFO msg="listening on 127.0.0.1:8000" service=echo`, "127.0.0.1:8000", true},
		{`2026/01/02 10:00:00 INFO listening on [::1]:40123`, "[::1]:40123", true},
		{`listening on localhost:7 (udp)`, "localhost:7", true},
		{`listening on 127.0.0.1`, "", false},
		{`stopped listening`, "", false},
	}
	for _, tc := range tests {
		got, ok := ListenAddr(tc.line)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ListenAddr(%q) = %q, %v; want %q, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestProcStop(t *testing.T) {
	bin := Build(t, "./testdata/fake")
	p := Start(t, bin, "-code", "3", "127.0.0.1:1", "[::1]:2")
	if got := p.Addr(); got != "127.0.0.1:1" {
		t.Errorf("Addr() = %q, want 127.0.0.1:1", got)
	}
	if diff := cmp.Diff([]string{"127.0.0.1:1", "[::1]:2"}, p.Addrs(2)); diff != "" {
		t.Errorf("Addrs(2) (-want +got):\n%s", diff)
	}
	if got := p.WaitLine("ready"); got != "ready" {
		t.Errorf("WaitLine(ready) = %q, want the partial line", got)
	}
	if code := p.Stop(); code != 3 {
		t.Errorf("Stop() = %d, want 3", code)
	}
	if got, want := p.Stdout(), "ready bye\n"; got != want {
		t.Errorf("Stdout() = %q, want %q", got, want)
	}
}

func TestRun(t *testing.T) {
	bin := Build(t, "./testdata/fake")
	if again := Build(t, "./testdata/fake"); again != bin {
		t.Errorf("second Build = %q, want the cached %q", again, bin)
	}
	code, stdout, stderr := Run(t, bin, "-now", "-code", "0", "localhost:9")
	if code != 0 || stdout != "ready bye\n" {
		t.Errorf("Run = %d, %q; want 0, %q", code, stdout, "ready bye\n")
	}
	if addr, _ := ListenAddr(stderr); addr != "localhost:9" {
		t.Errorf("stderr %q holds no listening line for localhost:9", stderr)
	}
}
