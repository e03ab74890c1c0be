// Typed helpers over the untyped chain.

package deferred

import (
	"fmt"
	"reflect"
)

// Then appends a callback that receives the result as a T, and returns d.
//
// It saves the type assertion every callback would otherwise start with. A
// nil result arrives as T's zero value; a result of another type fails the
// chain with an error matching ErrInvalidResult instead of calling f.
// Errors pass f by, as with [Deferred.AddCallback]. Call only on the reactor
// goroutine.
//
// Example:
//
//	deferred.Then(d, func(n int) (any, error) { return n * 2, nil })
//
// Twisted: Deferred.addCallback.
func Then[T any](d *Deferred, f func(T) (any, error)) *Deferred {
	return d.AddCallback(func(r any) (any, error) {
		if r == nil {
			var zero T
			return f(zero)
		}
		v, ok := r.(T)
		if !ok {
			return nil, fmt.Errorf("%w: result is %T, not %v", ErrInvalidResult, r, reflect.TypeFor[T]())
		}
		return f(v)
	})
}
