package main

import (
	"net"
	"strconv"
	"strings"
	"testing"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // parts of the one stderr line
	}{
		{"no service", nil, []string{"no service given", "echo", "portforward"}},
		{"unknown service", []string{"gopher"}, []string{`unknown service "gopher"`, "chargen"}},
		{"unknown reactor", []string{"--reactor", "warp", "echo"}, []string{`unknown reactor "warp"`, "poll"}},
		{"unknown flag", []string{"--colour", "echo"}, []string{"-colour"}},
		{"bad log level", []string{"--log-level", "loud", "echo"}, []string{"log-level"}},
		{"extra argument", []string{"echo", "now"}, []string{`unexpected argument "now"`}},
		{"unknown service flag", []string{"echo", "--to", "x:1"}, []string{"echo", "-to"}},
		{"portforward without --to", []string{"portforward"}, []string{"--to"}},
		{"portforward bad --to", []string{"portforward", "--to", "nowhere"}, []string{"nowhere"}},
		{"portforward bad port", []string{"portforward", "--to", "localhost:http"}, []string{"localhost:http"}},
		{"udp for tcp-only service", []string{"--listen", "udp:0", "chargen"}, []string{"chargen", "UDP"}},
		{"bad udp port", []string{"--listen", "udp:seven", "time"}, []string{"udp:seven"}},
		{"unknown endpoint type", []string{"--listen", "sctp:0", "echo"}, []string{"sctp:0"}},
	}
	bin := twist(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := e2e.Run(t, bin, tc.args...)
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			checkOneErrorLine(t, stderr, tc.want...)
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // parts of stdout
	}{
		{"help", []string{"--help"}, append(serviceNames(), "usage: twist", "--reactor", "--listen", "--log-level", "udp:PORT")},
		{"short help", []string{"-h"}, []string{"usage: twist"}},
		{"service help", []string{"portforward", "--help"}, []string{"usage: twist [global flags] portforward", "--to HOST:PORT"}},
		{"udp service help", []string{"time", "--help"}, []string{"udp:PORT"}},
		{"version", []string{"--version"}, []string{"twist ", "go1."}},
	}
	bin := twist(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := e2e.Run(t, bin, tc.args...)
			if code != 0 || stderr != "" {
				t.Errorf("exit code %d, stderr %q; want 0 and nothing", code, stderr)
			}
			for _, part := range tc.want {
				if !strings.Contains(stdout, part) {
					t.Errorf("stdout does not mention %q:\n%s", part, stdout)
				}
			}
		})
	}
}

func TestPortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	listen := "tcp:" + strconv.Itoa(port) + ":interface=127.0.0.1"
	code, stdout, stderr := e2e.Run(t, twist(t), "--listen", listen, "echo")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	checkOneErrorLine(t, stderr, strconv.Itoa(port), "address already in use")
}

// TestPortInUseAfterOthers checks that a failing endpoint after a good one
// still ends the run with exit code 1, closing the good one.
func TestPortInUseAfterOthers(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	taken := "tcp:" + strconv.Itoa(l.Addr().(*net.TCPAddr).Port) + ":interface=127.0.0.1"
	p := e2e.Start(t, twist(t), "--listen", loopback, "--listen", taken, "echo")
	good := p.Addr()
	if code := p.Wait(); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	p.WaitLine("stopped listening on " + good)
	p.WaitLine("twist: cannot listen on "+taken, "address already in use")
}
