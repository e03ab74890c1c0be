// Package internet is Twistgo's reactor: the event loop that waits for
// readiness on non-blocking file descriptors, runs timers and calls queued
// from other goroutines, and calls user code on one goroutine. It also holds
// the TCP, UNIX and UDP ports and connectors built on that loop.
//
// A [Reactor] is a shared core (timers, thread calls, system event
// triggers, signal handling, the descriptor table) on top of one poller:
// epoll on Linux, kqueue on darwin and the BSDs, poll(2) and select(2)
// on both. [Names] lists the reactors this host offers, default first, and
// [New] builds one by name. Reactors are plain values, so tests create a
// fresh one each; package reactor adds the process-wide singleton on top.
//
// The loop, one turn at a time: run the calls queued by CallFromThread
// (only those present when the turn starts), run the timers that are due
// (timers scheduled meanwhile wait for the next turn), fire the shutdown
// event if Stop was called, wait in the poller no longer than the next timer,
// and dispatch readiness (readable: DoRead, writable: DoWrite). Output that
// callbacks queued with QueueFlush leaves after each callback returns. A
// panic in any callback is recovered and logged with its stack; a
// descriptor whose callback panics or returns an error is removed and told
// ConnectionLost; the loop goes on serving everyone else.
//
// Package internet imports interfaces, transport and deferred; it never
// imports protocol. Test helpers that run a conformance suite on every
// reactor of the host live in internet/internettest.
package internet
