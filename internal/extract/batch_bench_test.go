package extract_test

import (
	"testing"

	"github.com/chorusnews/chorus/internal/bench"
	"github.com/chorusnews/chorus/internal/extract"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// BenchmarkBatch cleans the pages of the synthetic stream that `chorus
// bench` ingests (AllSides and PolNeAR articles as plain-text pages) the way
// a worker does: fitted to each queue fetch of 64 with ForBatch, then one
// by one. It reports pages per second.
func BenchmarkBatch(b *testing.B) {
	shareddata.AllSides(b) // skips without ../shared
	events, err := bench.LoadSources(shareddata.Path("data", "stories", "allsides-dev.articles.jsonl"), shareddata.Path("data", "stories", "allsides-dev.gold.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	texts, err := bench.LoadTexts(shareddata.Path("data", "attribution", "polnear-train", "text"))
	if err != nil {
		b.Fatal(err)
	}
	var batches [][]news.RawDoc
	var fetch []news.RawDoc
	pages := 0
	for a := range bench.Stream(append(events, texts...), bench.StreamOptions{Articles: 2048, Days: 30, CopyShare: 0.15, Seed: 42}) {
		fetch = append(fetch, bench.TextPage(a))
		pages++
		if len(fetch) == 64 {
			batches = append(batches, fetch)
			fetch = nil
		}
	}
	if len(fetch) > 0 {
		batches = append(batches, fetch)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, docs := range batches {
			opts := extract.ForBatch(extract.DefaultOptions(), docs)
			for _, d := range docs {
				_, _ = extract.Extract(d, opts)
			}
		}
	}
	b.ReportMetric(float64(b.N*pages)/b.Elapsed().Seconds(), "pages/s")
}
