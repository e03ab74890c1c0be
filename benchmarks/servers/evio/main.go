// Command evio is an echo server on github.com/tidwall/evio with one loop.
//
// evio accepts with plain accept(2) and offers no way to set TCP_NODELAY,
// which every other server in the comparison has; with several messages in
// flight Nagle's algorithm would then stall its echoes for a delayed ACK. As
// Linux copies TCP_NODELAY from a listening socket to the sockets it
// accepts, Serving sets it on the listener instead, so evio is measured on
// the same terms as the rest.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/tidwall/evio"
	"golang.org/x/sys/unix"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	var events evio.Events
	events.NumLoops = 1
	events.Serving = func(s evio.Server) evio.Action {
		if err := noDelayOnListeners(); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("listening on %s\n", s.Addrs[0])
		return evio.None
	}
	events.Data = func(c evio.Conn, in []byte) ([]byte, evio.Action) {
		return in, evio.None
	}
	if err := evio.Serve(events, "tcp://"+*addr); err != nil {
		log.Fatal(err)
	}
}

// noDelayOnListeners sets TCP_NODELAY on every listening socket this
// process holds.
func noDelayOnListeners() error {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return err
	}
	for _, e := range ents {
		fd, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if v, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ACCEPTCONN); err != nil || v != 1 {
			continue
		}
		if err := unix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_NODELAY, 1); err != nil {
			return os.NewSyscallError("setsockopt TCP_NODELAY", err)
		}
	}
	return nil
}
