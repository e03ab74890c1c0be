package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// userHZ is the unit of the CPU times in /proc/PID/stat. Linux fixes it at
// 100 for user space on every architecture Go supports.
const userHZ = 100

// rssKB returns the VmRSS line of /proc/pid/status, in KiB.
func rssKB(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range bytes.Lines(b) {
		if v, ok := bytes.CutPrefix(line, []byte("VmRSS:")); ok {
			f := strings.Fields(string(v))
			if len(f) == 0 {
				break
			}
			return strconv.ParseInt(f[0], 10, 64)
		}
	}
	return 0, fmt.Errorf("/proc/%d/status: no VmRSS line", pid)
}

// cpuTimes is the CPU time a process has used, split into time in its own
// code (user) and in the kernel on its behalf (sys).
type cpuTimes struct {
	user, sys time.Duration
}

// total is user plus system time.
func (c cpuTimes) total() time.Duration { return c.user + c.sys }

// since returns the time used between the sample earlier and c.
func (c cpuTimes) since(earlier cpuTimes) cpuTimes {
	return cpuTimes{user: c.user - earlier.user, sys: c.sys - earlier.sys}
}

// processCPU returns the CPU time pid has used so far.
func processCPU(pid int) (cpuTimes, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return cpuTimes{}, err
	}
	return parseStatCPU(string(b))
}

// parseStatCPU reads utime and stime (fields 14 and 15) from the text of
// /proc/PID/stat. The command name, field 2, may hold spaces and
// parentheses, so counting starts after its last ')'.
func parseStatCPU(stat string) (cpuTimes, error) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return cpuTimes{}, fmt.Errorf("malformed stat line")
	}
	f := strings.Fields(stat[i+1:])
	if len(f) < 13 {
		return cpuTimes{}, fmt.Errorf("malformed stat line")
	}
	var ticks [2]int64
	for k, s := range f[11:13] {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return cpuTimes{}, fmt.Errorf("malformed stat line: %w", err)
		}
		ticks[k] = v
	}
	return cpuTimes{
		user: time.Duration(ticks[0]) * time.Second / userHZ,
		sys:  time.Duration(ticks[1]) * time.Second / userHZ,
	}, nil
}

// selfCPU returns the user plus system time this process has used so far.
func selfCPU() time.Duration {
	var ru unix.Rusage
	if unix.Getrusage(unix.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// machineBusy returns the CPU time all CPUs have spent on anything but
// idling, steal by the hypervisor included, from the first line of
// /proc/stat.
func machineBusy() (time.Duration, error) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, err
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return parseMachineBusy(string(line))
}

// parseMachineBusy sums the "cpu" line of /proc/stat less its idle and
// iowait columns (the 4th and 5th), and leaves out guest time, which the
// user and nice columns already hold.
func parseMachineBusy(line string) (time.Duration, error) {
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0, fmt.Errorf("malformed /proc/stat line")
	}
	var ticks int64
	for i, s := range f[1:9] {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("malformed /proc/stat line: %w", err)
		}
		if i != 3 && i != 4 {
			ticks += v
		}
	}
	return time.Duration(ticks) * time.Second / userHZ, nil
}
