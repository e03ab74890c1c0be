package task_test

import (
	"fmt"
	"time"

	"github.com/twistgo/twistgo/internet/task"
)

// A LoopingCall driven by a Clock: the test decides when time passes, so
// the output is the same on every run. With a reactor, pass the reactor
// instead of the Clock.
func ExampleLoopingCall() {
	clock := task.NewClock()
	beats := 0
	var loop *task.LoopingCall
	loop = task.NewLoopingCallWithCount(clock, func(count int) (any, error) {
		beats += count
		fmt.Printf("heartbeat at %v (intervals: %d)\n", clock.Now().Sub(time.Unix(0, 0)), count)
		if beats >= 5 {
			return nil, loop.Stop()
		}
		return nil, nil
	})
	done, err := loop.Start(time.Second, true)
	if err != nil {
		fmt.Println(err)
		return
	}
	done.AddCallback(func(any) (any, error) {
		fmt.Println("stopped")
		return nil, nil
	})

	clock.Advance(time.Second)             // on time
	clock.Advance(2500 * time.Millisecond) // late: the tick at 2s was missed
	clock.Advance(500 * time.Millisecond)
	// Output:
	// heartbeat at 0s (intervals: 1)
	// heartbeat at 1s (intervals: 1)
	// heartbeat at 3.5s (intervals: 2)
	// heartbeat at 4s (intervals: 1)
	// stopped
}
