package main

import (
	"math"
	"slices"
)

// A cell is what the rounds of one server on one workload came to.
type cell struct {
	median, lo, hi float64
	rounds         int
	errors         float64
	extras         map[string]float64 // median of each extra key
}

// median returns the middle value (mean of the middle two for an even
// count), or NaN for none.
func median(vs []float64) float64 {
	if len(vs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ratio returns v/base, or NaN when either is missing or base is zero.
func ratio(v, base float64) float64 {
	if math.IsNaN(v) || math.IsNaN(base) || base == 0 {
		return math.NaN()
	}
	return v / base
}

// summarize computes a cell per server for workload w, and the servers in
// the order they first appear in the samples.
func summarize(w *workload, ss []sample) (map[string]*cell, []string) {
	vals := make(map[string][]float64)
	extras := make(map[string]map[string][]float64)
	errs := make(map[string]float64)
	var order []string
	for _, s := range ss {
		if s.workload != w.name {
			continue
		}
		if _, seen := extras[s.server]; !seen {
			order = append(order, s.server)
			extras[s.server] = make(map[string][]float64)
		}
		if v, ok := number(s.fields, w.metric); ok {
			vals[s.server] = append(vals[s.server], v)
		}
		if e, ok := number(s.fields, "errors"); ok {
			errs[s.server] += e
		}
		for _, k := range w.extras {
			if v, ok := number(s.fields, k); ok {
				extras[s.server][k] = append(extras[s.server][k], v)
			}
		}
	}
	cells := make(map[string]*cell)
	for _, srv := range order {
		c := &cell{median: median(vals[srv]), lo: math.NaN(), hi: math.NaN(), rounds: len(vals[srv]), errors: errs[srv], extras: make(map[string]float64)}
		if len(vals[srv]) > 0 {
			c.lo, c.hi = slices.Min(vals[srv]), slices.Max(vals[srv])
		}
		for _, k := range w.extras {
			c.extras[k] = median(extras[srv][k])
		}
		cells[srv] = c
	}
	return cells, order
}
