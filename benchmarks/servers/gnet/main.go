// Command gnet is an echo server on github.com/panjf2000/gnet/v2 with one
// event loop, the configuration that compares with one Twistgo reactor.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"

	"github.com/panjf2000/gnet/v2"
	"golang.org/x/sys/unix"
)

// echoServer writes back every byte it reads.
type echoServer struct {
	gnet.BuiltinEventEngine
}

// OnBoot announces the address the engine really listens on.
func (s *echoServer) OnBoot(eng gnet.Engine) gnet.Action {
	fd, err := eng.Dup()
	if err != nil {
		log.Fatal(err)
	}
	defer unix.Close(fd)
	sa, err := unix.Getsockname(fd)
	if err != nil {
		log.Fatal(os.NewSyscallError("getsockname", err))
	}
	if in4, ok := sa.(*unix.SockaddrInet4); ok {
		fmt.Printf("listening on %s\n", &net.TCPAddr{IP: in4.Addr[:], Port: in4.Port})
	} else {
		in6 := sa.(*unix.SockaddrInet6)
		fmt.Printf("listening on %s\n", &net.TCPAddr{IP: in6.Addr[:], Port: in6.Port})
	}
	return gnet.None
}

// OnTraffic echoes what has arrived.
func (s *echoServer) OnTraffic(c gnet.Conn) gnet.Action {
	buf, _ := c.Next(-1)
	if _, err := c.Write(buf); err != nil {
		return gnet.Close
	}
	return gnet.None
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	err := gnet.Run(&echoServer{}, "tcp://"+*addr,
		gnet.WithMulticore(false), gnet.WithNumEventLoop(1), gnet.WithTCPNoDelay(gnet.TCPNoDelay))
	if err != nil {
		log.Fatal(err)
	}
}
