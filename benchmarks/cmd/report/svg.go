package main

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// Chart geometry, in SVG user units (pixels).
const (
	chartWidth = 980
	labelWidth = 150
	barSpan    = 560
	barHeight  = 16
	barGap     = 5
	titleGap   = 30
	panelGap   = 18
	margin     = 16
)

// barColor picks a bar's colour: Twistgo stands out, the two baselines and
// the hand-written ceiling are recognisable, other peers are grey.
func barColor(server string) string {
	switch {
	case strings.HasPrefix(server, "twistgo"), server == "miniredis", server == "httpplain":
		return "#d9480f"
	case server == "rawepoll":
		return "#343a40"
	case server == "stdlib", server == "nethttp", server == "redis-server":
		return "#1c7ed6"
	case server == "gnet":
		return "#2f9e44"
	}
	return "#adb5bd"
}

// writeSVG draws one panel of horizontal bars per workload: each server's
// median, labelled with its value and its ratio to the workload's first
// base.
func writeSVG(out io.Writer, ws []*workload, ss []sample) {
	var body strings.Builder
	y := margin
	for _, w := range ws {
		y = drawPanel(&body, w, ss, y) + panelGap
	}
	fmt.Fprintf(out, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		chartWidth, y, chartWidth, y)
	fmt.Fprintf(out, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	io.WriteString(out, body.String())
	io.WriteString(out, "</svg>\n")
}

// drawPanel draws workload w's bars starting at y and returns the y below
// them.
func drawPanel(b *strings.Builder, w *workload, ss []sample, y int) int {
	cells, order := summarize(w, ss)
	hint := "higher is better"
	if !w.higherBetter {
		hint = "lower is better"
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" font-weight="bold" font-size="14">%s</text>`+"\n", margin, y+14, esc(w.title))
	fmt.Fprintf(b, `<text x="%d" y="%d" fill="#555">%s, %s</text>`+"\n", margin, y+27, esc(w.unit), hint)
	y += titleGap + 6
	top := 0.0
	for _, s := range order {
		if v := cells[s].median; !math.IsNaN(v) {
			top = math.Max(top, v)
		}
	}
	for _, s := range order {
		drawBar(b, w, cells, s, top, y)
		y += barHeight + barGap
	}
	return y
}

// drawBar draws server s's bar at y, scaled so that top fills barSpan.
func drawBar(b *strings.Builder, w *workload, cells map[string]*cell, s string, top float64, y int) {
	c := cells[s]
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", margin+labelWidth-8, y+12, esc(s))
	length := 0.0
	if top > 0 && !math.IsNaN(c.median) {
		length = c.median / top * barSpan
	}
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", margin+labelWidth, y, length, barHeight, barColor(s))
	label := formatValue(c.median)
	if len(w.bases) > 0 && w.bases[0] != s {
		if bc := cells[w.bases[0]]; bc != nil {
			label += fmt.Sprintf("  (%s %s)", formatRatio(ratio(c.median, bc.median)), w.bases[0])
		}
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%d">%s</text>`+"\n", float64(margin+labelWidth)+length+6, y+12, esc(label))
}

// esc escapes text for SVG.
func esc(s string) string { return html.EscapeString(s) }
