package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/chorusnews/chorus/internal/news"
)

// Run both side by side:
//
//	go test -run x -bench . -benchtime 1x -cpu 1 ./internal/extract/
//
// Each iteration extracts every page of the AEB set once.

// BenchmarkHTML measures extractHTML with the default options.
func BenchmarkHTML(b *testing.B) {
	_, bodies := benchPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, body := range bodies {
			_, _ = extractHTML(news.RawDoc{Source: "bench.html", Body: body, Format: news.FormatHTML}, HTMLOptions{})
		}
	}
	reportPages(b, len(bodies))
}

// BenchmarkTrafilatura measures stock go-trafilatura with its default
// options on the same pages, for comparison.
func BenchmarkTrafilatura(b *testing.B) {
	_, bodies := benchPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, body := range bodies {
			_, _ = trafilatura.Extract(bytes.NewReader(body), trafilatura.Options{})
		}
	}
	reportPages(b, len(bodies))
}

// BenchmarkTrafilaturaFallback measures go-trafilatura with its fallback
// on, as its command ships it (and chorus bench --mode html runs it).
func BenchmarkTrafilaturaFallback(b *testing.B) {
	_, bodies := benchPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, body := range bodies {
			_, _ = trafilatura.Extract(bytes.NewReader(body), trafilatura.Options{EnableFallback: true})
		}
	}
	reportPages(b, len(bodies))
}

func benchPages(b *testing.B) ([]string, [][]byte) {
	b.Helper()
	dir := filepath.Join(aebDir, "html")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("%s not found", dir)
	}
	return loadHTMLSet(b, dir)
}

func reportPages(b *testing.B, pages int) {
	b.StopTimer()
	if s := b.Elapsed().Seconds(); s > 0 {
		n := float64(pages * b.N)
		b.ReportMetric(n/s, "pages/s")
		b.ReportMetric(s*1000/n, "ms/page")
	}
}
