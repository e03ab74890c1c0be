//go:build linux

package internet_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// Environment variables of the syscall measurement.
const (
	syscallsEnv   = "TWISTGO_SYSCALLS"    // set to 1 to measure
	echoServerEnv = "TWISTGO_ECHO_SERVER" // reactor name, in the server child
)

// TestSyscallsPerMessage counts the system calls an echo server makes per
// echoed message: the server runs in a child process under strace -c -f,
// and 50 clients echo 64-byte messages through it, one in flight per
// connection or pipelined. It measures and logs, asserting nothing about
// the figures; docs/BENCHMARKS.md records them. It runs only with
// TWISTGO_SYSCALLS=1 and strace installed:
//
//	TWISTGO_SYSCALLS=1 go test -run TestSyscallsPerMessage -v ./internet/
func TestSyscallsPerMessage(t *testing.T) {
	if name := os.Getenv(echoServerEnv); name != "" {
		echoServerChild(t, name)
		return
	}
	if os.Getenv(syscallsEnv) == "" {
		t.Skip("a measurement, not a check: set " + syscallsEnv + "=1 to run it")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed")
	}
	for _, name := range internet.Names() {
		for _, inflight := range []int{1, 16} {
			t.Run(name+"/inflight="+strconv.Itoa(inflight), func(t *testing.T) {
				measureSyscalls(t, strace, name, inflight)
			})
		}
	}
}

// measureSyscalls runs one measurement under strace and one without
// (whose read and write counts come from /proc/<pid>/io, undisturbed by
// strace's slowing of the server) and logs the figures.
func measureSyscalls(t *testing.T, strace, name string, inflight int) {
	out := filepath.Join(t.TempDir(), "strace.txt")
	msgs, _ := runEchoChild(t, name, inflight, strace, "-f", "-c", "-o", out)
	counts := parseStraceSummary(t, out)
	per := func(names ...string) float64 {
		n := 0
		for _, s := range names {
			n += counts[s][0]
		}
		return float64(n) / float64(msgs)
	}
	wait := []string{"epoll_wait", "epoll_pwait", "poll", "ppoll", "select", "pselect6"}
	t.Logf("strace, %d messages: per message read %.3f (EAGAIN %.4f), write+writev %.3f, wait %.3f, epoll_ctl %.4f; read+write+wait %.3f",
		msgs, per("read"), float64(counts["read"][1])/float64(msgs), per("write", "writev"), per(wait...),
		per("epoll_ctl"), per(append([]string{"read", "write", "writev"}, wait...)...))
	msgs, io := runEchoChild(t, name, inflight)
	t.Logf("no strace, %d messages: per message read-like %.3f, write-like %.3f (/proc/<pid>/io syscr, syscw)",
		msgs, float64(io[0])/float64(msgs), float64(io[1])/float64(msgs))
}

// runEchoChild starts the echo server child on reactor name, prefixed by
// the command wrap (such as strace and its flags), drives it, stops it,
// and returns the messages echoed and the child's syscr and syscw.
func runEchoChild(t *testing.T, name string, inflight int, wrap ...string) (int, [2]int) {
	const conns, rounds = 50, 400
	args := append(wrap, os.Args[0], "-test.run=^TestSyscallsPerMessage$", "-test.count=1")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), echoServerEnv+"="+name)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	addr := ""
	for addr == "" && sc.Scan() {
		addr, _ = strings.CutPrefix(sc.Text(), "ADDR ")
	}
	if addr == "" {
		t.Fatalf("server child reported no address:\n%s", stderr.String())
	}
	msgs := driveEcho(t, addr, conns, rounds, inflight)
	_ = stdin.Close()
	var io [2]int
	for sc.Scan() {
		_, _ = fmt.Sscanf(sc.Text(), "IO %d %d", &io[0], &io[1])
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("server child: %v\n%s", err, stderr.String())
	}
	return msgs, io
}

// driveEcho echoes 64-byte messages over conns connections, inflight at a
// time in one write, rounds times each, checking every echo. It returns
// the number of messages echoed.
func driveEcho(t *testing.T, addr string, conns, rounds, inflight int) int {
	msg := bytes.Repeat(randomBytes(64), inflight)
	var wg sync.WaitGroup
	errs := make(chan error, conns)
	for range conns {
		c := internettest.Dial(t, "tcp", addr)
		_ = c.SetDeadline(time.Now().Add(2 * time.Minute)) // strace slows the server a lot
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := make([]byte, len(msg))
			for range rounds {
				if _, err := c.Write(msg); err != nil {
					errs <- err
					return
				}
				if _, err := io.ReadFull(c, got); err != nil || !bytes.Equal(got, msg) {
					errs <- fmt.Errorf("echo: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	return conns * rounds * inflight
}

// parseStraceSummary reads strace -c output: syscall name to calls and
// errors.
func parseStraceSummary(t *testing.T, path string) map[string][2]int {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string][2]int{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 || f[0] == "%" || strings.HasPrefix(f[0], "-") || f[len(f)-1] == "total" {
			continue
		}
		calls, err := strconv.Atoi(f[3])
		if err != nil {
			continue
		}
		errno := 0
		if len(f) == 6 {
			errno, _ = strconv.Atoi(f[4])
		}
		counts[f[len(f)-1]] = [2]int{calls, errno}
	}
	return counts
}

// echoServerChild is the server process: an echo server on reactor name
// that prints its address and serves until stdin closes.
func echoServerChild(t *testing.T, name string) {
	r, err := internet.NewWithOptions(name, internet.Options{NoSignalHandlers: true, Logger: quietLogger})
	if err != nil {
		t.Fatal(err)
	}
	f := &factory{build: func(net.Addr) interfaces.Protocol {
		return &proto{
			made: func(p *proto) { _ = p.tr.SetTCPNoDelay(true) },
			data: func(p *proto, d []byte) { p.tr.Write(d) },
		}
	}}
	p, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		r.CallFromThread(func() { _ = r.Stop() })
	}()
	fmt.Printf("ADDR %s\n", p.GetHost())
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("IO %d %d\n", procIO(t, "syscr"), procIO(t, "syscw"))
}

// procIO returns a counter of /proc/self/io.
func procIO(t *testing.T, key string) int {
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}
