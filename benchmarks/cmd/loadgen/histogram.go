package main

import "math/bits"

// subBits sets the histogram's precision: each power of two is split into
// 1<<subBits buckets, so a reported quantile is within 1/64 of the truth.
const subBits = 6

const (
	subCount    = 1 << subBits
	bucketCount = subCount + (64-subBits)*subCount
)

// A histogram counts non-negative durations in nanoseconds in log-linear
// buckets. It records in constant time and space, however long the run.
type histogram struct {
	counts [bucketCount]uint64
	total  uint64
}

// bucketOf maps a value to its bucket index.
func bucketOf(v uint64) int {
	if v < subCount {
		return int(v)
	}
	shift := bits.Len64(v) - subBits - 1
	return subCount + shift*subCount + int(v>>shift) - subCount
}

// bucketBounds returns the smallest and largest value bucket i holds.
func bucketBounds(i int) (lo, hi uint64) {
	if i < subCount {
		return uint64(i), uint64(i)
	}
	shift := (i - subCount) / subCount
	m := uint64(subCount + (i-subCount)%subCount)
	return m << shift, (m+1)<<shift - 1
}

// record adds one duration; negative values count as zero.
func (h *histogram) record(ns int64) {
	h.counts[bucketOf(uint64(max(ns, 0)))]++
	h.total++
}

// quantile returns the value below which the fraction q of the recorded
// durations lie, as the midpoint of its bucket; 0 when nothing is recorded.
func (h *histogram) quantile(q float64) int64 {
	if h.total == 0 {
		return 0
	}
	rank := uint64(q * float64(h.total))
	rank = min(max(rank, 1), h.total)
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			lo, hi := bucketBounds(i)
			return int64(lo + (hi-lo)/2)
		}
	}
	return 0
}
