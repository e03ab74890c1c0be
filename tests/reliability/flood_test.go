//go:build linux

package reliability_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// floodEnv names the reactor a re-executed test binary serves on as the
// child of TestAcceptFloodPastFileLimit.
const floodEnv = "TWISTGO_RELIABILITY_FLOOD_CHILD"

// childHeadroom is how many descriptors the child may open beyond those it
// holds when it starts serving: fewer than the connections it is sent.
const childHeadroom = 12

// floodSize is how many connections the flood opens at once: well past
// childHeadroom, and within what the listen queue (backlog 50) holds, so
// that no dial waits for a dropped SYN to be sent again.
const floodSize = 48

// TestAcceptFloodPastFileLimit sends a server more connections than its
// RLIMIT_NOFILE allows. The server runs in a child process (the limit is
// process-wide) on each reactor. While it cannot accept, it must say so in
// its log and keep echoing on the connections it has; once the flood is
// gone it must accept again, and at the end hold no more descriptors than
// before it served.
func TestAcceptFloodPastFileLimit(t *testing.T) {
	for _, name := range internet.Names() {
		t.Run(name, func(t *testing.T) {
			child := startFloodChild(t, name)
			addr := child.awaitLine(t, "port ")
			addr = "127.0.0.1:" + strings.TrimPrefix(addr, "port ")

			established := make([]*net.TCPConn, 4)
			for i := range established {
				established[i] = dial(t, addr)
				echoOver(t, established[i], fmt.Sprintf("established %d", i))
			}
			flood := floodConnections(addr, floodSize)
			line := child.awaitLine(t, "could not accept new connections")
			mustContain(t, "the child's warning", line, "too many open files")
			for i, c := range established {
				echoOver(t, c, fmt.Sprintf("established %d, during the flood", i))
			}

			for _, c := range flood {
				_ = c.Close()
			}
			echoOver(t, dial(t, addr), "a new connection after the flood")
			for i, c := range established {
				echoOver(t, c, fmt.Sprintf("established %d, after the flood", i))
			}
			child.stop(t)
		})
	}
}

// floodConnections opens up to n connections to addr at once. Any the
// server's queue has no room for time out and are left out.
func floodConnections(addr string, n int) []net.Conn {
	var (
		mu    sync.Mutex
		conns []net.Conn
		wg    sync.WaitGroup
	)
	for range n {
		wg.Go(func() {
			c, err := net.DialTimeout("tcp", addr, 2*time.Second)
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		})
	}
	wg.Wait()
	return conns
}

// floodChild is the child process serving on one reactor.
type floodChild struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
	seen  []string
	done  chan error
}

// startFloodChild re-executes the test binary as a flood server on the
// named reactor, killing it at clean-up if it still runs.
func startFloodChild(t *testing.T, reactor string) *floodChild {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), floodEnv+"="+reactor)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting the child: %v", err)
	}
	c := &floodChild{cmd: cmd, stdin: stdin, lines: make(chan string, 1024), done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
		c.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})
	return c
}

// awaitLine returns the first line of the child's output, from here on,
// containing substr.
func (c *floodChild) awaitLine(t *testing.T, substr string) string {
	t.Helper()
	deadline := time.After(internettest.Timeout)
	for {
		select {
		case line, ok := <-c.lines:
			if !ok {
				t.Fatalf("the child ended without a line containing %q; its output:\n%s", substr, strings.Join(c.seen, "\n"))
			}
			c.seen = append(c.seen, line)
			if strings.Contains(line, substr) {
				return line
			}
		case <-deadline:
			t.Fatalf("no line containing %q within %v; the child's output:\n%s", substr, internettest.Timeout, strings.Join(c.seen, "\n"))
		}
	}
}

// stop closes the child's stdin, which stops its reactor, and checks that
// it reports no leaked descriptor and exits 0.
func (c *floodChild) stop(t *testing.T) {
	t.Helper()
	_ = c.stdin.Close()
	c.awaitLine(t, "descriptors back to")
	for range c.lines {
	}
	if err := internettest.Await(t, c.done); err != nil {
		t.Fatalf("the child failed: %v; its output:\n%s", err, strings.Join(c.seen, "\n"))
	}
}
