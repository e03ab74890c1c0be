// Command report turns the raw results of benchmarks/run.sh into the
// markdown tables and the SVG bar chart of docs/BENCHMARKS.md.
//
// Its input has two kinds of tab-separated key=value lines. A workload line
// starts with "#workload" and defines one workload: name, title, metric (the
// key whose median is compared), unit, better (higher or lower), group (the
// summary table it belongs to), base (comma-separated servers the ratios are
// taken against) and extra (comma-separated keys shown as medians beside
// it). Every other non-empty line is one measurement: workload, server,
// round and the fields the load generator printed. The report takes the
// median over rounds of every key, so one slow round cannot move it, and
// draws the chart itself, with no plotting dependency.
package main
