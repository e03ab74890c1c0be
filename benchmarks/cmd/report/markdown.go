package main

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// formatValue prints a measurement with about four significant digits.
func formatValue(v float64) string {
	switch a := math.Abs(v); {
	case math.IsNaN(v):
		return "–"
	case a >= 1e6:
		return fmt.Sprintf("%.2f M", v/1e6)
	case a >= 1e4:
		return fmt.Sprintf("%.1f k", v/1e3)
	case a >= 1000:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

// formatRatio prints a ratio as "1.23×", or "–" when there is none.
func formatRatio(r float64) string {
	if math.IsNaN(r) {
		return "–"
	}
	return fmt.Sprintf("%.2f×", r)
}

// groups returns the group names of ws in first-appearance order.
func groups(ws []*workload) []string {
	var out []string
	seen := make(map[string]bool)
	for _, w := range ws {
		if !seen[w.group] {
			seen[w.group] = true
			out = append(out, w.group)
		}
	}
	return out
}

// writeMarkdown writes, for every group, a summary table of medians and
// ratios, then one detail table per workload.
func writeMarkdown(out io.Writer, ws []*workload, ss []sample) {
	for _, g := range groups(ws) {
		var members []*workload
		for _, w := range ws {
			if w.group == g {
				members = append(members, w)
			}
		}
		writeSummary(out, g, members, ss)
		for _, w := range members {
			writeDetail(out, w, ss)
		}
	}
}

// writeSummary writes one row per server and one column per workload, each
// cell the median and its ratios to the workload's bases.
func writeSummary(out io.Writer, g string, ws []*workload, ss []sample) {
	cells := make([]map[string]*cell, len(ws))
	var servers []string
	seen := make(map[string]bool)
	head := []string{"server"}
	for i, w := range ws {
		var order []string
		cells[i], order = summarize(w, ss)
		for _, s := range order {
			if !seen[s] {
				seen[s] = true
				servers = append(servers, s)
			}
		}
		head = append(head, fmt.Sprintf("%s (%s; ×%s)", w.title, w.unit, strings.Join(w.bases, " / ×")))
	}
	fmt.Fprintf(out, "### %s: summary\n\n", g)
	writeRow(out, head)
	writeRow(out, rule(len(head)))
	for _, s := range servers {
		row := []string{s}
		for i, w := range ws {
			row = append(row, summaryCell(w, cells[i], s))
		}
		writeRow(out, row)
	}
	fmt.Fprintln(out)
}

// summaryCell formats server s's median on w followed by its ratios.
func summaryCell(w *workload, cells map[string]*cell, s string) string {
	c := cells[s]
	if c == nil || c.rounds == 0 {
		return "–"
	}
	var rs []string
	for _, b := range w.bases {
		if bc := cells[b]; bc != nil {
			rs = append(rs, formatRatio(ratio(c.median, bc.median)))
		} else {
			rs = append(rs, "–")
		}
	}
	if len(rs) == 0 {
		return formatValue(c.median)
	}
	return fmt.Sprintf("%s (%s)", formatValue(c.median), strings.Join(rs, " / "))
}

// writeDetail writes one workload's table: median, range over rounds,
// ratios, the extra keys and the error count.
func writeDetail(out io.Writer, w *workload, ss []sample) {
	cells, order := summarize(w, ss)
	better := "higher is better"
	if !w.higherBetter {
		better = "lower is better"
	}
	fmt.Fprintf(out, "#### %s\n\n%s in %s, %s; median of the rounds.\n\n", w.title, w.metric, w.unit, better)
	head := []string{"server", "median", "min – max", "rounds"}
	for _, b := range w.bases {
		head = append(head, "× "+b)
	}
	head = append(head, w.extras...)
	head = append(head, "errors")
	writeRow(out, head)
	writeRow(out, rule(len(head)))
	for _, s := range order {
		c := cells[s]
		row := []string{s, formatValue(c.median), formatValue(c.lo) + " – " + formatValue(c.hi), fmt.Sprint(c.rounds)}
		for _, b := range w.bases {
			r := math.NaN()
			if bc := cells[b]; bc != nil {
				r = ratio(c.median, bc.median)
			}
			row = append(row, formatRatio(r))
		}
		for _, k := range w.extras {
			row = append(row, formatValue(c.extras[k]))
		}
		row = append(row, fmt.Sprint(c.errors))
		writeRow(out, row)
	}
	fmt.Fprintln(out)
}

// rule is a markdown table's header separator for n columns.
func rule(n int) []string {
	r := make([]string, n)
	r[0] = "---"
	for i := 1; i < n; i++ {
		r[i] = "--:"
	}
	return r
}

// writeRow writes one markdown table row, escaping pipes in cells.
func writeRow(out io.Writer, cells []string) {
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(c, "|", `\|`)
	}
	fmt.Fprintf(out, "| %s |\n", strings.Join(cells, " | "))
}
