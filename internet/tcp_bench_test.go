//go:build linux

package internet_test

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"strconv"
	"testing"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
)

// benchSizes are the message sizes of BenchmarkEcho.
var benchSizes = []int{64, 4 << 10, 64 << 10}

// BenchmarkEcho measures one echoed message at a time over loopback TCP:
// a standard-library client writes a message and reads it back from an
// echo server on each reactor, and on the standard library
// (goroutine-per-connection) for comparison. Every echo is compared with
// what was sent.
func BenchmarkEcho(b *testing.B) {
	servers := append(internet.Names(), "stdlib")
	for _, name := range servers {
		b.Run(name, func(b *testing.B) {
			addr := startEchoServer(b, name)
			for _, size := range benchSizes {
				b.Run(sizeLabel(size), func(b *testing.B) {
					c := benchDial(b, addr)
					msg, got := randomBytes(size), make([]byte, size)
					b.SetBytes(int64(size))
					b.ReportAllocs()
					for b.Loop() {
						echoRound(b, c, msg, got)
					}
				})
			}
		})
	}
}

// BenchmarkEchoParallel measures 64-byte echoes over 50 connections, each
// with one message in flight: the load where one poller wake-up serves
// many connections.
func BenchmarkEchoParallel(b *testing.B) {
	const conns = 50
	servers := append(internet.Names(), "stdlib")
	for _, name := range servers {
		b.Run(name+"/50conns", func(b *testing.B) {
			addr := startEchoServer(b, name)
			pool := make(chan net.Conn, conns)
			for range conns {
				pool <- benchDial(b, addr)
			}
			b.SetParallelism((conns + 1) / 2)
			b.SetBytes(64)
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				c := <-pool
				defer func() { pool <- c }()
				msg, got := randomBytes(64), make([]byte, 64)
				for pb.Next() {
					echoRound(b, c, msg, got)
				}
			})
		})
	}
}

// echoRound writes msg on c and reads the echo into got, failing the
// benchmark if it differs.
func echoRound(b *testing.B, c net.Conn, msg, got []byte) {
	if _, err := c.Write(msg); err != nil {
		b.Fatal(err)
	}
	if _, err := io.ReadFull(c, got); err != nil {
		b.Fatal(err)
	}
	if !bytes.Equal(got, msg) {
		b.Fatal("echo differs from the message")
	}
}

// startEchoServer starts an echo server named by a reactor name or
// "stdlib" for the rest of the benchmark and returns its address.
func startEchoServer(b *testing.B, name string) string {
	b.Helper()
	if name == "stdlib" {
		return startStdlibEcho(b)
	}
	r, err := internet.NewWithOptions(name, internet.Options{NoSignalHandlers: true, Logger: quietLogger})
	if err != nil {
		b.Fatal(err)
	}
	f := &factory{build: func(net.Addr) interfaces.Protocol {
		return &proto{
			made: func(p *proto) { _ = p.tr.SetTCPNoDelay(true) }, // as the standard library does
			data: func(p *proto, d []byte) { p.tr.Write(d) },
		}
	}}
	p, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1"})
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- r.Run() }()
	b.Cleanup(func() {
		r.CallFromThread(func() { _ = r.Stop() })
		<-done
	})
	return p.GetHost().String()
}

// quietLogger drops the reactor's log lines, which would interleave with
// benchmark results.
var quietLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

// startStdlibEcho starts a goroutine-per-connection echo server with the
// standard library.
func startStdlibEcho(b *testing.B) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 64<<10)
				for {
					n, err := c.Read(buf)
					if err != nil {
						return
					}
					if _, err := c.Write(buf[:n]); err != nil {
						return
					}
				}
			}()
		}
	}()
	return ln.Addr().String()
}

// benchDial connects a client for the rest of the benchmark.
func benchDial(b *testing.B, addr string) net.Conn {
	b.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close() })
	return c
}

func sizeLabel(n int) string {
	if n >= 1<<10 {
		return strconv.Itoa(n>>10) + "KiB"
	}
	return strconv.Itoa(n) + "B"
}
