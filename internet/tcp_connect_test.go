//go:build linux

package internet_test

import (
	"bytes"
	"errors"
	"net"
	"strconv"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// clientEcho builds a client protocol that sends payload, collects the
// echo, closes, and reports what it got.
func clientEcho(payload []byte, got chan<- []byte) func(net.Addr) interfaces.Protocol {
	return func(net.Addr) interfaces.Protocol {
		var buf []byte
		return &proto{
			made: func(p *proto) {
				p.tr.Write(payload)
				if len(payload) == 0 {
					p.tr.LoseConnection()
				}
			},
			data: func(p *proto, b []byte) {
				buf = append(buf, b...)
				if len(buf) >= len(payload) {
					p.tr.LoseConnection()
				}
			},
			lost: func(*proto, error) { got <- buf },
		}
	}
}

func TestTCPConnectEcho(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		server := echoFactory()
		_, addr := listen(t, r, server, interfaces.TCPListenOptions{})
		for _, host := range []string{"127.0.0.1", "localhost"} {
			t.Run(host, func(t *testing.T) {
				payload := randomBytes(256 << 10)
				got := make(chan []byte, 1)
				f := newClientFactory(clientEcho(payload, got))
				c := internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
					return r.ConnectTCP(host, addr.Port, f, interfaces.TCPConnectOptions{})
				})
				if !bytes.Equal(internettest.Await(t, got), payload) {
					t.Errorf("echo differs from what was sent")
				}
				if reason := internettest.Await(t, f.lost); !errors.Is(reason, interfaces.ErrConnectionDone) {
					t.Errorf("ClientConnectionLost reason = %v, want ErrConnectionDone", reason)
				}
				checkStartStop(t, r, &f.factory, 1, 1)
				dest := internettest.OnReactor(t, r, func() (string, error) { return c.GetDestination().String(), nil })
				if want := net.JoinHostPort(host, itoa(addr.Port)); dest != want {
					t.Errorf("GetDestination = %s, want %s", dest, want)
				}
			})
		}
	})
}

func TestTCPConnectRefused(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		port := unusedPort(t)
		f := newClientFactory(func(net.Addr) interfaces.Protocol { t.Error("protocol built"); return nil })
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("127.0.0.1", port, f, interfaces.TCPConnectOptions{})
		})
		reason := internettest.Await(t, f.failed)
		var ce *interfaces.ConnectError
		if !errors.As(reason, &ce) || !errors.Is(reason, interfaces.ErrConnectionRefused) || !errors.Is(reason, syscall.ECONNREFUSED) {
			t.Errorf("reason = %v, want a *ConnectError matching ErrConnectionRefused and ECONNREFUSED", reason)
		}
		checkStartStop(t, r, &f.factory, 1, 1)
	})
}

// checkStartStop checks f's DoStart and DoStop counts once the reactor has
// finished its current callback (the factory hears DoStop after the
// callback that reported the outcome).
func checkStartStop(t *testing.T, r *internet.Reactor, f *factory, starts, stops int32) {
	t.Helper()
	got := internettest.OnReactor(t, r, func() ([2]int32, error) { return [2]int32{f.starts.Load(), f.stops.Load()}, nil })
	if got != [2]int32{starts, stops} {
		t.Errorf("factory DoStart %d, DoStop %d; want %d and %d", got[0], got[1], starts, stops)
	}
}

// TestTCPConnectTimeout connects to a listener whose accept queue is full,
// so the kernel drops the SYN and the attempt can only time out.
func TestTCPConnectTimeout(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		port := fullListener(t)
		f := newClientFactory(func(net.Addr) interfaces.Protocol { t.Error("protocol built"); return nil })
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("127.0.0.1", port, f, interfaces.TCPConnectOptions{Timeout: 200 * time.Millisecond})
		})
		if reason := internettest.Await(t, f.failed); !errors.Is(reason, interfaces.ErrTimeout) {
			t.Errorf("reason = %v, want ErrTimeout", reason)
		}
	})
}

func TestTCPStopConnecting(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		port := fullListener(t)
		f := newClientFactory(func(net.Addr) interfaces.Protocol { return nil })
		type result struct{ sync, again, disconnected error }
		res := internettest.OnReactor(t, r, func() (result, error) {
			c, err := r.ConnectTCP("127.0.0.1", port, f, interfaces.TCPConnectOptions{})
			if err != nil {
				return result{}, err
			}
			if err := c.Connect(); !errors.Is(err, interfaces.ErrAlreadyConnecting) {
				t.Errorf("Connect while connecting = %v, want ErrAlreadyConnecting", err)
			}
			var res result
			err = c.StopConnecting()
			select {
			case res.sync = <-f.failed:
			default:
				t.Error("ClientConnectionFailed not called before StopConnecting returned")
			}
			res.again = c.StopConnecting()
			c.Disconnect() // nothing to do
			return res, err
		})
		if !errors.Is(res.sync, interfaces.ErrConnectingCancelled) {
			t.Errorf("reason = %v, want ErrConnectingCancelled", res.sync)
		}
		if !errors.Is(res.again, interfaces.ErrNotConnecting) {
			t.Errorf("second StopConnecting = %v, want ErrNotConnecting", res.again)
		}
	})
}

func TestTCPConnectBadHostName(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		f := newClientFactory(func(net.Addr) interfaces.Protocol { return nil })
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("no-such-host.invalid", 80, f, interfaces.TCPConnectOptions{})
		})
		if reason := internettest.Await(t, f.failed); !errors.Is(reason, interfaces.ErrDNSLookup) {
			t.Errorf("reason = %v, want ErrDNSLookup", reason)
		}
	})
}

func TestTCPConnectInvalidArguments(t *testing.T) {
	r, err := internet.New("")
	if err != nil {
		t.Fatal(err)
	}
	f := newClientFactory(nil)
	for _, tc := range []struct {
		host string
		port int
		opts interfaces.TCPConnectOptions
	}{{"", 80, interfaces.TCPConnectOptions{}}, {"127.0.0.1", -1, interfaces.TCPConnectOptions{}},
		{"127.0.0.1", 65536, interfaces.TCPConnectOptions{}}, {"127.0.0.1", 80, interfaces.TCPConnectOptions{Timeout: -1}}} {
		if _, err := r.ConnectTCP(tc.host, tc.port, f, tc.opts); !errors.Is(err, interfaces.ErrInvalidArgument) {
			t.Errorf("ConnectTCP(%q, %d, %+v) = %v, want ErrInvalidArgument", tc.host, tc.port, tc.opts, err)
		}
	}
	_ = r.Close()
}

// unusedPort returns a loopback port nothing listens on: bound but not
// listening for the rest of the test, so connecting to it is refused.
func unusedPort(t *testing.T) int {
	t.Helper()
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = unix.Close(fd) })
	if err := unix.Bind(fd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	return sa.(*unix.SockaddrInet4).Port
}

// fullListener returns the port of a loopback listener whose accept queue
// is full (backlog 0, one connection never accepted), so further SYNs are
// dropped.
func fullListener(t *testing.T) int {
	t.Helper()
	ln, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = unix.Close(ln) })
	if err := unix.Bind(ln, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := unix.Listen(ln, 0); err != nil {
		t.Fatal(err)
	}
	sa, _ := unix.Getsockname(ln)
	port := sa.(*unix.SockaddrInet4).Port
	internettest.Dial(t, "tcp", net.JoinHostPort("127.0.0.1", itoa(port)))
	return port
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestTCPConnectBindAddress(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		peers := make(chan string, 1)
		f := &factory{build: func(net.Addr) interfaces.Protocol {
			return &proto{made: func(p *proto) { peers <- p.tr.GetPeer().String(); p.tr.LoseConnection() }}
		}}
		_, addr := listen(t, r, f, interfaces.TCPListenOptions{})
		locals := make(chan string, 1)
		cf := newClientFactory(func(net.Addr) interfaces.Protocol {
			return &proto{made: func(p *proto) { locals <- p.tr.GetHost().String() }}
		})
		bind := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("127.0.0.1", addr.Port, cf, interfaces.TCPConnectOptions{BindAddress: bind})
		})
		local, peer := internettest.Await(t, locals), internettest.Await(t, peers)
		if local != peer {
			t.Errorf("client's GetHost %s differs from the server's GetPeer %s", local, peer)
		}
		internettest.Await(t, cf.lost)
	})
}

// TestTCPReconnectFromFailure: a factory that calls Connect again from
// ClientConnectionFailed keeps the cycle open; DoStop comes once, at the
// end.
func TestTCPReconnectFromFailure(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		port := unusedPort(t)
		f := newClientFactory(func(net.Addr) interfaces.Protocol { return nil })
		f.failed = make(chan error, 2)
		tries := 0
		f.onFail = func(c interfaces.Connector, _ error) {
			if tries++; tries < 2 {
				if err := c.Connect(); err != nil {
					t.Errorf("Connect from ClientConnectionFailed: %v", err)
				}
			}
		}
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("127.0.0.1", port, f, interfaces.TCPConnectOptions{})
		})
		for range 2 {
			if reason := internettest.Await(t, f.failed); !errors.Is(reason, interfaces.ErrConnectionRefused) {
				t.Errorf("reason = %v", reason)
			}
		}
		checkStartStop(t, r, &f.factory, 1, 1)
	})
}

func TestTCPConnectorDisconnectAndNoProtocol(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		_, addr := listen(t, r, echoFactory(), interfaces.TCPListenOptions{})

		none := newClientFactory(func(net.Addr) interfaces.Protocol { return nil })
		internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("127.0.0.1", addr.Port, none, interfaces.TCPConnectOptions{})
		})
		if reason := internettest.Await(t, none.failed); !errors.Is(reason, interfaces.ErrNoProtocol) {
			t.Errorf("factory without a protocol: reason = %v, want ErrNoProtocol", reason)
		}

		made := make(chan struct{}, 1)
		f := newClientFactory(func(net.Addr) interfaces.Protocol {
			return &proto{made: func(*proto) { made <- struct{}{} }}
		})
		conn := internettest.OnReactor(t, r, func() (interfaces.Connector, error) {
			return r.ConnectTCP("127.0.0.1", addr.Port, f, interfaces.TCPConnectOptions{})
		})
		internettest.Await(t, made)
		internettest.OnReactor(t, r, func() (any, error) { conn.Disconnect(); return nil, nil })
		if reason := internettest.Await(t, f.lost); !errors.Is(reason, interfaces.ErrConnectionDone) {
			t.Errorf("after Disconnect: ClientConnectionLost reason = %v, want ErrConnectionDone", reason)
		}
		checkStartStop(t, r, &f.factory, 1, 1)
	})
}
