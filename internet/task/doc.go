// Package task holds time-driven helpers built on a reactor's clock: a
// deterministic Clock for tests, LoopingCall for periodic work, DeferLater
// for a Deferred that fires after a delay, and a Cooperator that shares the
// reactor goroutine among long-running iterations.
//
// Every helper takes the narrow [interfaces.ReactorTime] (or
// [deferred.Clock]) rather than a whole reactor, so a test can drive it with
// a [Clock] and no wall time. Package task imports only interfaces and
// deferred; it never imports protocol or a concrete reactor.
//
// See ExampleLoopingCall for a runnable introduction.
//
// Twisted: twisted.internet.task.
package task
