package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A workload is one measured situation and how to present it.
type workload struct {
	name, title, metric, unit, group string
	higherBetter                     bool
	bases, extras                    []string
}

// A sample is one measurement line: one server, one round, one workload.
type sample struct {
	workload, server string
	fields           map[string]string
}

// parseInput reads workload definitions and samples, in file order.
func parseInput(r io.Reader) ([]*workload, []sample, error) {
	var ws []*workload
	var ss []sample
	defined := make(map[string]bool)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		rest, isDef := strings.CutPrefix(line, "#workload")
		kv := parseFields(rest)
		switch {
		case isDef:
			w, err := newWorkload(kv)
			if err != nil {
				return nil, nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
			if !defined[w.name] { // runs appended to one file repeat them
				defined[w.name] = true
				ws = append(ws, w)
			}
		case strings.HasPrefix(line, "#"):
		case kv["workload"] == "" || kv["server"] == "":
			return nil, nil, fmt.Errorf("line %d: sample without workload= and server=", lineNo)
		default:
			ss = append(ss, sample{workload: kv["workload"], server: kv["server"], fields: kv})
		}
	}
	return ws, ss, sc.Err()
}

// parseFields splits tab-separated key=value pairs; a field without '='
// (such as the RESULT tag) is ignored.
func parseFields(s string) map[string]string {
	kv := make(map[string]string)
	for f := range strings.SplitSeq(s, "\t") {
		if k, v, ok := strings.Cut(strings.TrimSpace(f), "="); ok {
			kv[k] = v
		}
	}
	return kv
}

// newWorkload builds a workload from its definition's fields.
func newWorkload(kv map[string]string) (*workload, error) {
	w := &workload{
		name: kv["name"], title: kv["title"], metric: kv["metric"],
		unit: kv["unit"], group: kv["group"], higherBetter: kv["better"] != "lower",
		bases: splitList(kv["base"]), extras: splitList(kv["extra"]),
	}
	if w.name == "" || w.metric == "" {
		return nil, fmt.Errorf("workload needs name= and metric=")
	}
	if w.title == "" {
		w.title = w.name
	}
	return w, nil
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// number parses a field as a float; ok is false when absent or malformed.
func number(fields map[string]string, key string) (float64, bool) {
	v, err := strconv.ParseFloat(fields[key], 64)
	return v, err == nil
}
