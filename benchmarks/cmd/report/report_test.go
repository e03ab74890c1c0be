package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const input = "#workload\tname=e64\ttitle=64 B echo\tmetric=msgs_per_s\tunit=msg/s\tgroup=Echo\tbase=stdlib,gnet\textra=p99_us\n" +
	"#workload\tname=idle\ttitle=Idle <10k>\tmetric=bytes_per_conn\tunit=B/conn\tbetter=lower\tgroup=Echo\tbase=stdlib\n" +
	"#workload\tname=skipped\tmetric=x\n" +
	"#workload\tname=e64\ttitle=repeated by an appended run\tmetric=msgs_per_s\n" +
	"workload=e64\tserver=stdlib\tround=1\tRESULT\tmsgs_per_s=100\tp99_us=10\terrors=0\n" +
	"workload=e64\tserver=gnet\tround=1\tmsgs_per_s=200\tp99_us=8\terrors=0\n" +
	"workload=e64\tserver=twistgo-epoll\tround=1\tmsgs_per_s=190\tp99_us=9\terrors=1\n" +
	"workload=e64\tserver=stdlib\tround=2\tmsgs_per_s=120\tp99_us=12\terrors=0\n" +
	"workload=e64\tserver=gnet\tround=2\tmsgs_per_s=220\tp99_us=6\terrors=0\n" +
	"workload=e64\tserver=twistgo-epoll\tround=2\tmsgs_per_s=250\tp99_us=7\terrors=0\n" +
	"workload=e64\tserver=stdlib\tround=3\tmsgs_per_s=110\tp99_us=11\terrors=0\n" +
	"workload=e64\tserver=gnet\tround=3\tmsgs_per_s=210\tp99_us=7\terrors=0\n" +
	"workload=e64\tserver=twistgo-epoll\tround=3\tmsgs_per_s=231\tp99_us=8\terrors=0\n" +
	"workload=idle\tserver=stdlib\tround=1\tbytes_per_conn=40000\n" +
	"workload=idle\tserver=twistgo-epoll\tround=1\tbytes_per_conn=300\n"

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{9, 9, 1}, 9},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := median(nil); !math.IsNaN(got) {
		t.Errorf("median(nil) = %v, want NaN", got)
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		v, base float64
		want    string
	}{
		{210, 200, "1.05×"},
		{100, 0, "–"},
		{math.NaN(), 3, "–"},
	}
	for _, tt := range tests {
		if got := formatRatio(ratio(tt.v, tt.base)); got != tt.want {
			t.Errorf("ratio(%v, %v) = %s, want %s", tt.v, tt.base, got, tt.want)
		}
	}
}

func parsed(t *testing.T) ([]*workload, []sample) {
	t.Helper()
	ws, ss, err := parseInput(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	return measured(ws, ss), ss
}

func TestSummarizeTakesMediansOverRounds(t *testing.T) {
	ws, ss := parsed(t)
	if len(ws) != 2 {
		t.Fatalf("got %d measured workloads, want 2 (the skipped one dropped)", len(ws))
	}
	cells, order := summarize(ws[0], ss)
	if diff := cmp.Diff([]string{"stdlib", "gnet", "twistgo-epoll"}, order); diff != "" {
		t.Errorf("server order (-want +got):\n%s", diff)
	}
	tw := cells["twistgo-epoll"]
	got := []float64{tw.median, tw.lo, tw.hi, float64(tw.rounds), tw.errors, tw.extras["p99_us"]}
	if diff := cmp.Diff([]float64{231, 190, 250, 3, 1, 8}, got); diff != "" {
		t.Errorf("twistgo cell (-want +got):\n%s", diff)
	}
}

func TestMarkdownRatios(t *testing.T) {
	ws, ss := parsed(t)
	var b bytes.Buffer
	writeMarkdown(&b, ws, ss)
	md := b.String()
	for _, want := range []string{
		"| twistgo-epoll | 231.0 (2.10× / 1.10×) | 300.0 (0.01×) |",
		"| gnet | 210.0 (1.91× / 1.00×) | – |",
		"| twistgo-epoll | 231.0 | 190.0 – 250.0 | 3 | 2.10× | 1.10× | 8.00 | 1 |",
		"bytes_per_conn in B/conn, lower is better",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q; got:\n%s", want, md)
		}
	}
}

func TestSVGIsWellFormedWithABarPerServer(t *testing.T) {
	ws, ss := parsed(t)
	var b bytes.Buffer
	writeSVG(&b, ws, ss)
	dec := xml.NewDecoder(&b)
	rects, texts := 0, []string{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "rect" {
				rects++
			}
		case xml.CharData:
			texts = append(texts, string(el))
		}
	}
	if rects != 1+3+2 {
		t.Errorf("got %d rects, want background + 5 bars", rects)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Idle <10k>", "231.0  (2.10× stdlib)", "twistgo-epoll"} {
		if !strings.Contains(all, want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
}

func TestParseRejectsSampleWithoutServer(t *testing.T) {
	if _, _, err := parseInput(strings.NewReader("workload=e64\tround=1\n")); err == nil {
		t.Error("parseInput accepted a sample without server=")
	}
}
