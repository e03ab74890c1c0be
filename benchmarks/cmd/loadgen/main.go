package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"
)

// Limits that keep any run bounded whatever the flags say.
const (
	maxDuration = 10 * time.Minute
	maxSize     = 16 << 20
	maxInflight = 1024
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
}

// run parses the flags, performs one run and prints its result. A run
// that completed with errors exits with status 1.
func run(args []string) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	mode := fs.String("mode", "echo", "echo or idle")
	addr := fs.String("addr", "", "server address, host:port on loopback")
	conns := fs.Int("conns", 50, "connections")
	size := fs.Int("size", 64, "echo: bytes per message")
	inflight := fs.Int("inflight", 1, "echo: messages in flight per connection")
	warmup := fs.Duration("warmup", time.Second, "echo: time before measuring")
	duration := fs.Duration("duration", 5*time.Second, "echo: time measured")
	pid := fs.Int("pid", 0, "server process id: CPU time (echo) or resident set (idle)")
	maxConns := fs.Int("max-conns", 20000, "refuse -conns above this")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := loopbackAddr(*addr)
	if err != nil {
		return err
	}
	if *conns < 1 || *conns > *maxConns {
		return fmt.Errorf("-conns %d: want 1..%d", *conns, *maxConns)
	}
	switch *mode {
	case "echo":
		if *size < 1 || *size > maxSize || *inflight < 1 || *inflight > maxInflight {
			return fmt.Errorf("-size %d -inflight %d: want 1..%d and 1..%d", *size, *inflight, maxSize, maxInflight)
		}
		if *warmup < 0 || *duration <= 0 || *warmup+*duration > maxDuration {
			return fmt.Errorf("-warmup %v -duration %v: want a positive run of at most %v", *warmup, *duration, maxDuration)
		}
		cfg := echoConfig{addr: a, conns: *conns, size: *size, inflight: *inflight, warmup: *warmup, duration: *duration, drain: 5 * time.Second, pid: *pid}
		return reportEcho(cfg)
	case "idle":
		if *pid <= 0 {
			return errors.New("idle mode needs -pid")
		}
		return reportIdle(idleConfig{addr: a, conns: *conns, pid: *pid})
	}
	return fmt.Errorf("-mode %q: want echo or idle", *mode)
}

// errRunFailed makes the exit status 1 after a completed run with errors.
var errRunFailed = errors.New("run had errors")

// reportEcho runs echo mode and prints its summary and RESULT line.
func reportEcho(cfg echoConfig) error {
	r, err := runEcho(cfg)
	if err != nil {
		return err
	}
	fs := echoFields(cfg, r)
	fmt.Printf("echo %s: %d conns x %d B x %d in flight, %.1fs measured\n", cfg.addr, cfg.conns, cfg.size, cfg.inflight, r.window.Seconds())
	fmt.Printf("  %s msg/s  %s MB/s  p50 %s us  p99 %s us  errors %d\n",
		lookup(fs, "msgs_per_s"), lookup(fs, "mb_per_s"), lookup(fs, "p50_us"), lookup(fs, "p99_us"), r.errors)
	return finish(fs, r.errors, r.firstErr)
}

// reportIdle runs idle mode and prints its summary and RESULT line.
func reportIdle(cfg idleConfig) error {
	r, err := runIdle(cfg)
	if err != nil {
		return err
	}
	fmt.Printf("idle %s: %d conns, server VmRSS %d -> %d KiB, %.0f bytes/conn\n", cfg.addr, r.opened, r.rssBefore, r.rssAfter, r.bytesPerConn())
	return finish(idleFields(cfg, r), int64(r.errors), r.firstErr)
}

// finish prints the RESULT line and the first error, if any.
func finish(fs []field, errs int64, first error) error {
	if first != nil {
		fmt.Fprintln(os.Stderr, "loadgen: first error:", first)
	}
	fmt.Println(resultLine(fs))
	if errs > 0 {
		fmt.Fprintln(os.Stderr, "loadgen:", errs, "errors")
		os.Exit(1)
	}
	return nil
}
