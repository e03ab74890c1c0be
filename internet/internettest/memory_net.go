// MemoryReactor's network side: recording Listen* and Connect* calls and
// returning fakes for the test to drive.

package internettest

import (
	"fmt"
	"net"
	"net/netip"
	"strconv"

	"github.com/twistgo/twistgo/interfaces"
)

// TCPServer records one ListenTCP.
type TCPServer struct {
	Port    int
	Factory interfaces.Factory
	Options interfaces.TCPListenOptions
	Fake    *FakePort // what ListenTCP returned
}

// TCPClient records one ConnectTCP.
type TCPClient struct {
	Host    string
	Port    int
	Factory interfaces.ClientFactory
	Options interfaces.TCPConnectOptions
	Fake    *FakeConnector // what ConnectTCP returned
}

// UNIXServer records one ListenUNIX.
type UNIXServer struct {
	Path    string
	Factory interfaces.Factory
	Options interfaces.UNIXListenOptions
	Fake    *FakePort
}

// UNIXClient records one ConnectUNIX.
type UNIXClient struct {
	Path    string
	Factory interfaces.ClientFactory
	Options interfaces.UNIXConnectOptions
	Fake    *FakeConnector
}

// UDPPort records one ListenUDP.
type UDPPort struct {
	Port     int
	Protocol interfaces.DatagramProtocol
	Options  interfaces.UDPListenOptions
	Fake     *FakePort
}

// ListenTCP records the call and returns a listening FakePort whose host
// is the interface (0.0.0.0 if empty) and port. Bad ports give an error
// wrapping ErrInvalidArgument.
//
// Twisted: MemoryReactor.listenTCP.
func (r *MemoryReactor) ListenTCP(port int, f interfaces.Factory, opts interfaces.TCPListenOptions) (interfaces.ListeningPort, error) {
	if err := r.check(r.ListenErr, port, 0); err != nil {
		return nil, err
	}
	iface := opts.Interface
	if iface == "" {
		iface = "0.0.0.0"
	}
	p := &FakePort{Host: &net.TCPAddr{IP: net.ParseIP(iface), Port: port}, Listening: true, Factory: f}
	r.TCPServers = append(r.TCPServers, TCPServer{port, f, opts, p})
	return p, nil
}

// ConnectTCP records the call and returns a connecting FakeConnector,
// after telling f StartedConnecting.
//
// Twisted: MemoryReactor.connectTCP.
func (r *MemoryReactor) ConnectTCP(host string, port int, f interfaces.ClientFactory, opts interfaces.TCPConnectOptions) (interfaces.Connector, error) {
	if err := r.check(r.ConnectErr, port, 1); err != nil {
		return nil, err
	}
	c := newFakeConnector(tcpDestination(host, port), f)
	r.TCPClients = append(r.TCPClients, TCPClient{host, port, f, opts, c})
	return c, c.Connect()
}

// ListenUNIX records the call and returns a listening FakePort.
//
// Twisted: MemoryReactor.listenUNIX.
func (r *MemoryReactor) ListenUNIX(path string, f interfaces.Factory, opts interfaces.UNIXListenOptions) (interfaces.ListeningPort, error) {
	if r.ListenErr != nil {
		return nil, r.ListenErr
	}
	p := &FakePort{Host: &net.UnixAddr{Name: path, Net: "unix"}, Listening: true, Factory: f}
	r.UNIXServers = append(r.UNIXServers, UNIXServer{path, f, opts, p})
	return p, nil
}

// ConnectUNIX records the call and returns a connecting FakeConnector,
// after telling f StartedConnecting.
//
// Twisted: MemoryReactor.connectUNIX.
func (r *MemoryReactor) ConnectUNIX(path string, f interfaces.ClientFactory, opts interfaces.UNIXConnectOptions) (interfaces.Connector, error) {
	if r.ConnectErr != nil {
		return nil, r.ConnectErr
	}
	c := newFakeConnector(&net.UnixAddr{Name: path, Net: "unix"}, f)
	r.UNIXClients = append(r.UNIXClients, UNIXClient{path, f, opts, c})
	return c, c.Connect()
}

// ListenUDP records the call and returns a FakePort as the transport; p
// is not told anything.
//
// Twisted: MemoryReactor.listenUDP.
func (r *MemoryReactor) ListenUDP(port int, p interfaces.DatagramProtocol, opts interfaces.UDPListenOptions) (interfaces.DatagramTransport, error) {
	if err := r.check(r.ListenErr, port, 0); err != nil {
		return nil, err
	}
	iface := opts.Interface
	if iface == "" {
		iface = "0.0.0.0"
	}
	fp := &FakePort{Host: &net.UDPAddr{IP: net.ParseIP(iface), Port: port}, Listening: true}
	r.UDPPorts = append(r.UDPPorts, UDPPort{port, p, opts, fp})
	return fp, nil
}

// check returns the injected error, or an error for a port outside
// lo..65535.
func (r *MemoryReactor) check(injected error, port, lo int) error {
	if injected != nil {
		return injected
	}
	if port < lo || port > 65535 {
		return fmt.Errorf("%w: port %d out of range %d..65535", interfaces.ErrInvalidArgument, port, lo)
	}
	return nil
}

// tcpDestination is the address of host:port without resolving a name.
func tcpDestination(host string, port int) net.Addr {
	if a, err := netip.ParseAddr(host); err == nil {
		return net.TCPAddrFromAddrPort(netip.AddrPortFrom(a, uint16(port)))
	}
	return hostAddr{host, port}
}

// hostAddr is a destination given by host name, which MemoryReactor never
// resolves.
type hostAddr struct {
	host string
	port int
}

func (a hostAddr) Network() string { return "tcp" }
func (a hostAddr) String() string  { return net.JoinHostPort(a.host, strconv.Itoa(a.port)) }
