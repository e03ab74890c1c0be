package endpoints_test

import (
	"testing"

	"github.com/twistgo/twistgo/internet/endpoints"
	"github.com/twistgo/twistgo/internet/internettest"
)

// BenchmarkServerFromString measures parsing a typical server description.
func BenchmarkServerFromString(b *testing.B) {
	b.ReportAllocs()
	r := internettest.NewMemoryReactor()
	for b.Loop() {
		if _, err := endpoints.ServerFromString(r, "tcp:8080:interface=127.0.0.1:backlog=50"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClientFromString measures parsing a typical client description.
func BenchmarkClientFromString(b *testing.B) {
	b.ReportAllocs()
	r := internettest.NewMemoryReactor()
	for b.Loop() {
		if _, err := endpoints.ClientFromString(r, "tcp:host=example.org:port=80:timeout=5"); err != nil {
			b.Fatal(err)
		}
	}
}
