package plaintext

import (
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkClean cleans the AEB pages in their plain-text form (the visible
// text of each page, boilerplate and all). Run on one core:
//
//	go test -run '^$' -bench Clean -cpu 1 ./internal/extract/plaintext/
func BenchmarkClean(b *testing.B) {
	raw, err := os.ReadFile("../../../../shared/data/extraction/aeb/html-text.json")
	if err != nil {
		b.Skipf("AEB data is read from ../shared: %v", err)
	}
	var set struct {
		Output map[string]struct {
			ArticleBody string `json:"articleBody"`
		} `json:"output"`
	}
	if err := json.Unmarshal(raw, &set); err != nil {
		b.Fatal(err)
	}
	var pages []string
	size := 0
	for _, p := range set.Output {
		pages = append(pages, p.ArticleBody)
		size += len(p.ArticleBody)
	}
	o := DefaultOptions()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			Clean(p, o)
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}
