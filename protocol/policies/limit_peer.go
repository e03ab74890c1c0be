// LimitConnectionsByPeer: a cap on simultaneous connections per peer host.

package policies

import (
	"net"

	"github.com/twistgo/twistgo/interfaces"
)

// DefaultMaxConnectionsPerPeer is LimitConnectionsByPeer's cap when none
// is given.
const DefaultMaxConnectionsPerPeer = 5

var _ interfaces.ClientFactory = (*LimitConnectionsByPeer)(nil)

// LimitConnectionsByPeer is a WrappingFactory that refuses a connection
// when its peer host already has MaxConnectionsPerPeer open. Connections
// are counted by host (the IP address, with IPv4-mapped IPv6 addresses
// counted as IPv4), from BuildProtocol until the connection is lost. UNIX
// socket peers have no host: they all count as one.
//
// Twisted keys its count inconsistently (the address on build, the port
// on release); this one uses the same key both times. Call only on the
// reactor goroutine.
//
// Twisted: policies.LimitConnectionsByPeer.
type LimitConnectionsByPeer struct {
	WrappingFactory
	// MaxConnectionsPerPeer caps each host; 0 means
	// DefaultMaxConnectionsPerPeer.
	MaxConnectionsPerPeer int

	counts map[string]int
	keys   map[interfaces.Protocol]string
}

// NewLimitConnectionsByPeer returns a LimitConnectionsByPeer around wrapped
// allowing maxPerPeer connections per host (0: the default).
//
// Twisted: LimitConnectionsByPeer.maxConnectionsPerPeer.
func NewLimitConnectionsByPeer(wrapped interfaces.Factory, maxPerPeer int) *LimitConnectionsByPeer {
	return &LimitConnectionsByPeer{WrappingFactory: WrappingFactory{Wrapped: wrapped}, MaxConnectionsPerPeer: maxPerPeer}
}

// BuildProtocol returns nil if addr's host is at its cap or Wrapped refuses,
// and otherwise the wrapped protocol, counted against the host.
//
// Twisted: LimitConnectionsByPeer.buildProtocol.
func (f *LimitConnectionsByPeer) BuildProtocol(addr net.Addr) interfaces.Protocol {
	host := PeerHost(addr)
	limit := f.MaxConnectionsPerPeer
	if limit <= 0 {
		limit = DefaultMaxConnectionsPerPeer
	}
	if f.counts[host] >= limit {
		return nil
	}
	p := f.Wrapped.BuildProtocol(addr)
	if p == nil {
		return nil
	}
	w := NewProtocolWrapper(f, p)
	if f.counts == nil {
		f.counts = make(map[string]int)
		f.keys = make(map[interfaces.Protocol]string)
	}
	f.counts[host]++
	f.keys[w] = host
	return w
}

// UnregisterProtocol releases p's place in its host's count.
//
// Twisted: LimitConnectionsByPeer.unregisterProtocol.
func (f *LimitConnectionsByPeer) UnregisterProtocol(p interfaces.Protocol) {
	f.WrappingFactory.UnregisterProtocol(p)
	host, ok := f.keys[p]
	if !ok {
		return
	}
	delete(f.keys, p)
	if f.counts[host]--; f.counts[host] <= 0 {
		delete(f.counts, host)
	}
}

// Connections returns how many connections host has open now.
//
// Twisted: LimitConnectionsByPeer.peerConnections.
func (f *LimitConnectionsByPeer) Connections(host string) int { return f.counts[host] }

// PeerHost returns the host part of addr, the key LimitConnectionsByPeer
// counts by: the IP address of a TCP or UDP address (IPv4-mapped IPv6
// addresses as IPv4), the host of a "host:port" string, or else the whole
// string.
func PeerHost(addr net.Addr) string {
	var ip net.IP
	switch a := addr.(type) {
	case *net.TCPAddr:
		ip = a.IP
	case *net.UDPAddr:
		ip = a.IP
	}
	if ip != nil {
		if v4 := ip.To4(); v4 != nil {
			return v4.String()
		}
		return ip.String()
	}
	if addr == nil {
		return ""
	}
	if host, _, err := net.SplitHostPort(addr.String()); err == nil {
		return host
	}
	return addr.String()
}
