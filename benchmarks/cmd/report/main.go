package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
)

func main() {
	in := flag.String("in", "", "raw results file written by run.sh")
	md := flag.String("md", "", "write the markdown tables here too (besides stdout)")
	svg := flag.String("svg", "", "write the SVG chart here")
	flag.Parse()
	if err := run(*in, *md, *svg); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// run reads the raw results and writes the tables and the chart.
func run(in, md, svg string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	ws, ss, err := parseInput(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	ws = measured(ws, ss)
	var tables bytes.Buffer
	writeMarkdown(&tables, ws, ss)
	os.Stdout.Write(tables.Bytes())
	if md != "" {
		if err := os.WriteFile(md, tables.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if svg != "" {
		var chart bytes.Buffer
		writeSVG(&chart, ws, ss)
		return os.WriteFile(svg, chart.Bytes(), 0o644)
	}
	return nil
}

// measured drops the workloads no sample measured (skipped in a run).
func measured(ws []*workload, ss []sample) []*workload {
	have := make(map[string]bool)
	for _, s := range ss {
		have[s.workload] = true
	}
	var out []*workload
	for _, w := range ws {
		if have[w.name] {
			out = append(out, w)
		}
	}
	return out
}
