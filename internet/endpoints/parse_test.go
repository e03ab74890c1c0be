package endpoints

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		kind   string
		args   []string
		kwargs map[string]string
	}{
		{`a:b=c=d:e\:f:g`, "a", []string{"e:f", "g"}, map[string]string{"b": "c=d"}},
		{"tcp:80", "tcp", []string{"80"}, map[string]string{}},
		{"tcp", "tcp", nil, map[string]string{}},
		{"tcp:", "tcp", []string{""}, map[string]string{}},
		{`tcp6:8080:interface=\:\:1`, "tcp6", []string{"8080"}, map[string]string{"interface": "::1"}},
		{`unix:/a\\b`, "unix", []string{`/a\b`}, map[string]string{}},
		{`x:k\=v`, "x", []string{"k=v"}, map[string]string{}},
		{`x:k=`, "x", nil, map[string]string{"k": ""}},
		{`x:a\b`, "x", []string{"ab"}, map[string]string{}},
	}
	for _, tc := range tests {
		d, err := parse(tc.in)
		if err != nil {
			t.Errorf("parse(%q): %v", tc.in, err)
			continue
		}
		got := []any{d.kind, d.args, d.kwargs}
		want := []any{tc.kind, tc.args, tc.kwargs}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("parse(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"":            `endpoints: "": no endpoint type before the first ":"`,
		":80":         `endpoints: ":80": no endpoint type before the first ":"`,
		"k=v:80":      `endpoints: "k=v:80": no endpoint type before the first ":"`,
		`tcp:80\`:     `endpoints: "tcp:80\\": trailing backslash`,
		"tcp:=80":     `endpoints: "tcp:=80": keyword field with no name before "="`,
		"x:a=1:a=2":   `endpoints: "x:a=1:a=2": a: given twice`,
		"x:a=1:b:a=1": `endpoints: "x:a=1:b:a=1": a: given twice`,
	}
	for in, want := range tests {
		_, err := parse(in)
		if err == nil || err.Error() != want {
			t.Errorf("parse(%q) error = %v, want %s", in, err, want)
		}
	}
}

func TestQuoteStringArgument(t *testing.T) {
	tests := map[string]string{
		"plain":      "plain",
		"::1":        `\:\:1`,
		`C:\x`:       `C\:\\x`,
		"a=b":        `a\=b`,
		"":           "",
		`\`:          `\\`,
		"/run/a.sok": "/run/a.sok",
	}
	for in, want := range tests {
		if got := QuoteStringArgument(in); got != want {
			t.Errorf("QuoteStringArgument(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzQuoteRoundTrip(f *testing.F) {
	for _, s := range []string{"", "::1", `a\:b`, "k=v", `\`, "x:y=z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parse("x:" + QuoteStringArgument(s) + ":k=" + QuoteStringArgument(s))
		if err != nil {
			t.Fatalf("parse of quoted %q: %v", s, err)
		}
		if len(d.args) != 1 || d.args[0] != s || d.kwargs["k"] != s {
			t.Fatalf("quoted %q read back as args %q kwargs %q", s, d.args, d.kwargs)
		}
	})
}
