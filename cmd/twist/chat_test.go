package main

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
)

// chatClient is one connection to the chat service, seen from the test.
type chatClient struct {
	t  *testing.T
	w  io.Writer
	in *bufio.Reader
}

func joinChat(t *testing.T, addr string) *chatClient {
	t.Helper()
	c := dial(t, "tcp", addr)
	return &chatClient{t: t, w: c, in: bufio.NewReader(c)}
}

func (cl *chatClient) send(line string) {
	cl.t.Helper()
	if _, err := io.WriteString(cl.w, line+"\r\n"); err != nil {
		cl.t.Fatal(err)
	}
}

// expect reads the next line and fails unless it starts with want.
func (cl *chatClient) expect(want string) {
	cl.t.Helper()
	got, err := cl.in.ReadString('\n')
	if got = strings.TrimSuffix(got, "\n"); err != nil || !strings.HasPrefix(got, want) {
		cl.t.Fatalf("read %q, %v; want a line starting %q", got, err, want)
	}
}

func TestChat(t *testing.T) {
	t.Parallel()
	p, addr := start(t, "--listen", loopback, "chat")

	a := joinChat(t, addr)
	a.expect("* welcome to twist chat, guest1 (1 here); commands:")
	b := joinChat(t, addr)
	b.expect("* welcome to twist chat, guest2 (2 here)")
	a.expect("* guest2 joined")

	a.send("/nick alice")
	a.expect("* you are now alice")
	b.expect("* guest1 is now alice")
	b.send("/nick alice")
	b.expect("* alice is taken")
	b.send("/nick bad name!")
	b.expect("* a nickname is 1 to 32 letters")

	b.send("hello, alice")
	a.expect("<guest2> hello, alice")
	b.send("/who") // b's own message did not come back: the reply is next
	b.expect("* here: alice, guest2")
	a.send("/me waves")
	b.expect("* alice waves")
	a.send(strings.Repeat("x", 2000))
	a.expect("* line too long")
	a.send("/dance")
	a.expect("* unknown command /dance")

	a.send("/quit")
	a.expect("* bye")
	if rest, err := io.ReadAll(a.in); err != nil || len(rest) != 0 {
		t.Errorf("after /quit: read %q, %v; want EOF", rest, err)
	}
	b.expect("* alice left")
	stop(t, p)
}

// TestChatSlowReader checks that a client who never reads is dropped
// rather than buffered for without bound.
func TestChatSlowReader(t *testing.T) {
	t.Parallel()
	p, addr := start(t, "--listen", loopback, "chat")
	a := joinChat(t, addr)
	a.expect("* welcome")
	slow := dial(t, "tcp", addr)
	if tcp, ok := slow.(*net.TCPConn); ok {
		tcp.SetReadBuffer(4096) // never read: let the server's buffer fill
	}
	a.expect("* guest2 joined")

	// Talk until the room drops guest2: far more than the kernel's socket
	// buffers and the server's high-water mark hold.
	line := strings.Repeat("y", 1000) + "\n"
	done := make(chan struct{})
	wrote := make(chan int, 1)
	go func() {
		n := 0
		for ; n < 50<<20; n += len(line) {
			select {
			case <-done:
				wrote <- n
				return
			default:
			}
			if _, err := io.WriteString(a.w, line); err != nil {
				break
			}
		}
		wrote <- n
	}()
	a.expect("* guest2 left")
	close(done)
	t.Logf("guest2 dropped after about %d bytes", <-wrote)
	stop(t, p)
}
