// The lookups, their chains, and the List that waits for them.

package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/reactor"
)

// errNoSuchUser is what a lookup of an unknown name fails with.
var errNoSuchUser = errors.New("no such user")

// scores is the pretend database the lookups read.
var scores = map[string]int{"alice": 42, "carol": 7}

// lookup returns a Deferred that fires after delay with name's score, or
// fails with errNoSuchUser. Cancelling it (as a timeout does) cancels the
// timer, so the work really stops.
func lookup(clock interfaces.ReactorTime, name string, delay time.Duration) *deferred.Deferred {
	var call interfaces.DelayedCall
	d := deferred.New(func(*deferred.Deferred) { _ = call.Cancel() })
	call = clock.CallLater(delay, func() {
		if score, ok := scores[name]; ok {
			_ = d.Callback(score)
		} else {
			_ = d.Errback(fmt.Errorf("%s: %w", name, errNoSuchUser))
		}
	})
	return d
}

// describe is the callback shared by the chains: it turns a score into a
// line.
func describe(name string) deferred.Callback {
	return func(r any) (any, error) {
		return fmt.Sprintf("%s has %d points", name, r.(int)), nil
	}
}

func main() {
	r := reactor.Get()

	// A plain chain: the callback turns the score into a sentence.
	alice := lookup(r, "alice", 10*time.Millisecond).AddCallback(describe("alice"))

	// A failing lookup; the errback recovers with a value, so the chain
	// goes on down the success path.
	bob := lookup(r, "bob", 20*time.Millisecond).
		AddCallback(describe("bob")).
		AddErrback(func(err error) (any, error) {
			if errors.Is(err, errNoSuchUser) {
				return "bob is not registered (recovered: " + err.Error() + ")", nil
			}
			return nil, err
		})

	// A lookup slower than its timeout: AddTimeout cancels it and the
	// chain fails with deferred.ErrTimeout, which the List records.
	carol := deferred.AddTimeout(lookup(r, "carol", time.Hour), 50*time.Millisecond, r).
		AddCallback(describe("carol"))

	all := deferred.List([]*deferred.Deferred{alice, bob, carol}, deferred.ListOptions{ConsumeErrors: true})
	all.AddCallback(func(results any) (any, error) {
		for i, res := range results.([]deferred.ListResult) {
			if res.OK {
				fmt.Printf("%d ok: %v\n", i, res.Value)
			} else {
				fmt.Printf("%d failed: %v (timeout: %v)\n", i, res.Err, errors.Is(res.Err, deferred.ErrTimeout))
			}
		}
		return nil, nil
	})
	all.AddBoth(func(any, error) (any, error) { return nil, r.Stop() })

	if err := r.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "deferreds:", err)
		os.Exit(1)
	}
}
