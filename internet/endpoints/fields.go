// Field binding and conversion: from parsed fields to typed values, with
// errors that name the field.

package endpoints

import (
	"fmt"
	"math"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// fields binds a description's fields to one endpoint type's parameters
// and converts them. The first error sticks: later conversions return zero
// values, so a parser reads its fields in a row and checks err once.
type fields struct {
	d    *description
	vals map[string]string
	err  error
}

// bind assigns positional fields to the names in positional, in order,
// skipping names already given as keywords (so "tcp:host=h:80" gives port
// 80), and rejects keywords outside positional and keywords.
func (d *description) bind(positional []string, keywords ...string) *fields {
	f := &fields{d: d, vals: make(map[string]string, len(d.kwargs)+len(d.args))}
	for _, k := range d.keys {
		v := d.kwargs[k]
		if !slices.Contains(positional, k) && !slices.Contains(keywords, k) {
			f.fail(k, "unknown option for type "+strconv.Quote(d.kind))
			return f
		}
		f.vals[k] = v
	}
	next := 0
	for _, a := range d.args {
		for next < len(positional) && f.has(positional[next]) {
			next++
		}
		if next == len(positional) {
			f.fail("", fmt.Sprintf("unexpected positional field %q", a))
			return f
		}
		f.vals[positional[next]] = a
	}
	return f
}

func (f *fields) has(name string) bool {
	_, ok := f.vals[name]
	return ok
}

// fail records the first error.
func (f *fields) fail(field, reason string) {
	if f.err == nil {
		f.err = syntaxError(f.d.text, field, reason)
	}
}

// str returns the named field, or def if absent; required fields must be
// present and non-empty.
func (f *fields) str(name, def string, required bool) string {
	v, ok := f.vals[name]
	switch {
	case f.err != nil:
		return ""
	case !ok && required:
		f.fail(name, "missing")
	case !ok:
		return def
	case v == "" && required:
		f.fail(name, "empty")
	}
	return v
}

// integer returns the named decimal field within [lo, hi], or def.
func (f *fields) integer(name string, def, lo, hi int) int {
	v, ok := f.vals[name]
	if f.err != nil || !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		f.fail(name, fmt.Sprintf("invalid number %q", v))
	case n < lo || n > hi:
		f.fail(name, fmt.Sprintf("%d is out of range %d..%d", n, lo, hi))
	}
	return n
}

// port returns the required port field, at least lo.
func (f *fields) port(lo int) int {
	if f.err == nil && !f.has("port") {
		f.fail("port", "missing")
	}
	return f.integer("port", 0, lo, 65535)
}

// ip returns the named field, an IP address literal, or def. With v6 set
// it must be an IPv6 address.
func (f *fields) ip(name, def string, v6 bool) string {
	if _, ok := f.addr(name, v6); !ok {
		return def
	}
	return f.vals[name]
}

// addr parses the named field as an IP address literal; ok is false if the
// field is absent or bad.
func (f *fields) addr(name string, v6 bool) (a netip.Addr, ok bool) {
	v, ok := f.vals[name]
	if f.err != nil || !ok {
		return a, false
	}
	a, err := netip.ParseAddr(v)
	switch {
	case err != nil:
		f.fail(name, fmt.Sprintf("%q is not an IP address", v))
	case v6 && !a.Is6():
		f.fail(name, fmt.Sprintf("%q is not an IPv6 address", v))
	}
	return a, f.err == nil
}

// mode returns the named octal file mode (an optional 0o prefix), at most
// 0777, or def.
func (f *fields) mode(name string, def os.FileMode) os.FileMode {
	v, ok := f.vals[name]
	if f.err != nil || !ok {
		return def
	}
	digits := strings.TrimPrefix(strings.TrimPrefix(v, "0o"), "0O")
	n, err := strconv.ParseUint(digits, 8, 32)
	switch {
	case err != nil || digits == "":
		f.fail(name, fmt.Sprintf("invalid octal mode %q", v))
	case n > 0o777:
		f.fail(name, fmt.Sprintf("mode %#o has bits beyond 0777", n))
	}
	return os.FileMode(n)
}

// flag returns the named "0" or "1" field as a bool, or def.
func (f *fields) flag(name string, def bool) bool {
	v, ok := f.vals[name]
	if f.err != nil || !ok {
		return def
	}
	if v != "0" && v != "1" {
		f.fail(name, fmt.Sprintf("want 0 or 1, got %q", v))
	}
	return v == "1"
}

// maxSeconds is the longest timeout in whole seconds a Duration holds.
const maxSeconds = int(math.MaxInt64 / time.Second)

// timeout returns the named positive timeout, given as whole seconds as in
// Twisted ("5") or as a Go duration ("1.5s", "500ms"); 0 if absent.
func (f *fields) timeout(name string) time.Duration {
	v, ok := f.vals[name]
	if f.err != nil || !ok {
		return 0
	}
	d, err := time.ParseDuration(v)
	n, nerr := strconv.Atoi(v)
	if nerr == nil {
		d, err = time.Duration(n)*time.Second, nil
	}
	switch {
	case nerr == nil && n > maxSeconds:
		f.fail(name, fmt.Sprintf("%d seconds is too long", n))
	case err != nil:
		f.fail(name, fmt.Sprintf("invalid duration %q (want seconds, or a unit as in 1.5s)", v))
	case d <= 0:
		f.fail(name, fmt.Sprintf("%q is not positive", v))
	}
	return d
}
