package main

import (
	"fmt"
	"net"
	"os"
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// echoConfig is what one echo run does.
type echoConfig struct {
	addr     *net.TCPAddr
	conns    int
	size     int
	inflight int
	warmup   time.Duration
	duration time.Duration
	drain    time.Duration // how long to wait for the last echoes
	pid      int           // server to sample CPU time from; 0: none
}

// echoResult is what one echo run measured.
type echoResult struct {
	window    time.Duration // the measured window, after warm-up
	msgs      int64         // messages completed in the window
	total     int64         // messages completed in the whole run
	hist      histogram
	errors    int64
	firstErr  error
	serverCPU time.Duration // server CPU time in the window; -1 if unknown
	serverUsr time.Duration // the part of serverCPU spent in the server's own code
	clientCPU time.Duration
	otherCPU  time.Duration // everything else the machine ran; -1 if unknown
}

// phases of an echo run.
const (
	phaseWarmup = iota
	phaseMeasure
	phaseDrain
	phaseDone
)

// echoRun is the state of one echo run on its single goroutine.
type echoRun struct {
	cfg        echoConfig
	ep         int
	conns      []*echoConn
	byFD       map[int]*echoConn
	live       int
	phase      int
	start      time.Time
	res        *echoResult
	serverMark cpuTimes         // server CPU at window start
	serverOK   bool             // serverMark was sampled
	cpuMark    [2]time.Duration // client and machine CPU at window start
	buf        []byte
}

// runEcho performs one echo run. Setup failures (cannot connect) are
// returned as an error; failures during the run are counted in the result.
func runEcho(cfg echoConfig) (*echoResult, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	r := &echoRun{cfg: cfg, byFD: make(map[int]*echoConn), res: &echoResult{serverCPU: -1, otherCPU: -1}, buf: make([]byte, 256<<10)}
	ep, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, os.NewSyscallError("epoll_create1", err)
	}
	r.ep = ep
	defer unix.Close(ep)
	defer r.closeAll()
	if err := r.connect(); err != nil {
		return nil, err
	}
	r.start = time.Now()
	for _, c := range r.conns {
		for range cfg.inflight {
			c.start(0)
		}
		r.flush(c)
	}
	r.loop()
	r.closeAll()
	return r.res, nil
}

// connect opens every connection and registers it for reading.
func (r *echoRun) connect() error {
	period := r.cfg.size * (r.cfg.inflight + 5)
	for i := range r.cfg.conns {
		fd, err := dial(r.cfg.addr, 5*time.Second)
		if err != nil {
			return fmt.Errorf("connection %d: %w", i, err)
		}
		c := &echoConn{fd: fd, id: i, pat: newPattern(uint64(i), period), size: int64(r.cfg.size), sendAt: make([]int64, r.cfg.inflight)}
		r.conns = append(r.conns, c)
		r.byFD[fd] = c
		if err := unix.SetNonblock(fd, true); err != nil {
			return os.NewSyscallError("fcntl", err)
		}
		ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(fd)}
		if err := unix.EpollCtl(r.ep, unix.EPOLL_CTL_ADD, fd, &ev); err != nil {
			return os.NewSyscallError("epoll_ctl", err)
		}
		r.live++
	}
	return nil
}

// loop waits for events until the run is over.
func (r *echoRun) loop() {
	events := make([]unix.EpollEvent, 256)
	for r.phase != phaseDone {
		r.advance()
		n, err := unix.EpollWait(r.ep, events, r.waitMillis())
		if err != nil && err != unix.EINTR {
			r.fail(nil, os.NewSyscallError("epoll_wait", err))
			return
		}
		for _, ev := range events[:max(n, 0)] {
			c := r.byFD[int(ev.Fd)]
			if c == nil || c.dead {
				continue
			}
			if ev.Events&(unix.EPOLLIN|unix.EPOLLERR|unix.EPOLLHUP) != 0 {
				r.readable(c)
			}
			if ev.Events&unix.EPOLLOUT != 0 && !c.dead {
				r.flush(c)
			}
		}
	}
}

// now returns nanoseconds since the run started.
func (r *echoRun) now() int64 { return int64(time.Since(r.start)) }

// advance moves to the next phase when its time has come.
func (r *echoRun) advance() {
	now := time.Duration(r.now())
	switch {
	case r.phase == phaseWarmup && now >= r.cfg.warmup:
		r.phase = phaseMeasure
		r.serverMark, r.serverOK = r.serverCPU()
		r.cpuMark = [2]time.Duration{selfCPU(), busyOrUnknown()}
	case r.phase == phaseMeasure && now >= r.cfg.warmup+r.cfg.duration:
		r.phase = phaseDrain
		r.res.window = now - r.cfg.warmup
		if cpu, ok := r.serverCPU(); ok && r.serverOK {
			used := cpu.since(r.serverMark)
			r.res.serverCPU, r.res.serverUsr = used.total(), used.user
		}
		r.res.clientCPU = selfCPU() - r.cpuMark[0]
		r.res.otherCPU = -1
		if busy := busyOrUnknown(); busy >= 0 && r.cpuMark[1] >= 0 && r.res.serverCPU >= 0 {
			r.res.otherCPU = max(busy-r.cpuMark[1]-r.res.serverCPU-r.res.clientCPU, 0)
		}
	case r.phase == phaseDrain && (r.drained() || now >= r.cfg.warmup+r.cfg.duration+r.cfg.drain):
		r.phase = phaseDone
	}
	if r.live == 0 && r.phase != phaseDone {
		if r.res.window == 0 {
			r.res.window = max(now-r.cfg.warmup, 0)
		}
		r.phase = phaseDone
	}
}

// waitMillis bounds epoll_wait so phase changes happen on time.
func (r *echoRun) waitMillis() int {
	if r.phase == phaseDrain && r.drained() {
		return 0
	}
	return 10
}

// drained reports whether every live connection has all its echoes back.
func (r *echoRun) drained() bool {
	for _, c := range r.conns {
		if !c.dead && c.outstanding() > 0 {
			return false
		}
	}
	return true
}

// serverCPU samples the server's CPU time; ok is false without a pid or
// when /proc cannot be read.
func (r *echoRun) serverCPU() (cpu cpuTimes, ok bool) {
	if r.cfg.pid == 0 {
		return cpuTimes{}, false
	}
	cpu, err := processCPU(r.cfg.pid)
	return cpu, err == nil
}

// busyOrUnknown samples machineBusy, or -1 when /proc/stat cannot be read.
func busyOrUnknown() time.Duration {
	d, err := machineBusy()
	if err != nil {
		return -1
	}
	return d
}
