//go:build linux

package reliability_test

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
)

// refusedAttempts is how many connects to a closed port are made at once.
const refusedAttempts = 100

// TestConnectToClosedPort connects to a port nobody listens on, many
// times at once, through an endpoint string as a program would. Every
// attempt fails with a *ConnectError that names the address and matches
// ErrConnectionRefused and ECONNREFUSED; no descriptor is left behind
// (EachReactor counts them), and the reactor's server goes on answering.
func TestConnectToClosedPort(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		server := dial(t, listen(t, r, echoFactory(nil)))
		port := closedPort(t)
		desc := "tcp:127.0.0.1:" + strconv.Itoa(port)
		ep, err := endpoints.ClientFromString(r, desc)
		if err != nil {
			t.Fatalf("ClientFromString(%q): %v", desc, err)
		}
		failed := make(chan error, refusedAttempts)
		internettest.OnReactor(t, r, func() (any, error) {
			for range refusedAttempts {
				ep.Connect(echoFactory(nil)).AddBoth(func(v any, err error) (any, error) {
					if err == nil {
						err = fmt.Errorf("connected to a closed port: %v", v)
					}
					failed <- err
					return nil, nil
				})
			}
			return nil, nil
		})
		want := "127.0.0.1:" + strconv.Itoa(port)
		for range refusedAttempts {
			err := internettest.Await(t, failed)
			var ce *interfaces.ConnectError
			switch {
			case !errors.As(err, &ce) || ce.Addr != want:
				t.Fatalf("Connect failed with %v, want a *ConnectError for %s", err, want)
			case !errors.Is(err, interfaces.ErrConnectionRefused) || !errors.Is(err, syscall.ECONNREFUSED):
				t.Fatalf("Connect failed with %v, want ErrConnectionRefused and ECONNREFUSED", err)
			case !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "refused"):
				t.Fatalf("message %q does not say which address refused", err)
			}
		}
		echoOver(t, server, "the server is still answering")
	})
}

// closedPort returns a loopback port that was just listened on and closed.
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	return port
}
