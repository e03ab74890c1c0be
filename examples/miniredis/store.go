// The keyspace: byte-string values with optional expiry, bounded by a
// memory limit, with expired keys removed both when touched and by a
// sampling sweep driven by the reactor's clock.

package main

import (
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/twistgo/twistgo/interfaces"
)

const (
	// entryOverhead is what each key is charged against the memory limit
	// besides its key and value bytes: the map slot and the entry.
	entryOverhead = 64
	// sweepInterval is how often the active expiry sweep runs while any key
	// has a time to live.
	sweepInterval = 100 * time.Millisecond
	// sweepSample is how many keys with a time to live one sweep round
	// looks at; another round follows while more than a quarter of them
	// had expired, as Redis's active expire cycle does.
	sweepSample = 20
	// sweepRounds bounds the rounds of one sweep, so a sweep never holds
	// the reactor long.
	sweepRounds = 16
)

// Store errors, sent to the client as error replies.
var (
	errOOM      = errors.New("OOM command not allowed when used memory > 'maxmemory'.")
	errNotInt   = errors.New("ERR value is not an integer or out of range")
	errOverflow = errors.New("ERR increment or decrement would overflow")
)

// entry is one key's value.
type entry struct {
	key      string        // the map key, shared with the volatile set
	val      []byte        // owned by the store
	expireAt time.Duration // since store.epoch; 0: no expiry
}

// store is the keyspace shared by every connection of one server. Call its
// methods only on the reactor goroutine.
type store struct {
	clock     interfaces.ReactorTime
	epoch     time.Time
	data      map[string]*entry
	volatile  map[string]struct{} // keys with an expiry, for the sweep
	used      int                 // bytes charged against maxMemory
	maxMemory int
	sweep     interfaces.DelayedCall // pending sweep, or nil
	sweepFn   func()                 // s.runSweep, bound once
}

func newStore(clock interfaces.ReactorTime, maxMemory int) *store {
	s := &store{
		clock:     clock,
		epoch:     clock.Now(),
		data:      map[string]*entry{},
		volatile:  map[string]struct{}{},
		maxMemory: maxMemory,
	}
	s.sweepFn = s.runSweep
	return s
}

// now returns the time since the store was made; it is positive once any
// time has passed, so an expiry computed from it is never 0.
func (s *store) now() time.Duration {
	return s.clock.Now().Sub(s.epoch)
}

// get returns the live entry for key, or nil, removing it if it expired.
func (s *store) get(key []byte) *entry {
	e := s.data[string(key)]
	if e != nil && e.expireAt != 0 && e.expireAt <= s.now() {
		s.remove(e)
		return nil
	}
	return e
}

// set stores val under key. A positive ttl sets the expiry; otherwise
// keepTTL keeps an existing one and no expiry remains. It returns errOOM if
// the value would take the store past its memory limit.
func (s *store) set(key, val []byte, ttl time.Duration, keepTTL bool) error {
	e := s.get(key)
	cost := len(val)
	if e == nil {
		cost += len(key) + entryOverhead
	} else {
		cost -= len(e.val)
	}
	if cost > 0 && s.used+cost > s.maxMemory {
		return errOOM
	}
	if e == nil {
		e = s.add(key)
	}
	s.used += cost
	e.val = reuse(e.val, len(val))
	copy(e.val, val)
	switch {
	case ttl > 0:
		s.expireAt(e, s.now()+ttl)
	case !keepTTL:
		s.persist(e)
	}
	return nil
}

// add inserts an empty entry for key; the caller charges its cost.
func (s *store) add(key []byte) *entry {
	e := &entry{key: string(key)}
	s.data[e.key] = e
	return e
}

// reuse returns a slice of length n, b's array if it fits without wasting
// much, so that overwriting a value of similar size allocates nothing.
func reuse(b []byte, n int) []byte {
	if cap(b) >= n && cap(b) <= 2*n+64 {
		return b[:n]
	}
	return make([]byte, n)
}

// del removes key and reports whether it existed.
func (s *store) del(key []byte) bool {
	e := s.get(key)
	if e != nil {
		s.remove(e)
	}
	return e != nil
}

// remove deletes e and releases its charge.
func (s *store) remove(e *entry) {
	delete(s.data, e.key)
	if e.expireAt != 0 {
		delete(s.volatile, e.key)
	}
	s.used -= len(e.key) + len(e.val) + entryOverhead
}

// incrBy adds delta to the integer stored at key (0 if absent), keeping its
// expiry, and returns the result. It returns errNotInt if the value is not
// a decimal integer, errOverflow if the sum does not fit in an int64, and
// errOOM for a new key past the memory limit.
func (s *store) incrBy(key []byte, delta int64) (int64, error) {
	e := s.get(key)
	var n int64
	if e != nil {
		var ok bool
		if n, ok = parseInt(e.val); !ok {
			return 0, errNotInt
		}
	}
	if (delta > 0 && n > math.MaxInt64-delta) || (delta < 0 && n < math.MinInt64-delta) {
		return 0, errOverflow
	}
	n += delta
	if e == nil {
		if s.used+len(key)+entryOverhead+maxIntLen > s.maxMemory {
			return 0, errOOM
		}
		e = s.add(key)
		s.used += len(key) + entryOverhead
	}
	s.used -= len(e.val)
	e.val = strconv.AppendInt(e.val[:0], n, 10)
	s.used += len(e.val)
	return n, nil
}

// flush removes every key.
func (s *store) flush() {
	clear(s.data)
	clear(s.volatile)
	s.used = 0
}

// expireAt sets e's expiry and makes sure a sweep is pending.
func (s *store) expireAt(e *entry, at time.Duration) {
	if e.expireAt == 0 {
		s.volatile[e.key] = struct{}{}
	}
	e.expireAt = at
	if s.sweep == nil || !s.sweep.Active() {
		s.sweep = s.clock.CallLater(sweepInterval, s.sweepFn)
	}
}

// persist removes e's expiry.
func (s *store) persist(e *entry) {
	if e.expireAt != 0 {
		delete(s.volatile, e.key)
		e.expireAt = 0
	}
}

// runSweep removes expired keys that nobody touches, looking at a bounded
// sample each round, and schedules the next sweep while keys with an
// expiry remain.
func (s *store) runSweep() {
	s.sweep = nil
	now := s.now()
	for range sweepRounds {
		checked, expired := 0, 0
		for k := range s.volatile {
			if checked == sweepSample {
				break
			}
			checked++
			if e := s.data[k]; e.expireAt <= now {
				s.remove(e)
				expired++
			}
		}
		if expired*4 <= checked {
			break
		}
	}
	if len(s.volatile) > 0 {
		s.sweep = s.clock.CallLater(sweepInterval, s.sweepFn)
	}
}

// close cancels the pending sweep, when the server stops.
func (s *store) close() {
	if s.sweep != nil {
		_ = s.sweep.Cancel()
		s.sweep = nil
	}
}
