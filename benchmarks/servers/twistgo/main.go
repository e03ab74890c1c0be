// Command twistgo is Twistgo's echo server for the peer comparison in
// docs/BENCHMARKS.md: a Protocol whose DataReceived writes the bytes back,
// as in Twisted's echo example, on the reactor named by -reactor.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"runtime/pprof"
	"strconv"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/protocol"
	"github.com/twistgo/twistgo/reactor"
)

// echo writes back everything it receives.
type echo struct {
	protocol.Base
}

// ConnectionMade turns Nagle's algorithm off, as every server in the
// comparison does (the standard library by default); with it on, a
// 16 KiB reply waits for the peer's delayed ACK of the previous one.
func (e *echo) ConnectionMade() {
	if err := e.Transport.(interfaces.TCPTransport).SetTCPNoDelay(true); err != nil {
		log.Print(err)
	}
}

// DataReceived writes data back; the transport copies it before returning.
func (e *echo) DataReceived(data []byte) {
	e.Transport.Write(data)
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	name := flag.String("reactor", "epoll", "reactor: "+fmt.Sprint(reactor.Names()))
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile here, ended by SIGTERM")
	flag.Parse()
	if *cpuProfile != "" {
		stop, err := startProfile(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		defer stop()
	}
	host, portText, err := net.SplitHostPort(*addr)
	if err != nil {
		log.Fatal(err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		log.Fatal(err)
	}
	if err := reactor.InstallByName(*name); err != nil {
		log.Fatal(err)
	}
	f := protocol.ForProtocol(func() *echo { return &echo{} })
	lp, err := reactor.ListenTCP(port, f, interfaces.TCPListenOptions{Interface: host, Backlog: 1024})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on %s\n", lp.GetHost())
	if err := reactor.Run(); err != nil {
		log.Print(err)
	}
}

// startProfile starts CPU profiling into path and returns what ends it.
// The reactor stops on SIGTERM, so main returns and the profile is
// complete.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
