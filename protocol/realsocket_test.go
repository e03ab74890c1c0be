//go:build linux

package protocol_test

import (
	"net"
	"testing"
	"time"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet"
	"github.com/twistgo/twistgo/internet/internettest"
	"github.com/twistgo/twistgo/protocol"
)

// hangUp closes every connection it is given and reports it.
type hangUp struct {
	protocol.Base
	made chan<- struct{}
}

func (h *hangUp) ConnectionMade() {
	h.made <- struct{}{}
	h.Transport.LoseConnection()
}

// TestReconnectingClientFactoryReconnects connects to a server that hangs
// up at once: the factory must reconnect on the reactor's clock, again and
// again, until StopTrying.
func TestReconnectingClientFactoryReconnects(t *testing.T) {
	internettest.EachReactor(t, func(t *testing.T, r *internet.Reactor) {
		internettest.RunReactor(t, r)
		made := make(chan struct{}, 10)
		server := protocol.ForProtocol(func() *hangUp { return &hangUp{made: made} })
		client := protocol.NewReconnectingClientFactory(r, func(net.Addr) interfaces.Protocol { return &protocol.Base{} })
		client.InitialDelay, client.Jitter = 5*time.Millisecond, 0
		internettest.OnReactor(t, r, func() (any, error) {
			port, err := r.ListenTCP(0, server, interfaces.TCPListenOptions{Interface: "127.0.0.1"})
			if err != nil {
				return nil, err
			}
			return r.ConnectTCP("127.0.0.1", port.GetHost().(*net.TCPAddr).Port, client, interfaces.TCPConnectOptions{})
		})
		for range 3 {
			internettest.Await(t, made)
		}
		counts := internettest.OnReactor(t, r, func() ([2]int, error) {
			client.StopTrying()
			return [2]int{client.Retries(), server.Built()}, nil
		})
		if counts[0] < 2 || counts[1] < 3 {
			t.Errorf("after three connections: %d retries, %d protocols built; want at least 2, 3", counts[0], counts[1])
		}
	})
}
