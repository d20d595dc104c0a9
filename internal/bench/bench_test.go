package bench

import (
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// sources reads the AllSides dev events: groups of articles about one event.
func sources(tb testing.TB) [][]news.Article {
	tb.Helper()
	arts, gold := shareddata.AllSides(tb)
	byEvent := map[string][]news.Article{}
	var order []string
	for _, a := range arts {
		ev := gold[a.ID]
		if _, ok := byEvent[ev]; !ok {
			order = append(order, ev)
		}
		byEvent[ev] = append(byEvent[ev], a)
	}
	out := make([][]news.Article, 0, len(order))
	for _, ev := range order {
		out = append(out, byEvent[ev])
	}
	return out
}

func TestStreamShape(t *testing.T) {
	s := Stream(sources(t), StreamOptions{Articles: 2000, Days: 180, CopyShare: 0.15, Seed: 1})
	if len(s) != 2000 {
		t.Fatalf("%d articles", len(s))
	}
	ids := map[string]bool{}
	for _, a := range s {
		if ids[a.ID] || a.Text == "" || a.Published == "" {
			t.Fatalf("bad article %+v", a.ID)
		}
		ids[a.ID] = true
	}
	again := Stream(sources(t), StreamOptions{Articles: 2000, Days: 180, CopyShare: 0.15, Seed: 1})
	if again[1999].Text != s[1999].Text || again[1999].Published != s[1999].Published {
		t.Error("the same seed gave another stream")
	}
}

// benchmarkStories runs analysis, copy detection, clustering and digests
// over a synthetic stream and reports the cost per article and peak heap.
func benchmarkStories(b *testing.B, n int) {
	stream := Stream(sources(b), StreamOptions{Articles: n, Days: max(30, n/300), CopyShare: 0.15, Seed: 42})
	b.ResetTimer()
	var last Result
	for b.Loop() {
		last = Run(stream)
		if last.Stories == 0 {
			b.Fatal("no stories")
		}
	}
	b.ReportMetric(last.PerSecond(), "articles/s")
	b.ReportMetric(float64(last.Elapsed.Microseconds())/float64(n), "µs/article")
	b.ReportMetric(float64(last.PeakHeap)/(1<<20), "peak-heap-MiB")
}

func BenchmarkStories10k(b *testing.B)  { benchmarkStories(b, 10_000) }
func BenchmarkStories100k(b *testing.B) { benchmarkStories(b, 100_000) }
