// Signals: SIGINT and SIGTERM stop the reactor gracefully while it runs.

package internet

import (
	"os"
	"os/signal"
	"syscall"
)

// signalWatcher relays SIGINT and SIGTERM to the loop while Run runs.
type signalWatcher struct {
	ch   chan os.Signal
	quit chan struct{}
	done chan struct{}
}

// startSignals starts relaying, as part of the startup event, unless
// Options.NoSignalHandlers. SIGINT is left alone when it is ignored (a
// program started with nohup, or in the background by a shell), as
// Twisted leaves a SIGINT handler it did not expect.
//
// Twisted: _SignalReactorMixin._handleSignals.
func (r *Reactor) startSignals() {
	if r.opts.NoSignalHandlers {
		return
	}
	sigs := []os.Signal{syscall.SIGTERM}
	if !signal.Ignored(os.Interrupt) {
		sigs = append(sigs, os.Interrupt)
	}
	w := &r.signals
	w.ch = make(chan os.Signal, 1)
	w.quit = make(chan struct{})
	w.done = make(chan struct{})
	signal.Notify(w.ch, sigs...)
	go r.relaySignals()
}

// relaySignals stops the reactor, through CallFromThread, for each signal
// received.
func (r *Reactor) relaySignals() {
	w := &r.signals
	defer close(w.done)
	for {
		select {
		case s := <-w.ch:
			r.log.Info("twistgo: received signal, stopping the reactor", "reactor", r.name, "signal", s.String())
			r.CallFromThread(func() { _ = r.Stop() })
		case <-w.quit:
			return
		}
	}
}

// stop stops relaying and waits for the relay goroutine to end.
func (w *signalWatcher) stop() {
	if w.ch == nil {
		return
	}
	signal.Stop(w.ch)
	close(w.quit)
	<-w.done
	w.ch = nil
}
