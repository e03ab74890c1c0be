// The program: flags, the listening descriptor, the reactor.

package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/twistgo/twistgo/reactor"
)

func main() {
	listen := flag.String("listen", "tcp:8000", "tcp:PORT[:interface=IPv4] to listen on")
	flag.Parse()
	addr, err := parseListen(*listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fdset:", err)
		os.Exit(2)
	}

	r := reactor.Get()
	l, err := newListener(r, addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fdset:", err)
		os.Exit(1)
	}
	if err := r.AddReader(l); err != nil {
		fmt.Fprintln(os.Stderr, "fdset:", err)
		os.Exit(1)
	}
	slog.Info("listening on " + l.addr.String())
	if err := r.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "fdset:", err)
		os.Exit(1)
	}
}

// parseListen reads tcp:PORT[:interface=IPv4]; the interface defaults to
// every address, 0.0.0.0.
func parseListen(desc string) (netip.AddrPort, error) {
	bad := fmt.Errorf("bad endpoint %q: want tcp:PORT[:interface=IPv4]", desc)
	rest, ok := strings.CutPrefix(desc, "tcp:")
	if !ok {
		return netip.AddrPort{}, bad
	}
	portField, ifaceField, hasIface := strings.Cut(rest, ":")
	port, err := strconv.ParseUint(portField, 10, 16)
	if err != nil {
		return netip.AddrPort{}, bad
	}
	ip := netip.IPv4Unspecified()
	if hasIface {
		s, ok := strings.CutPrefix(ifaceField, "interface=")
		if ip, err = netip.ParseAddr(s); !ok || err != nil || !ip.Is4() {
			return netip.AddrPort{}, bad
		}
	}
	return netip.AddrPortFrom(ip, uint16(port)), nil
}
