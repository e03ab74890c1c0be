//go:build linux

package internet_test

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// socketPath returns a fresh socket path in a temporary directory.
func socketPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "s.sock")
}

func listenUNIX(t *testing.T, r *internet.Reactor, path string, f interfaces.Factory, opts interfaces.UNIXListenOptions) interfaces.ListeningPort {
	t.Helper()
	return internettest.OnReactor(t, r, func() (interfaces.ListeningPort, error) { return r.ListenUNIX(path, f, opts) })
}

func TestUNIXEcho(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		paths := map[string]string{"file": socketPath(t), "abstract": "@twistgo-test-" + strconv.Itoa(os.Getpid()) + "-" + r.Name()}
		for name, path := range paths {
			t.Run(name, func(t *testing.T) {
				addrs := make(chan [2]string, 1)
				sf := echoFactory()
				build := sf.build
				sf.build = func(a net.Addr) interfaces.Protocol {
					pr := build(a).(*proto)
					pr.made = func(p *proto) {
						select {
						case addrs <- [2]string{p.tr.GetHost().String(), p.tr.GetPeer().String()}:
						default:
						}
					}
					return pr
				}
				p := listenUNIX(t, r, path, sf, interfaces.UNIXListenOptions{})
				if got := p.GetHost().String(); got != path {
					t.Errorf("GetHost = %q, want %q", got, path)
				}
				for _, size := range []int{0, 1, 64 << 10, 1 << 20} {
					echoOnce(t, "unix", path, randomBytes(size))
				}
				if got := internettest.Await(t, addrs); got != [2]string{path, ""} {
					t.Errorf("server GetHost, GetPeer = %q; want %q and an unnamed peer", got, path)
				}
				payload := randomBytes(100 << 10)
				got := make(chan []byte, 1)
				f := newClientFactory(clientEcho(payload, got))
				internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
					return r.ConnectUNIX(path, f, interfaces.UNIXConnectOptions{})
				})
				if !bytes.Equal(internettest.Await(t, got), payload) {
					t.Error("ConnectUNIX echo differs from what was sent")
				}
				internettest.Await(t, f.lost)
				stopListening(t, r, p)
				if _, err := os.Stat(path); name == "file" && !errors.Is(err, os.ErrNotExist) {
					t.Errorf("socket file still there after StopListening: %v", err)
				}
			})
		}
	})
}

func stopListening(t *testing.T, r *internet.Reactor, p interfaces.ListeningPort) {
	t.Helper()
	internettest.OnReactor(t, r, func() (*deferred.Deferred, error) { return p.StopListening(), nil })
}

func TestUNIXListenModeAndStaleFile(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		path := socketPath(t)
		// A socket file left by a dead server: bound, never listened on.
		dead, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		dead.SetUnlinkOnClose(false)
		_ = dead.Close()

		p, err := r.ListenUNIX(path, echoFactory(), interfaces.UNIXListenOptions{Mode: 0o600})
		if err != nil {
			t.Fatalf("ListenUNIX over a stale socket file: %v", err)
		}
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("socket file mode = %v, %v; want 0600", st.Mode().Perm(), err)
		}
		_, err = r.ListenUNIX(path, echoFactory(), interfaces.UNIXListenOptions{})
		var cle *interfaces.CannotListenError
		if !errors.As(err, &cle) || !errors.Is(err, syscall.EADDRINUSE) {
			t.Errorf("ListenUNIX on a live socket = %v, want a CannotListenError wrapping EADDRINUSE", err)
		}
		notSocket := filepath.Join(t.TempDir(), "file")
		if err := os.WriteFile(notSocket, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := r.ListenUNIX(notSocket, echoFactory(), interfaces.UNIXListenOptions{}); !errors.Is(err, syscall.EADDRINUSE) {
			t.Errorf("ListenUNIX on a regular file = %v, want EADDRINUSE", err)
		}
		if _, err := os.Stat(notSocket); err != nil {
			t.Errorf("regular file removed: %v", err)
		}
		_ = p
	})
}

func TestUNIXConnectFailures(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		dir := t.TempDir()
		stale := filepath.Join(dir, "stale.sock")
		dead, err := net.ListenUnix("unix", &net.UnixAddr{Name: stale, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		dead.SetUnlinkOnClose(false)
		_ = dead.Close()
		for _, tc := range []struct {
			path string
			want []error
		}{
			{filepath.Join(dir, "missing.sock"), []error{syscall.ENOENT}},
			{stale, []error{interfaces.ErrConnectionRefused, syscall.ECONNREFUSED}},
		} {
			f := newClientFactory(func(net.Addr) interfaces.Protocol { return nil })
			internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
				return r.ConnectUNIX(tc.path, f, interfaces.UNIXConnectOptions{})
			})
			reason := internettest.Await(t, f.failed)
			var ce *interfaces.ConnectError
			if !errors.As(reason, &ce) {
				t.Errorf("%s: reason %v is not a *ConnectError", tc.path, reason)
			}
			for _, want := range tc.want {
				if !errors.Is(reason, want) {
					t.Errorf("%s: reason %v does not match %v", tc.path, reason, want)
				}
			}
		}
	})
}

// TestUNIXConnectTimeoutWhileQueueFull: connect(2) says EAGAIN while the
// listener's queue is full; the attempt retries until its timeout.
func TestUNIXConnectTimeoutWhileQueueFull(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		path := socketPath(t)
		ln, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = unix.Close(ln) })
		if err := unix.Bind(ln, &unix.SockaddrUnix{Name: path}); err != nil {
			t.Fatal(err)
		}
		if err := unix.Listen(ln, 0); err != nil {
			t.Fatal(err)
		}
		for range 2 { // never accepted: the queue is full after these
			c, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = unix.Close(c) })
			_ = unix.Connect(c, &unix.SockaddrUnix{Name: path})
		}
		f := newClientFactory(func(net.Addr) interfaces.Protocol { return nil })
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectUNIX(path, f, interfaces.UNIXConnectOptions{Timeout: 100 * time.Millisecond})
		})
		if reason := internettest.Await(t, f.failed); !errors.Is(reason, interfaces.ErrTimeout) {
			t.Errorf("reason = %v, want ErrTimeout", reason)
		}
	})
}
