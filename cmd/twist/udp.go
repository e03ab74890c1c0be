// UDP endpoint descriptions. Package endpoints describes stream endpoints
// only, as Twisted's does, so twist reads `udp:` itself, in the same
// grammar: fields separated by ':', a keyword field split at its first '=',
// a backslash escaping the next character.

package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/twistgo/twistgo/interfaces"
)

// udpSyntax is the form of a UDP endpoint, for error messages.
const udpSyntax = "udp:PORT[:interface=IP][:maxPacketSize=N]"

// udpEndpoint is a parsed UDP endpoint description.
type udpEndpoint struct {
	port int
	opts interfaces.UDPListenOptions
}

// isUDP reports whether desc names a UDP endpoint.
func isUDP(desc string) bool { return strings.HasPrefix(desc, "udp:") }

// parseUDP parses `udp:PORT[:interface=IP][:maxPacketSize=N]`; PORT may
// also be given as port=PORT.
func parseUDP(desc string) (udpEndpoint, error) {
	var ep udpEndpoint
	fields, err := splitFields(strings.TrimPrefix(desc, "udp:"))
	if err != nil {
		return ep, fmt.Errorf("endpoint %q: %v", desc, err)
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f.key] {
			return ep, fmt.Errorf("endpoint %q: %s given twice; want %s", desc, f.key, udpSyntax)
		}
		seen[f.key] = true
		if err := ep.set(f.key, f.value); err != nil {
			return ep, fmt.Errorf("endpoint %q: %s: %v", desc, f.key, err)
		}
	}
	if !seen["port"] {
		return ep, fmt.Errorf("endpoint %q: no port; want %s", desc, udpSyntax)
	}
	return ep, nil
}

// set stores one field of the description.
func (ep *udpEndpoint) set(key, value string) error {
	var err error
	switch key {
	case "port":
		ep.port, err = strconv.Atoi(value)
		if err != nil || ep.port < 0 || ep.port > 65535 {
			return fmt.Errorf("invalid port %q", value)
		}
	case "interface":
		ep.opts.Interface = value
	case "maxPacketSize":
		ep.opts.MaxPacketSize, err = strconv.Atoi(value)
		if err != nil || ep.opts.MaxPacketSize <= 0 {
			return fmt.Errorf("invalid size %q", value)
		}
	default:
		return fmt.Errorf("unknown field; want %s", udpSyntax)
	}
	return nil
}

// field is one field of a description; a positional field (only the port
// here) gets the key "port".
type field struct{ key, value string }

// splitFields splits the fields after the type name: ':' separates them,
// the first '=' of a field splits its key from its value, and a backslash
// takes the next character literally.
func splitFields(s string) ([]field, error) {
	var fields []field
	var cur strings.Builder
	key, keyed := "port", false
	for i := 0; i <= len(s); i++ {
		switch {
		case i == len(s) || s[i] == ':':
			fields = append(fields, field{key, cur.String()})
			cur.Reset()
			key, keyed = "port", false
		case s[i] == '\\':
			if i++; i == len(s) {
				return nil, errors.New("trailing backslash")
			}
			cur.WriteByte(s[i])
		case s[i] == '=' && !keyed:
			key, keyed = cur.String(), true
			cur.Reset()
		default:
			cur.WriteByte(s[i])
		}
	}
	return fields, nil
}
