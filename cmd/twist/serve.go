// Running a service: listen on every endpoint once the reactor runs, close
// the ports at shutdown, report the first failure.

package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/reactor"
)

// port is what a listening endpoint gives back, stream or datagram.
type port interface {
	GetHost() net.Addr
	StopListening() *deferred.Deferred
}

// listener opens one endpoint of the service.
type listener struct {
	desc   string                    // the --listen value
	listen func() *deferred.Deferred // fires with a port
}

// server is one run of twist.
type server struct {
	r         interfaces.Reactor
	log       *slog.Logger
	service   string
	listeners []listener
	ports     []port // the endpoints listening so far
	err       error  // the first failure; it makes the run exit 1
}

// run sets up logging and the reactor, listens on the endpoints, and runs
// the reactor until it stops. A bad endpoint description is a *usageError;
// an endpoint that cannot be opened ends the run with an error.
func run(cfg *config, stderr io.Writer) error {
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.level}))
	slog.SetDefault(logger)
	deferred.SetLogger(logger)
	if cfg.reactor != "" {
		if err := reactor.InstallByName(cfg.reactor); err != nil {
			return err
		}
	}
	s := &server{r: reactor.Get(), log: logger, service: cfg.service.name}
	if err := s.prepare(cfg); err != nil {
		return err
	}
	s.r.CallWhenRunning(s.listenAll)
	if _, err := s.r.AddSystemEventTrigger(interfaces.Before, interfaces.Shutdown, s.closeAll); err != nil {
		return err
	}
	if err := s.r.Run(); err != nil {
		return err
	}
	return s.err
}

// listenAll opens every endpoint; the first failure stops the reactor,
// and the endpoints after it are not opened.
func (s *server) listenAll() {
	for _, l := range s.listeners {
		if s.err != nil {
			return
		}
		l.listen().AddCallbacks(func(res any) (any, error) {
			p := res.(port)
			s.ports = append(s.ports, p)
			addr := p.GetHost()
			s.log.Info("listening on "+addr.String(), "service", s.service, "transport", addr.Network(), "endpoint", l.desc)
			return nil, nil
		}, func(err error) (any, error) {
			s.fail(listenError(l.desc, err))
			return nil, nil
		})
	}
}

// fail records the first error of the run and stops the reactor.
func (s *server) fail(err error) {
	if s.err == nil {
		s.err = err
		_ = s.r.Stop() // ErrReactorNotRunning: stopping already
	}
}

// closeAll stops listening on every endpoint at shutdown; the reactor waits
// for the returned Deferred before it closes the remaining connections.
func (s *server) closeAll() *deferred.Deferred {
	ds := make([]*deferred.Deferred, 0, len(s.ports))
	for _, p := range s.ports {
		addr := p.GetHost()
		ds = append(ds, p.StopListening().AddBoth(func(_ any, err error) (any, error) {
			if err != nil {
				s.log.Warn("stop listening on "+addr.String(), "transport", addr.Network(), "err", err)
			} else {
				s.log.Info("stopped listening on "+addr.String(), "service", s.service, "transport", addr.Network())
			}
			return nil, nil
		}))
	}
	return deferred.List(ds, deferred.ListOptions{})
}

// listenError says which endpoint failed and why, without repeating the
// address the error itself carries.
func listenError(desc string, err error) error {
	var cle *interfaces.CannotListenError
	if errors.As(err, &cle) {
		err = cle.Err
	}
	return fmt.Errorf("cannot listen on %s: %w", desc, err)
}
