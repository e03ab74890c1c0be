// Package deferred provides Deferred, a promise of a result that arrives
// later, and the helpers built on it: lists of Deferreds, timeouts, and the
// Lock, Semaphore and Queue concurrency primitives.
//
// A Deferred holds a chain of (callback, errback) pairs. When it fires, the
// result runs down the chain: a callback may transform the value, return an
// error to switch to the errback path, or return another *Deferred to make
// the chain wait for it. Errbacks may recover by returning a value. The rules
// follow Twisted's twisted.internet.defer, including its iterative run loop,
// so arbitrarily long chains of Deferreds do not grow the stack; the few
// places that differ say so in their documentation.
//
// Deferreds are not goroutine-safe: like everything driven by the reactor,
// they belong to one goroutine. Call only on the reactor goroutine.
//
// An error that reaches the end of a chain unhandled is logged through
// log/slog when the Deferred is garbage-collected (see [SetLogger]);
// [Deferred.UnhandledError] checks for one explicitly.
//
// The package imports only the standard library; its time dependency is the
// one-method [Clock] interface, which the reactor and task.Clock satisfy.
// See the package Example, then those of [New] and [List].
package deferred
