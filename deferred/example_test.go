// Runnable examples for the package documentation.

package deferred_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/twistgo/twistgo/deferred"
)

// A callback that returns a Deferred makes the chain wait for it.
func Example() {
	lookup := deferred.New(nil) // say, a DNS query in flight
	page := deferred.Succeed("example.org").
		AddCallback(func(host any) (any, error) {
			fmt.Println("resolving", host)
			return lookup, nil // wait for the lookup
		}).
		AddCallback(func(addr any) (any, error) {
			fmt.Println("connecting to", addr)
			return "<html>", nil
		})
	fmt.Println("waiting:", !lookup.Called())
	_ = lookup.Callback("192.0.2.1")
	fmt.Println(page.Result())
	// Output:
	// resolving example.org
	// waiting: true
	// connecting to 192.0.2.1
	// <html> <nil>
}

func ExampleNew() {
	d := deferred.New(func(d *deferred.Deferred) {
		fmt.Println("canceller: stopping the work")
	})
	d.AddCallback(func(r any) (any, error) {
		fmt.Println("got", r)
		return r.(int) * 2, nil
	})
	fmt.Println("firing")
	_ = d.Callback(21)
	fmt.Println(d.Result())
	// Output:
	// firing
	// got 21
	// 42 <nil>
}

func ExampleDeferred_Callback() {
	d := deferred.New(nil)
	d.AddCallback(func(r any) (any, error) { fmt.Println("callback:", r); return r, nil })
	fmt.Println(d.Callback("first"))
	fmt.Println(d.Callback("second"))
	// Output:
	// callback: first
	// <nil>
	// deferred: already called
}

func ExampleDeferred_AddCallbacks() {
	errNotFound := errors.New("not found")
	d := deferred.New(nil)
	d.AddCallbacks(
		func(r any) (any, error) { return nil, errNotFound }, // switch to the errback path
		nil,
	).AddCallbacks(
		func(r any) (any, error) { fmt.Println("not reached"); return r, nil },
		func(err error) (any, error) {
			fmt.Println("errback:", err)
			return "default page", nil // recover
		},
	).AddCallback(func(r any) (any, error) {
		fmt.Println("callback:", r)
		return r, nil
	})
	_ = d.Callback("/missing")
	// Output:
	// errback: not found
	// callback: default page
}

func ExampleDeferred_Cancel() {
	d := deferred.New(nil)
	d.AddErrback(func(err error) (any, error) {
		fmt.Println("errback:", err, errors.Is(err, deferred.ErrCancelled))
		return nil, nil
	})
	d.Cancel()
	fmt.Println("late result:", d.Callback("too late")) // swallowed once: there was no canceller
	// Output:
	// errback: deferred: cancelled true
	// late result: <nil>
}

func ExampleMaybe() {
	d := deferred.Maybe(func() (any, error) { panic("bug") })
	d.AddErrback(func(err error) (any, error) {
		var pe *deferred.PanicError
		fmt.Println(errors.As(err, &pe), pe.Value)
		return nil, nil
	})
	// Output:
	// true bug
}

func ExampleList() {
	a, b := deferred.New(nil), deferred.New(nil)
	deferred.List([]*deferred.Deferred{a, b}, deferred.ListOptions{ConsumeErrors: true}).
		AddCallback(func(r any) (any, error) {
			for i, res := range r.([]deferred.ListResult) {
				fmt.Println(i, res.OK, res.Value, res.Err)
			}
			return nil, nil
		})
	_ = b.Errback(errors.New("refused"))
	_ = a.Callback("ok")
	// Output:
	// 0 true ok <nil>
	// 1 false <nil> refused
}

func ExampleList_fireOnOneCallback() {
	mirrors := []*deferred.Deferred{deferred.New(nil), deferred.New(nil)}
	deferred.List(mirrors, deferred.ListOptions{FireOnOneCallback: true}).
		AddCallback(func(r any) (any, error) {
			first := r.(deferred.FirstResult)
			fmt.Println("fastest mirror:", first.Index, first.Value)
			return nil, nil
		})
	_ = mirrors[1].Callback("eu")
	_ = mirrors[0].Callback("us") // recorded, but the List has fired
	// Output:
	// fastest mirror: 1 eu
}

func ExampleGather() {
	user, prefs := deferred.New(nil), deferred.New(nil)
	deferred.Gather(user, prefs).AddCallbacks(
		func(r any) (any, error) { fmt.Println(r); return nil, nil },
		func(err error) (any, error) {
			var fe *deferred.FirstError
			errors.As(err, &fe)
			fmt.Println("member", fe.Index, "failed:", fe.Err)
			return nil, nil
		},
	)
	_ = prefs.Errback(errors.New("no prefs"))
	prefs.AddErrback(func(error) (any, error) { return nil, nil }) // Gather does not consume errors
	// Output:
	// member 1 failed: no prefs
}

func ExampleAddTimeout() {
	clock := newFakeClock() // any Clock: the reactor, task.Clock
	d := deferred.New(nil)
	deferred.AddTimeout(d, 30*time.Second, clock).AddErrback(func(err error) (any, error) {
		fmt.Println(err, errors.Is(err, deferred.ErrTimeout))
		return nil, nil
	})
	clock.Advance(29 * time.Second)
	fmt.Println("fired:", d.Called())
	clock.Advance(time.Second)
	fmt.Println("fired:", d.Called())
	// Output:
	// fired: false
	// deferred: timed out after 30s true
	// fired: true
}

func ExampleLock_Run() {
	var mu deferred.Lock
	write := deferred.New(nil) // a slow write in progress
	mu.Run(func() (any, error) { fmt.Println("first writer"); return write, nil })
	mu.Run(func() (any, error) { fmt.Println("second writer"); return nil, nil })
	fmt.Println("locked:", mu.Locked())
	_ = write.Callback(nil) // the first write completes: the lock passes on
	fmt.Println("locked:", mu.Locked())
	// Output:
	// first writer
	// locked: true
	// second writer
	// locked: false
}

func ExampleQueue() {
	q := deferred.NewQueue(1, 0)
	d, _ := q.Get() // nothing queued: d waits
	d.AddCallback(func(v any) (any, error) { fmt.Println("got", v); return v, nil })
	fmt.Println(q.Put("a")) // handed to the waiting getter
	fmt.Println(q.Put("b")) // queued
	fmt.Println(q.Put("c")) // over the size limit
	// Output:
	// got a
	// <nil>
	// <nil>
	// deferred: queue overflow
}

func ExampleThen() {
	d := deferred.Succeed(20)
	deferred.Then(d, func(n int) (any, error) { return n + 1, nil })
	fmt.Println(d.Result())
	// Output:
	// 21 <nil>
}

func ExampleDeferred_UnhandledError() {
	d := deferred.Fail(errors.New("disk full"))
	fmt.Println(d.UnhandledError())
	d.AddErrback(func(err error) (any, error) { return nil, nil })
	fmt.Println(d.UnhandledError())
	// Output:
	// disk full
	// <nil>
}
