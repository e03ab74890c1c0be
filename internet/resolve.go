//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

// Resolving a host name off the reactor goroutine: the lookup runs on the
// reactor's worker pool and its answer comes back through CallFromThread,
// so the loop never blocks on DNS.

package internet

import (
	"context"
	"fmt"
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

// lookupHook resolves a host name; tests replace it.
var lookupHook = func(ctx context.Context, host string) ([]net.IP, error) {
	return net.DefaultResolver.LookupIP(ctx, "ip", host)
}

// lookup resolves host, then dials. A lookup still running when the
// attempt ends is cancelled, and its answer ignored.
func (a *attempt) lookup(host string) {
	ctx, cancel := context.WithCancel(context.Background())
	a.cancel = cancel
	r := a.c.r
	r.CallInThread(func() {
		ips, err := lookupHook(ctx, host)
		r.CallFromThread(func() { a.resolved(ips, err) })
	})
}

// resolved continues the attempt with the lookup's answer.
func (a *attempt) resolved(ips []net.IP, err error) {
	if a.done {
		return
	}
	a.cancel()
	a.cancel = nil
	if err == nil && len(ips) == 0 {
		err = fmt.Errorf("no addresses")
	}
	if err != nil {
		a.fail(fmt.Errorf("%w: %w", interfaces.ErrDNSLookup, err))
		return
	}
	a.dial(ips)
}

// pickIP returns the address to connect to: the first IPv4 one, as
// Twisted's IPv4 lookup would, else the first.
func pickIP(ips []net.IP) net.IP {
	for _, ip := range ips {
		if ip.To4() != nil {
			return ip
		}
	}
	return ips[0]
}
