package main

import (
	"bytes"
	"io"
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/tests/e2e"
)

func TestFDSet(t *testing.T) {
	p := e2e.Start(t, e2e.Build(t, "."), "--listen", "tcp:0:interface=127.0.0.1")
	c, err := net.DialTimeout("tcp", p.Addr(), e2e.Timeout)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(e2e.Timeout))

	// Far more than the socket buffers hold, so the server must buffer its
	// reply, watch for writability and pause reading.
	msg := bytes.Repeat([]byte("twistgo fdset "), 1<<16)
	sent := make(chan error, 1)
	go func() {
		_, err := c.Write(msg)
		if err == nil {
			err = c.(*net.TCPConn).CloseWrite()
		}
		sent <- err
	}()
	got, err := io.ReadAll(c) // the server closes after replying to all
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if err := <-sent; err != nil {
		t.Fatalf("write: %v", err)
	}
	if want := bytes.ToUpper(msg); !bytes.Equal(got, want) {
		t.Errorf("reply of %d bytes differs from the %d capitalised bytes sent", len(got), len(want))
	}
	if code := p.Stop(); code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

func TestParseListen(t *testing.T) {
	tests := []struct {
		in, want string // want "" means an error
	}{
		{"tcp:0", "0.0.0.0:0"},
		{"tcp:8000:interface=127.0.0.1", "127.0.0.1:8000"},
		{"tcp:65536", ""},
		{"tcp:80:interface=::1", ""},
		{"tcp:80:backlog=5", ""},
		{"udp:80", ""},
	}
	for _, tc := range tests {
		got, err := parseListen(tc.in)
		if tc.want == "" && err == nil || tc.want != "" && (err != nil || got.String() != tc.want) {
			t.Errorf("parseListen(%q) = %v, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
