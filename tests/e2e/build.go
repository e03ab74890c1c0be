// Building main packages into test binaries, once per test run.

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// cache holds the binaries built during this test run when [Main] runs the
// tests; without Main, every Build builds afresh into the test's temporary
// directory.
var cache struct {
	sync.Mutex
	dir  string            // set by Main; "" means no caching
	bins map[string]string // package → binary path
}

// Main runs the tests of m with a build cache shared by all of them, removes
// the binaries afterwards, and exits with the tests' status. Call it from
// TestMain so that a package is built once however many tests start it:
//
//	func TestMain(m *testing.M) { e2e.Main(m) }
func Main(m *testing.M) {
	dir, err := os.MkdirTemp("", "twistgo-e2e-")
	if err != nil {
		os.Stderr.WriteString("e2e: " + err.Error() + "\n")
		os.Exit(1)
	}
	cache.Lock()
	cache.dir, cache.bins = dir, map[string]string{}
	cache.Unlock()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// Build compiles the main package pkg, an import path or a directory
// relative to the test's working directory (such as "."), and returns the
// binary's path. It fails the test with the compiler's output if the build
// fails. When the tests run with -race, the binary is built with -race too,
// so data races in the program fail its test. Safe for concurrent use.
func Build(t testing.TB, pkg string) string {
	t.Helper()
	cache.Lock()
	defer cache.Unlock()
	if bin, ok := cache.bins[pkg]; ok {
		return bin
	}
	dir := cache.dir
	if dir == "" {
		dir = t.TempDir()
	}
	bin := filepath.Join(dir, binaryName(pkg, len(cache.bins)))
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	out, err := exec.Command("go", append(args, pkg)...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	if cache.bins != nil {
		cache.bins[pkg] = bin
	}
	return bin
}

// binaryName names the binary of pkg after its directory, made unique
// within one build directory by n.
func binaryName(pkg string, n int) string {
	base := filepath.Base(pkg)
	if abs, err := filepath.Abs(pkg); err == nil && strings.HasPrefix(pkg, ".") {
		base = filepath.Base(abs)
	}
	return strconv.Itoa(n) + "-" + base
}
