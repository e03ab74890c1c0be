// Turning --listen values into listeners: stream endpoints through package
// endpoints, UDP ones through parseUDP.

package main

import (
	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/internet/endpoints"
)

// prepare checks every endpoint description and builds the listeners, so
// that a bad one is a usage error before anything listens. Every stream
// endpoint shares one factory: the service's state (the chat room) is one.
func (s *server) prepare(cfg *config) error {
	descs := cfg.listen
	if len(descs) == 0 {
		descs = cfg.service.listen
	}
	svc := cfg.service
	factory := svc.tcp(s.r, &cfg.opts)
	for _, desc := range descs {
		if isUDP(desc) {
			ep, err := parseUDP(desc)
			if err != nil {
				return &usageError{msg: err.Error()}
			}
			if svc.udp == nil {
				return usagef("%s: endpoint %q: this service does not speak UDP", svc.name, desc)
			}
			s.listeners = append(s.listeners, listener{desc, func() *deferred.Deferred {
				return deferred.Maybe(func() (any, error) {
					return s.r.ListenUDP(ep.port, svc.udp(s.r), ep.opts)
				})
			}})
			continue
		}
		ep, err := endpoints.ServerFromString(s.r, desc)
		if err != nil {
			return usagef("%v", err)
		}
		s.listeners = append(s.listeners, listener{desc, func() *deferred.Deferred { return ep.Listen(factory) }})
	}
	return nil
}
