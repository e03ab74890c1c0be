package endpoints_test

// Fuzz targets for the endpoint string parsers: any string gives either a
// *DescriptionError naming it, or an endpoint whose fields are in range and
// read back the same when written out again. Seeds:
// testdata/fuzz/<FuzzName>.

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
)

// q quotes a field value for an endpoint string.
var q = endpoints.QuoteStringArgument

func FuzzServerFromString(f *testing.F) {
	r := internettest.NewMemoryReactor()
	f.Fuzz(func(t *testing.T, desc string) {
		e, err := endpoints.ServerFromString(r, desc)
		if err != nil {
			checkDescriptionError(t, desc, err)
		} else {
			checkServerFields(t, desc, e)
			again := serverString(e)
			back, err := endpoints.ServerFromString(r, again)
			if err != nil {
				t.Fatalf("%q parsed, but its rewrite %q does not: %v", desc, again, err)
			}
			if diff := cmp.Diff(e, back, sameReactor); diff != "" {
				t.Fatalf("%q rewritten as %q reads back differently (-first +again):\n%s", desc, again, diff)
			}
		}
		// Any non-empty string, quoted, is read back as itself.
		if desc == "" {
			return
		}
		e, err = endpoints.ServerFromString(r, "unix:address="+q(desc))
		if u, ok := e.(*endpoints.UNIXServerEndpoint); err != nil || !ok || u.Path != desc {
			t.Fatalf("quoted path %q read back as %#v, %v", desc, e, err)
		}
	})
}

func FuzzClientFromString(f *testing.F) {
	r := internettest.NewMemoryReactor()
	f.Fuzz(func(t *testing.T, desc string) {
		e, err := endpoints.ClientFromString(r, desc)
		if err != nil {
			checkDescriptionError(t, desc, err)
			return
		}
		checkClientFields(t, desc, e)
		again := clientString(e)
		back, err := endpoints.ClientFromString(r, again)
		if err != nil {
			t.Fatalf("%q parsed, but its rewrite %q does not: %v", desc, again, err)
		}
		if diff := cmp.Diff(e, back, sameReactor); diff != "" {
			t.Fatalf("%q rewritten as %q reads back differently (-first +again):\n%s", desc, again, diff)
		}
	})
}

// checkDescriptionError checks the shape of a parse error.
func checkDescriptionError(t *testing.T, desc string, err error) {
	t.Helper()
	var de *endpoints.DescriptionError
	switch {
	case !errors.As(err, &de):
		t.Fatalf("%q: error %v (%T) is not a *DescriptionError", desc, err, err)
	case !errors.Is(err, interfaces.ErrInvalidArgument):
		t.Fatalf("%q: error %v does not match ErrInvalidArgument", desc, err)
	case de.Description != desc || de.Reason == "":
		t.Fatalf("%q: error names %q with reason %q", desc, de.Description, de.Reason)
	}
}

// checkServerFields checks that a parsed server endpoint is usable as is.
func checkServerFields(t *testing.T, desc string, e endpoints.ServerEndpoint) {
	t.Helper()
	var bad []string
	switch e := e.(type) {
	case *endpoints.TCPServerEndpoint:
		bad = outOfRange(bad, "port", e.Port, 0, 65535)
		bad = badBacklog(bad, e.Options.Backlog)
		if i := e.Options.Interface; i != "" && !isIP(i) {
			bad = append(bad, fmt.Sprintf("interface %q", i))
		}
	case *endpoints.UNIXServerEndpoint:
		bad = badBacklog(bad, e.Options.Backlog)
		if e.Path == "" || e.Options.Mode > 0o777 {
			bad = append(bad, fmt.Sprintf("path %q, mode %#o", e.Path, e.Options.Mode))
		}
	default:
		bad = append(bad, fmt.Sprintf("type %T", e))
	}
	if len(bad) > 0 {
		t.Fatalf("%q parsed with bad fields: %s", desc, strings.Join(bad, "; "))
	}
}

// checkClientFields checks that a parsed client endpoint is usable as is.
func checkClientFields(t *testing.T, desc string, e endpoints.ClientEndpoint) {
	t.Helper()
	var bad []string
	switch e := e.(type) {
	case *endpoints.TCPClientEndpoint:
		bad = outOfRange(bad, "port", e.Port, 1, 65535)
		if e.Host == "" || e.Options.Timeout < 0 {
			bad = append(bad, fmt.Sprintf("host %q, timeout %v", e.Host, e.Options.Timeout))
		}
		if a := e.Options.BindAddress; a != nil && (a.Port != 0 || len(a.IP) == 0) {
			bad = append(bad, fmt.Sprintf("bindAddress %v", a))
		}
	case *endpoints.UNIXClientEndpoint:
		if e.Path == "" || e.Options.Timeout < 0 {
			bad = append(bad, fmt.Sprintf("path %q, timeout %v", e.Path, e.Options.Timeout))
		}
	default:
		bad = append(bad, fmt.Sprintf("type %T", e))
	}
	if len(bad) > 0 {
		t.Fatalf("%q parsed with bad fields: %s", desc, strings.Join(bad, "; "))
	}
}

func outOfRange(bad []string, name string, n, lo, hi int) []string {
	if n < lo || n > hi {
		bad = append(bad, fmt.Sprintf("%s %d outside %d..%d", name, n, lo, hi))
	}
	return bad
}

// badBacklog accepts 0 (the default) or a positive backlog.
func badBacklog(bad []string, n int) []string {
	if n < 0 {
		bad = append(bad, fmt.Sprintf("backlog %d", n))
	}
	return bad
}

func isIP(s string) bool {
	_, err := netip.ParseAddr(s)
	return err == nil
}

// serverString writes e out in the endpoint string grammar, every field as
// a quoted keyword.
func serverString(e endpoints.ServerEndpoint) string {
	var b strings.Builder
	switch e := e.(type) {
	case *endpoints.TCPServerEndpoint:
		b.WriteString("tcp:port=" + strconv.Itoa(e.Port))
		if e.Options.Interface != "" {
			b.WriteString(":interface=" + q(e.Options.Interface))
		}
		writeBacklog(&b, e.Options.Backlog)
	case *endpoints.UNIXServerEndpoint:
		b.WriteString("unix:address=" + q(e.Path))
		if e.Options.Mode != 0 {
			fmt.Fprintf(&b, ":mode=%o", uint32(e.Options.Mode))
		}
		writeBacklog(&b, e.Options.Backlog)
	}
	return b.String()
}

func writeBacklog(b *strings.Builder, n int) {
	if n != 0 {
		b.WriteString(":backlog=" + strconv.Itoa(n))
	}
}

// clientString writes e out in the endpoint string grammar, every field as
// a quoted keyword.
func clientString(e endpoints.ClientEndpoint) string {
	var b strings.Builder
	var timeout string
	switch e := e.(type) {
	case *endpoints.TCPClientEndpoint:
		b.WriteString("tcp:host=" + q(e.Host) + ":port=" + strconv.Itoa(e.Port))
		if a := e.Options.BindAddress; a != nil {
			ip, _ := netip.AddrFromSlice(a.IP)
			b.WriteString(":bindAddress=" + q(ip.WithZone(a.Zone).String()))
		}
		timeout = durationField(e.Options.Timeout)
	case *endpoints.UNIXClientEndpoint:
		b.WriteString("unix:path=" + q(e.Path))
		timeout = durationField(e.Options.Timeout)
	}
	return b.String() + timeout
}

// durationField writes a timeout field, or nothing for the default.
func durationField(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return ":timeout=" + d.String()
}
