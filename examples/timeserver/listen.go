// Opening the --listen endpoints, stream and datagram.

package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/protocol"
)

// opener checks desc and returns what listens on it. The endpoints package
// describes stream endpoints only, so "udp:PORT[:interface=IP]" is read
// here.
func opener(r interfaces.Reactor, desc string) (func() *deferred.Deferred, error) {
	rest, isUDP := strings.CutPrefix(desc, "udp:")
	if !isUDP {
		ep, err := endpoints.ServerFromString(r, desc)
		if err != nil {
			return nil, err
		}
		f := protocol.ForProtocol(func() *TimeStream { return &TimeStream{clock: r} })
		return func() *deferred.Deferred { return ep.Listen(f) }, nil
	}
	portField, iface, _ := strings.Cut(rest, ":")
	port, err := strconv.Atoi(portField)
	iface, ok := strings.CutPrefix(iface, "interface=")
	if err != nil || port < 0 || port > 65535 || (!ok && iface != "") {
		return nil, fmt.Errorf("bad endpoint %q: want udp:PORT[:interface=IP]", desc)
	}
	return func() *deferred.Deferred {
		return deferred.Maybe(func() (any, error) {
			return r.ListenUDP(port, &TimeDatagram{clock: r}, interfaces.UDPListenOptions{Interface: iface})
		})
	}, nil
}
