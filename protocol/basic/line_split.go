// lineSplitter: finds delimited lines in a stream that arrives in pieces.
//
// The pending stream is buf followed by in. in is the unconsumed part of
// the slice being delivered (the caller's memory, valid only during
// DataReceived); buf is owned and holds what came before it: an unfinished
// line, bytes left while paused, or bytes pushed back by SetLineMode. Lines
// that lie whole inside in are handed out in place, without copying; only
// the unfinished tail is copied into buf, and never more than the limit.
//
// A line handed out may alias buf. While its callback runs, buf is always
// positioned after it, so bytes appended to buf during the callback never
// overwrite it; buf is moved back to the start of its array (compact) only
// between callbacks.

package basic

import "bytes"

// lineEvent is what lineSplitter.next found.
type lineEvent int

const (
	needMore   lineEvent = iota // no complete line is pending
	gotLine                     // a line of at most the maximum length
	gotTooLong                  // the beginning of a line over the maximum
)

// lineSplitter holds a stream's pending bytes and the framing state.
type lineSplitter struct {
	buf      []byte // owned pending bytes, before in
	store    []byte // the array buf is compacted into between calls
	in       []byte // unconsumed part of the data being delivered
	scratch  []byte // the last bytes of the stream, while checking limits
	skipping bool   // discarding the rest of a too-long line
	plain    bool   // buf is known to hold no complete delimiter
}

// next returns the next line of the pending stream and consumes it with its
// delimiter. A line over maxLen is reported as gotTooLong, and the rest of
// it is then skipped through its delimiter. Without a complete line, next
// keeps the unfinished tail in buf and returns needMore; it reports
// gotTooLong as soon as the tail is certain to be too long (strict), or once
// it reaches maxLen+len(delim) bytes with no delimiter (not strict).
func (s *lineSplitter) next(delim []byte, maxLen int, strict bool) (lineEvent, []byte) {
	if len(s.buf) == 0 {
		// No line handed out is in use any more: reuse the array from its
		// start, so a partial line rarely outgrows it.
		s.buf = s.store[:0]
	}
	for {
		if len(s.buf) > 0 {
			if !s.plain {
				if i := bytes.Index(s.buf, delim); i >= 0 {
					line := s.buf[:i]
					s.buf = s.buf[i+len(delim):]
					if ev := s.classify(line, maxLen); ev != needMore {
						return ev, line
					}
					continue
				}
				s.plain = true // so a peer dripping bytes costs no rescans
			}
			if len(s.in) == 0 {
				return s.unfinished(delim, maxLen, strict)
			}
			if k := findAcross(s.buf, s.in, delim); k >= 0 {
				if ev, line := s.joined(k, delim, maxLen); ev != needMore {
					return ev, line
				}
				continue
			}
			return s.unfinished(delim, maxLen, strict)
		}
		if len(s.in) == 0 {
			return needMore, nil
		}
		i := bytes.Index(s.in, delim)
		if i < 0 {
			return s.unfinished(delim, maxLen, strict)
		}
		line := s.in[:i]
		s.in = s.in[i+len(delim):]
		if ev := s.classify(line, maxLen); ev != needMore {
			return ev, line
		}
	}
}

// classify says what a complete line is: skipped (needMore) when it ends a
// too-long line, gotTooLong, or gotLine.
func (s *lineSplitter) classify(line []byte, maxLen int) lineEvent {
	switch {
	case s.skipping:
		s.skipping = false
		return needMore
	case len(line) > maxLen:
		return gotTooLong
	}
	return gotLine
}

// joined consumes the line that starts in buf and whose delimiter starts at
// offset k of buf+in, and returns it (or the beginning of it, if too long).
func (s *lineSplitter) joined(k int, delim []byte, maxLen int) (lineEvent, []byte) {
	used := k + len(delim) - len(s.buf) // bytes of in through the delimiter
	if s.skipping {
		s.skipping = false
		s.buf = s.buf[len(s.buf):]
		s.in = s.in[used:]
		return needMore, nil
	}
	if k > maxLen {
		rest := s.in[used:]
		line := s.assemble(maxLen + len(delim))
		s.in = rest
		return gotTooLong, line
	}
	var line []byte
	if k < len(s.buf) {
		line = s.buf[:k] // the delimiter straddles buf and in
	} else {
		line = s.grow(s.in[:k-len(s.buf)])
	}
	s.buf = line[len(line):]
	s.in = s.in[used:]
	return gotLine, line
}

// unfinished handles a pending stream with no delimiter in it: it keeps the
// stream in buf (only the last bytes, while skipping) or reports it too
// long and starts skipping.
func (s *lineSplitter) unfinished(delim []byte, maxLen int, strict bool) (lineEvent, []byte) {
	keep := len(delim) - 1 // enough to recognise a delimiter split by a read
	total := len(s.buf) + len(s.in)
	s.plain = true
	if !s.skipping && !s.tooLong(total, delim, maxLen, strict) {
		s.buf = append(s.buf, s.in...)
		s.in = nil
		return needMore, nil
	}
	tail := s.tail(keep)
	if s.skipping {
		s.buf = append(s.store[:0], tail...) // no line handed out is in use
		s.in = nil
		return needMore, nil
	}
	line := s.assemble(maxLen + len(delim))
	s.skipping = true
	s.buf = append(s.buf, tail...)
	return gotTooLong, line
}

// tooLong reports whether total pending bytes without a delimiter make a
// line over maxLen. Strictly: whether no delimiter can start early enough;
// otherwise: whether total reached maxLen+len(delim).
func (s *lineSplitter) tooLong(total int, delim []byte, maxLen int, strict bool) bool {
	if !strict {
		return total >= maxLen+len(delim)
	}
	if total <= maxLen {
		return false
	}
	return total-partialDelimiter(s.tail(len(delim)-1), delim) > maxLen
}

// assemble returns the first n bytes of the pending stream (fewer if it is
// shorter) as one slice, consuming all of it, and leaves buf empty and
// positioned after anything the returned slice aliases.
func (s *lineSplitter) assemble(n int) []byte {
	if len(s.buf) == 0 {
		line := s.in[:min(n, len(s.in))]
		s.in = nil
		return line
	}
	var line []byte
	if len(s.buf) >= n {
		line = s.buf[:n]
	} else {
		line = s.grow(s.in[:min(n-len(s.buf), len(s.in))])
	}
	s.buf = line[len(line):]
	s.in = nil
	return line
}

// grow returns buf with more appended, and keeps a larger array it had to
// allocate as the store, so the next unfinished line fits without one.
func (s *lineSplitter) grow(more []byte) []byte {
	b := append(s.buf, more...)
	if cap(b) > cap(s.store) {
		s.store = b[:0]
	}
	return b
}

// tail returns a copy of the last n (or fewer) bytes of the pending stream.
func (s *lineSplitter) tail(n int) []byte {
	s.scratch = s.scratch[:0]
	if len(s.in) >= n {
		return append(s.scratch, s.in[len(s.in)-n:]...)
	}
	fromBuf := min(n-len(s.in), len(s.buf))
	s.scratch = append(s.scratch, s.buf[len(s.buf)-fromBuf:]...)
	return append(s.scratch, s.in...)
}

// take returns all pending bytes in at most two pieces, buf's first, for
// raw mode, and consumes them. It returns nil when nothing is pending.
func (s *lineSplitter) take() []byte {
	if len(s.buf) > 0 {
		chunk := s.buf
		s.buf = s.buf[len(s.buf):]
		return chunk
	}
	chunk := s.in
	s.in = nil
	return chunk
}

// unread puts extra in front of the pending stream. extra is copied, as it
// usually aliases a chunk being handed out.
func (s *lineSplitter) unread(extra []byte) {
	joined := make([]byte, 0, len(extra)+len(s.buf)+len(s.in))
	joined = append(append(append(joined, extra...), s.buf...), s.in...)
	s.buf, s.in = joined, nil
	s.plain = false
}

// push appends data to the end of the pending stream.
func (s *lineSplitter) push(data []byte) {
	s.buf = append(append(s.buf, s.in...), data...)
	s.in = nil
	s.plain = false
}

// clear consumes the pending stream and returns a copy of it.
func (s *lineSplitter) clear() []byte {
	out := append(append([]byte(nil), s.buf...), s.in...)
	s.drop()
	return out
}

// drop discards the pending stream and the skipping state.
func (s *lineSplitter) drop() {
	s.buf = s.buf[len(s.buf):]
	s.in = nil
	s.skipping = false
}

// compact moves what is left of the delivered data into buf and buf to the
// start of its array, and lets a large empty array go. Call it only between
// callbacks.
func (s *lineSplitter) compact() {
	if len(s.in) > 0 {
		s.buf = append(s.buf, s.in...)
		s.in = nil
		s.plain = false
	}
	if cap(s.buf) > cap(s.store) {
		s.store = s.buf[:0] // buf outgrew the store: adopt its array
	}
	if len(s.buf) == 0 && cap(s.store) > keepBufferCap {
		s.store = nil
	}
	s.store = append(s.store[:0], s.buf...)
	s.buf = s.store
}

// keepBufferCap is the largest idle buffer a receiver keeps for reuse.
const keepBufferCap = 64 << 10

// findAcross returns the offset in buf+in where delim first occurs, given
// that buf holds no complete delim, or -1.
func findAcross(buf, in, delim []byte) int {
	d := len(delim)
	for k := max(0, len(buf)-d+1); k < len(buf); k++ {
		m := len(buf) - k // delimiter bytes at the end of buf
		if len(in) >= d-m && bytes.Equal(buf[k:], delim[:m]) && bytes.Equal(in[:d-m], delim[m:]) {
			return k
		}
	}
	if j := bytes.Index(in, delim); j >= 0 {
		return len(buf) + j
	}
	return -1
}

// partialDelimiter returns the length of the longest end of tail that is
// the beginning of delim (shorter than delim).
func partialDelimiter(tail, delim []byte) int {
	for n := min(len(tail), len(delim)-1); n > 0; n-- {
		if bytes.Equal(tail[len(tail)-n:], delim[:n]) {
			return n
		}
	}
	return 0
}
