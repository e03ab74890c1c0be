package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/tests/e2e"
)

// TestEcho runs the echo service on every reactor the host offers.
func TestEcho(t *testing.T) {
	for _, name := range internet.Names() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, addr := start(t, "--reactor", name, "--listen", loopback, "echo")
			c := dial(t, "tcp", addr)
			in := bufio.NewReader(c)
			for _, msg := range []string{"hello\n", strings.Repeat("x", 100000) + "\n"} {
				if _, err := io.WriteString(c, msg); err != nil {
					t.Fatal(err)
				}
				if got, err := in.ReadString('\n'); err != nil || got != msg {
					t.Fatalf("echo of %d bytes: got %d bytes, %v", len(msg), len(got), err)
				}
			}
			stop(t, p)
		})
	}
}

// exchange sends msg over a datagram socket to addr and returns the reply.
func exchange(t *testing.T, addr, msg string) []byte {
	t.Helper()
	c := dial(t, "udp", addr)
	if _, err := io.WriteString(c, msg); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 2048)
	n, err := c.Read(buf)
	if err != nil {
		t.Fatalf("no reply from %s: %v", addr, err)
	}
	return buf[:n]
}

// startUDP runs service with a TCP and a UDP endpoint on loopback and
// returns their addresses.
func startUDP(t *testing.T, service string) (p *e2e.Proc, tcpAddr, udpAddr string) {
	t.Helper()
	p = e2e.Start(t, twist(t), "--listen", loopback, "--listen", "udp:0:interface=127.0.0.1", service)
	tcpAddr, _ = e2e.ListenAddr(p.WaitLine("listening on", "transport=tcp"))
	udpAddr, _ = e2e.ListenAddr(p.WaitLine("listening on", "transport=udp"))
	return p, tcpAddr, udpAddr
}

func TestEchoUDP(t *testing.T) {
	t.Parallel()
	p, _, udpAddr := startUDP(t, "echo")
	if got := exchange(t, udpAddr, "ping"); string(got) != "ping" {
		t.Errorf("udp echo = %q, want %q", got, "ping")
	}
	stop(t, p)
}

func TestDiscard(t *testing.T) {
	t.Parallel()
	p, addr := start(t, "--listen", loopback, "discard")
	c := dial(t, "tcp", addr)
	if _, err := c.Write(bytes.Repeat([]byte("into the void\n"), 10000)); err != nil {
		t.Fatal(err)
	}
	c.(*net.TCPConn).CloseWrite()
	// The server answers nothing, and closes when we do.
	if got, err := io.ReadAll(c); err != nil || len(got) != 0 {
		t.Errorf("read %q, %v; want nothing, then EOF", got, err)
	}
	stop(t, p)
}

func TestChargen(t *testing.T) {
	t.Parallel()
	p, addr := start(t, "--listen", loopback, "chargen")
	c := dial(t, "tcp", addr)
	buf := make([]byte, 10000)
	if _, err := io.ReadFull(c, buf); err != nil {
		t.Fatal(err)
	}
	for i, b := range buf {
		if (b < ' ' || b > '~') && b != '\r' && b != '\n' {
			t.Fatalf("byte %d is %#x, not printable ASCII", i, b)
		}
	}
	stop(t, p)
}

func TestQOTD(t *testing.T) {
	t.Parallel()
	p, addr := start(t, "--listen", loopback, "qotd")
	got, err := io.ReadAll(dial(t, "tcp", addr))
	if want := "An apple a day keeps the doctor away.\r\n"; err != nil || string(got) != want {
		t.Errorf("read %q, %v; want %q, then EOF", got, err, want)
	}
	stop(t, p)
}

// checkDaytime fails the test unless reply is one line that names the
// current year.
func checkDaytime(t *testing.T, reply []byte) {
	t.Helper()
	line, ok := bytes.CutSuffix(reply, []byte("\r\n"))
	year := strconv.Itoa(time.Now().Year())
	if !ok || !bytes.Contains(line, []byte(year)) || bytes.ContainsAny(line, "\r\n") {
		t.Errorf("daytime reply %q is not one CRLF line naming %s", reply, year)
	}
}

func TestDaytime(t *testing.T) {
	t.Parallel()
	p, tcpAddr, udpAddr := startUDP(t, "daytime")
	got, err := io.ReadAll(dial(t, "tcp", tcpAddr))
	if err != nil {
		t.Fatal(err)
	}
	checkDaytime(t, got)
	checkDaytime(t, exchange(t, udpAddr, "\n"))
	stop(t, p)
}

// checkTime fails the test unless reply is RFC 868 time, 32-bit seconds
// since 1900, within a minute of now.
func checkTime(t *testing.T, reply []byte) {
	t.Helper()
	if len(reply) != 4 {
		t.Fatalf("time reply %q is not 4 bytes", reply)
	}
	const since1900 = 2208988800 // seconds from 1900 to the Unix epoch
	got := int64(binary.BigEndian.Uint32(reply)) - since1900
	if d := time.Now().Unix() - got; d < -60 || d > 60 {
		t.Errorf("time reply is %ds away from now", d)
	}
}

func TestTime(t *testing.T) {
	t.Parallel()
	p, tcpAddr, udpAddr := startUDP(t, "time")
	got, err := io.ReadAll(dial(t, "tcp", tcpAddr))
	if err != nil {
		t.Fatal(err)
	}
	checkTime(t, got)
	checkTime(t, exchange(t, udpAddr, ""))
	stop(t, p)
}
