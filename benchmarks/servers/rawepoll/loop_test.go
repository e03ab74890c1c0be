package main

import (
	"bytes"
	"io"
	"net"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestEchoesEveryByteThroughAFullKernelBuffer sends far more than the
// socket buffers hold before reading anything, so the server's partial-write
// path (keep the rest, wait for EPOLLOUT, stop reading) must carry it.
func TestEchoesEveryByteThroughAFullKernelBuffer(t *testing.T) {
	lfd, addr, err := listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := newServer(lfd)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.serve() }()
	t.Cleanup(func() {
		unix.Close(s.ep)
		unix.Close(lfd)
	})
	c, err := net.DialTCP("tcp", nil, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	want := make([]byte, 16<<20)
	for i := range want {
		want[i] = byte(i * 7 / 5)
	}
	go func() {
		c.Write(want)
		c.CloseWrite()
	}()
	got, err := io.ReadAll(io.LimitReader(c, int64(len(want))))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("echoed %d bytes differing from the %d sent", len(got), len(want))
	}
	select {
	case err := <-done:
		t.Fatalf("server loop ended early: %v", err)
	default:
	}
}
