// Strict decimal integers, as Redis reads them from arguments and values.

package main

import "math"

// maxIntLen is the longest decimal int64, "-9223372036854775808".
const maxIntLen = 20

// parseInt decodes b as a decimal int64 the way Redis's string2ll does: an
// optional minus sign, then "0" alone or digits without a leading zero, and
// nothing else (no spaces, no plus sign). ok is false otherwise or on
// overflow. It does not allocate.
func parseInt(b []byte) (n int64, ok bool) {
	if len(b) == 0 || len(b) > maxIntLen {
		return 0, false
	}
	if len(b) == 1 && b[0] == '0' {
		return 0, true
	}
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || b[0] < '1' || b[0] > '9' {
		return 0, false
	}
	var u uint64
	for _, c := range b {
		if c < '0' || c > '9' || u > (math.MaxUint64-9)/10 {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	switch {
	case neg && u <= 1<<63:
		return int64(-u), true // -u wraps to the right value for 1<<63
	case !neg && u <= math.MaxInt64:
		return int64(u), true
	}
	return 0, false
}
