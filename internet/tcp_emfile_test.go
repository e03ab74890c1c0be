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
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
)

// emfileChildEnv names the reactor a re-executed test binary runs the
// EMFILE server on.
const emfileChildEnv = "TWISTGO_EMFILE_CHILD"

// TestTCPAcceptSurvivesEMFILE runs a server in a child process with a low
// RLIMIT_NOFILE and storms it with more clients than it has descriptors:
// the port must keep listening, back off instead of spinning on EMFILE,
// and accept the waiting clients as descriptors free up.
func TestTCPAcceptSurvivesEMFILE(t *testing.T) {
	if name := os.Getenv(emfileChildEnv); name != "" {
		emfileChild(t, name)
		return
	}
	for _, name := range internet.Names() {
		t.Run(name, func(t *testing.T) { emfileParent(t, name) })
	}
}

// emfileParent starts the child, storms it and checks its report.
func emfileParent(t *testing.T, name string) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestTCPAcceptSurvivesEMFILE$", "-test.count=1")
	cmd.Env = append(os.Environ(), emfileChildEnv+"="+name)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	port := childValue(t, lines, "PORT")
	storm(t, net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), 40, func() { childValue(t, lines, "STORM") })
	_ = stdin.Close()
	emfiles := childValue(t, lines, "EMFILE")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v\n%s", err, stderr.String())
	}
	t.Logf("accept(2) said EMFILE %d times", emfiles)
	if emfiles == 0 || emfiles > 100 {
		t.Errorf("accept(2) said EMFILE %d times; want at least once (the storm) and far fewer than a spinning loop", emfiles)
	}
	if !strings.Contains(stderr.String(), "could not accept new connections") {
		t.Errorf("child did not log the failed accept:\n%s", stderr.String())
	}
}

// childValue waits for the child's line "key value" and returns value.
func childValue(t *testing.T, lines <-chan string, key string) int {
	t.Helper()
	for {
		line, ok := <-lines
		if !ok {
			t.Fatalf("child exited without reporting %s", key)
		}
		if v, found := strings.CutPrefix(line, key+" "); found {
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("child line %q: %v", line, err)
			}
			return n
		}
	}
}

// storm connects n clients at once; each waits for the server's
// greeting, and once stormed has returned (the server ran out of
// descriptors), closes, freeing the server's descriptor for the next.
func storm(t *testing.T, addr string, n int, stormed func()) {
	greeted := make(chan error, n)
	release := make(chan struct{})
	for range n {
		c := internettest.Dial(t, "tcp", addr)
		go func() {
			defer c.Close()
			buf := make([]byte, 3)
			_, err := io.ReadFull(c, buf)
			if err == nil && string(buf) != "hi\n" {
				err = fmt.Errorf("greeting %q", buf)
			}
			greeted <- err
			<-release
		}()
	}
	stormed()
	close(release)
	for range n {
		if err := internettest.Await(t, greeted); err != nil {
			t.Errorf("client: %v", err)
		}
	}
}

// emfileChild is the child process: a greeting server on reactor name
// with only a few descriptors to spare. It reports its port, serves until
// stdin closes, then reports how often accept(2) said EMFILE; it says
// when that first happens.
func emfileChild(t *testing.T, name string) {
	r, err := internet.NewWithOptions(name, internet.Options{NoSignalHandlers: true})
	if err != nil {
		t.Fatal(err)
	}
	var emfiles atomic.Int32
	defer internet.SetAcceptHook(func(fd int, b *internet.AcceptBuf) (int, error) {
		nfd, err := internet.SysAccept(fd, b)
		if err == unix.EMFILE && emfiles.Add(1) == 1 {
			fmt.Println("STORM 1")
		}
		return nfd, err
	})()
	f := &factory{build: func(net.Addr) interfaces.Protocol {
		return &proto{made: func(p *proto) { p.tr.Write([]byte("hi\n")) }}
	}}
	p, err := r.ListenTCP(0, f, interfaces.TCPListenOptions{Interface: "127.0.0.1", Backlog: 100})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		r.CallFromThread(func() { _ = r.Stop() })
	}()
	limit := uint64(internettest.OpenFDs(t) + 10)
	if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &unix.Rlimit{Cur: limit, Max: limit}); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("PORT %d\n", p.GetHost().(*net.TCPAddr).Port)
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("EMFILE %d\n", emfiles.Load())
}
