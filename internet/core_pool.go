// The worker pool behind CallInThread: at most a fixed number of worker
// goroutines, started on demand, stopped at shutdown.

package internet

import (
	"sync"
	"time"
)

// workerPool runs functions on at most size goroutines. Work waits in
// queue when every worker is busy. Workers start on demand and stay idle,
// waiting on cond, until the pool stops; after stop they finish the queue
// and exit.
type workerPool struct {
	r       *Reactor
	mu      sync.Mutex
	cond    sync.Cond
	queue   []func()
	size    int
	workers int
	idle    int
	stopped bool
	wg      sync.WaitGroup
}

func (p *workerPool) init(r *Reactor, size int) {
	p.r, p.size = r, size
	p.cond.L = &p.mu
}

// CallInThread runs f on a worker goroutine from the reactor's bounded
// pool (DefaultThreadPoolSize workers unless SuggestThreadPoolSize says
// otherwise); when every worker is busy, f waits its turn in a queue. Work
// queued before shutdown still runs; Run waits up to
// Options.ShutdownTimeout for it. f queued after shutdown never runs. A
// panic in f is recovered and logged. f must not touch the reactor except
// through CallFromThread.
//
// Safe for concurrent use.
//
// Twisted: IReactorInThreads.callInThread.
func (r *Reactor) CallInThread(f func()) {
	p := &r.pool
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.queue = append(p.queue, f)
	if p.idle > 0 {
		p.cond.Signal()
	}
	if p.idle < len(p.queue) && p.workers < p.size {
		p.workers++
		p.wg.Add(1)
		go p.work()
	}
}

// SuggestThreadPoolSize sets how many worker goroutines CallInThread may
// run at once (at least 1). Extra workers exit once their current work is
// done.
//
// Safe for concurrent use.
//
// Twisted: IReactorThreads.suggestThreadPoolSize.
func (r *Reactor) SuggestThreadPoolSize(n int) {
	p := &r.pool
	p.mu.Lock()
	p.size = max(n, 1)
	p.cond.Broadcast()
	p.mu.Unlock()
}

// work is one worker goroutine.
func (p *workerPool) work() {
	defer p.wg.Done()
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		for len(p.queue) == 0 && !p.stopped && p.workers <= p.size {
			p.idle++
			p.cond.Wait()
			p.idle--
		}
		if len(p.queue) == 0 || p.workers > p.size {
			p.workers--
			return
		}
		f := p.queue[0]
		p.queue[0] = nil
		p.queue = p.queue[1:]
		p.mu.Unlock()
		p.run(f)
		p.mu.Lock()
	}
}

// run calls f, logging a panic.
func (p *workerPool) run(f func()) {
	defer func() {
		if v := recover(); v != nil {
			p.r.recovered("CallInThread function", v)
		}
	}()
	f()
}

// stop makes workers exit once the queue is empty.
func (p *workerPool) stop() {
	p.mu.Lock()
	p.stopped = true
	p.cond.Broadcast()
	p.mu.Unlock()
}

// wait stops the pool and waits up to timeout for the workers to exit.
func (p *workerPool) wait(timeout time.Duration) {
	p.stop()
	p.mu.Lock()
	busy := p.workers > 0
	p.mu.Unlock()
	if !busy {
		return
	}
	exited := make(chan struct{})
	go func() {
		p.wg.Wait()
		close(exited)
	}()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-exited:
	case <-t.C:
		p.r.log.Warn("twistgo: CallInThread work still running after shutdown", "reactor", p.r.name, "timeout", timeout)
	}
}
