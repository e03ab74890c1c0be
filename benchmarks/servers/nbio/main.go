// Command nbio is an echo server on github.com/lesismal/nbio with one
// poller goroutine reading and echoing in place.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/lesismal/nbio"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	engine := nbio.NewEngine(nbio.Config{
		Network: "tcp",
		Addrs:   []string{*addr},
		NPoller: 1,
	})
	engine.OnData(func(c *nbio.Conn, data []byte) {
		if _, err := c.Write(data); err != nil {
			c.Close()
		}
	})
	if err := engine.Start(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on %s\n", engine.Addrs[0])
	engine.Wait()
}
