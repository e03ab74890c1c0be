package reactor_test

import (
	"fmt"
	"time"

	"github.com/twistgo/twistgo/reactor"
)

// Install the poll reactor before anything uses the reactor, schedule a
// call that stops it, and run it.
func Example() {
	if err := reactor.InstallByName("poll"); err != nil {
		fmt.Println(err)
		return
	}
	reactor.CallLater(10*time.Millisecond, func() {
		fmt.Println("hello from the", reactor.Name(), "reactor")
		_ = reactor.Stop()
	})
	if err := reactor.Run(); err != nil {
		fmt.Println(err)
	}
	fmt.Println("Run returned")
	// Output:
	// hello from the poll reactor
	// Run returned
}
