//go:build linux

package reliability_test

// The flood child: an echo server with a low RLIMIT_NOFILE, run by
// TestAcceptFloodPastFileLimit in a re-executed test binary.

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
)

// runChild serves as the flood child if the environment says so, and
// then exits; otherwise it returns false.
func runChild() bool {
	name := os.Getenv(floodEnv)
	if name == "" {
		return false
	}
	if err := floodServer(name); err != nil {
		fmt.Println("child:", err)
		os.Exit(1)
	}
	os.Exit(0)
	return true
}

// floodServer runs an echo server on the named reactor with RLIMIT_NOFILE
// a few descriptors above what it holds, until stdin closes, then checks
// that it holds no more descriptors than before the reactor was built.
func floodServer(name string) error {
	before, _, err := openFDs()
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stdout, nil))
	r, err := internet.NewWithOptions(name, internet.Options{NoSignalHandlers: true, Logger: log})
	if err != nil {
		return err
	}
	port, err := r.ListenTCP(0, echoFactory(nil), interfaces.TCPListenOptions{Interface: "127.0.0.1"})
	if err != nil {
		return err
	}
	restore, err := limitFDs(childHeadroom)
	if err != nil {
		return err
	}
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		r.CallFromThread(func() { _ = r.Stop() })
	}()
	fmt.Println("port", port.GetHost().(*net.TCPAddr).Port)
	if err := r.Run(); err != nil {
		return err
	}
	if err := restore(); err != nil {
		return err
	}
	after, list, err := openFDs()
	if err != nil {
		return err
	}
	if after > before {
		return fmt.Errorf("%d descriptors open after the reactor stopped, %d before:\n%s", after, before, list)
	}
	fmt.Println("descriptors back to", after)
	return nil
}

// limitFDs lowers the soft RLIMIT_NOFILE so that exactly headroom more
// descriptors can be opened (new descriptors take the lowest free
// numbers, and the limit bounds the numbers), and returns the function
// that restores it.
func limitFDs(headroom int) (restore func() error, err error) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		return nil, err
	}
	_, list, err := openFDs()
	if err != nil {
		return nil, err
	}
	open := map[string]bool{}
	for _, f := range strings.Fields(list) {
		open[f] = true
	}
	n := 0
	for free := 0; free < headroom; n++ {
		if !open[strconv.Itoa(n)] {
			free++
		}
	}
	lim := old
	lim.Cur = uint64(n)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return nil, err
	}
	return func() error { return syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old) }, nil
}

// openFDs counts the process's descriptors and lists their numbers,
// leaving out the one used to read the list.
func openFDs() (int, string, error) {
	f, err := os.Open("/proc/self/fd")
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return 0, "", err
	}
	own := strconv.Itoa(int(f.Fd()))
	var kept []string
	for _, n := range names {
		if n != own {
			kept = append(kept, n)
		}
	}
	return len(kept), strings.Join(kept, " "), nil
}
