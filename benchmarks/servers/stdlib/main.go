// Command stdlib is the standard library's echo server: one goroutine per
// connection, each reading into its own buffer and writing the bytes back,
// which is what a Go programmer writes first. It is the baseline of the
// peer comparison in docs/BENCHMARKS.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	bufSize := flag.Int("buf", 32<<10, "per-connection read buffer in bytes (io.Copy's default)")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on %s\n", ln.Addr())
	for {
		c, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			log.Print(err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go echo(c, *bufSize)
	}
}

// echo writes back everything c sends until c fails or closes.
func echo(c net.Conn, bufSize int) {
	defer c.Close()
	buf := make([]byte, bufSize)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			if _, werr := c.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}
