package main

import (
	"fmt"
	"strings"
	"time"
)

// A field is one key=value pair of the RESULT line.
type field struct {
	key   string
	value string
}

// resultLine renders fields as the machine-readable last line of output:
// "RESULT" and tab-separated key=value pairs, in the order given.
func resultLine(fields []field) string {
	var b strings.Builder
	b.WriteString("RESULT")
	for _, f := range fields {
		fmt.Fprintf(&b, "\t%s=%s", f.key, f.value)
	}
	return b.String()
}

// lookup returns the value of key in fs, or "" without one.
func lookup(fs []field, key string) string {
	for _, f := range fs {
		if f.key == key {
			return f.value
		}
	}
	return ""
}

// echoFields is the RESULT line of an echo run.
func echoFields(cfg echoConfig, r *echoResult) []field {
	secs := r.window.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(r.msgs) / secs
	}
	fs := []field{
		{"mode", "echo"},
		{"conns", fmt.Sprint(cfg.conns)},
		{"size", fmt.Sprint(cfg.size)},
		{"inflight", fmt.Sprint(cfg.inflight)},
		{"secs", fmt.Sprintf("%.3f", secs)},
		{"msgs", fmt.Sprint(r.msgs)},
		{"msgs_total", fmt.Sprint(r.total)},
		{"msgs_per_s", fmt.Sprintf("%.0f", rate)},
		{"mb_per_s", fmt.Sprintf("%.2f", rate*float64(cfg.size)/1e6)},
		{"p50_us", micros(r.hist.quantile(0.50))},
		{"p99_us", micros(r.hist.quantile(0.99))},
		{"errors", fmt.Sprint(r.errors)},
		{"client_cpu", cpuShare(r.clientCPU, r.window)},
	}
	if r.serverCPU >= 0 {
		fs = append(fs, field{"server_cpu", cpuShare(r.serverCPU, r.window)})
		if r.msgs > 0 {
			fs = append(fs, field{"server_us_per_msg", fmt.Sprintf("%.3f", r.serverCPU.Seconds()*1e6/float64(r.msgs))})
			fs = append(fs, field{"server_user_ns_per_msg", fmt.Sprintf("%.1f", r.serverUsr.Seconds()*1e9/float64(r.msgs))})
		}
	}
	if r.otherCPU >= 0 {
		fs = append(fs, field{"other_cpu", cpuShare(r.otherCPU, r.window)})
	}
	return fs
}

// idleFields is the RESULT line of an idle run.
func idleFields(cfg idleConfig, r *idleResult) []field {
	return []field{
		{"mode", "idle"},
		{"conns", fmt.Sprint(r.opened)},
		{"rss_before_kb", fmt.Sprint(r.rssBefore)},
		{"rss_after_kb", fmt.Sprint(r.rssAfter)},
		{"bytes_per_conn", fmt.Sprintf("%.0f", r.bytesPerConn())},
		{"errors", fmt.Sprint(r.errors)},
	}
}

// micros formats nanoseconds as microseconds with one decimal.
func micros(ns int64) string { return fmt.Sprintf("%.1f", float64(ns)/1e3) }

// cpuShare formats used/window as a fraction of one CPU.
func cpuShare(used, window time.Duration) string {
	if window <= 0 {
		return "0.00"
	}
	return fmt.Sprintf("%.2f", used.Seconds()/window.Seconds())
}
