package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// sources reads the AllSides dev events (groups of articles about one
// event) and the PolNeAR train articles (an event each).
func sources(tb testing.TB) [][]news.Article {
	tb.Helper()
	shareddata.AllSides(tb) // skips without ../shared
	events, err := LoadSources(shareddata.Path("data", "stories", "allsides-dev.articles.jsonl"), shareddata.Path("data", "stories", "allsides-dev.gold.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	texts, err := LoadTexts(shareddata.Path("data", "attribution", "polnear-train", "text"))
	if err != nil {
		tb.Fatal(err)
	}
	return append(events, texts...)
}

func collect(tb testing.TB, o StreamOptions) []news.Article {
	var out []news.Article
	for a := range Stream(sources(tb), o) {
		out = append(out, a)
	}
	return out
}

func TestStreamShape(t *testing.T) {
	o := StreamOptions{Articles: 3000, Days: 30, CopyShare: 0.15, Seed: 1}
	s := collect(t, o)
	if len(s) != o.Articles {
		t.Fatalf("%d articles, want %d", len(s), o.Articles)
	}
	ids := map[string]bool{}
	sizes := map[string]int{}
	for i, a := range s {
		if ids[a.ID] || a.Text == "" || a.Published == "" {
			t.Fatalf("bad article %+v", a.ID)
		}
		if i > 0 && a.Published < s[i-1].Published {
			t.Fatalf("article %d (%s) published before the one ahead of it (%s)", i, a.Published, s[i-1].Published)
		}
		ids[a.ID] = true
		story, _, _ := cutLast(a.ID)
		sizes[story]++
	}
	largest := 0
	for _, n := range sizes {
		largest = max(largest, n)
	}
	if len(sizes) < o.Articles/10 || largest < 10 {
		t.Errorf("%d stories, the largest %d articles: sizes are not long-tailed", len(sizes), largest)
	}
	again := collect(t, o)
	if again[2999].Text != s[2999].Text || again[2999].Published != s[2999].Published {
		t.Error("the same seed gave another stream")
	}
}

func cutLast(id string) (string, string, bool) {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '-' {
			return id[:i], id[i+1:], true
		}
	}
	return id, "", false
}

// TestEmbeddedRun runs a small stream end to end: every article stored in
// a story, the synthetic dates read back from the plain-text pages.
func TestEmbeddedRun(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "bench.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res, err := Embedded(context.Background(), st, Stream(sources(t), StreamOptions{Articles: 300, Days: 10, CopyShare: 0.15, Seed: 3}))
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 300 || len(res.Latencies) != 300 || res.StoriesWritten == 0 {
		t.Fatalf("%d articles, %d latencies, %d stories written", res.Articles, len(res.Latencies), res.StoriesWritten)
	}
	stories, copies := map[string]bool{}, 0
	if err := st.AllArticles(context.Background(), func(a news.StoryArticle) error {
		if a.Story == "" || a.Published == "" || a.Title == "" {
			t.Errorf("article %s: story %q, published %q, title %q", a.Source, a.Story, a.Published, a.Title)
		}
		stories[a.Story] = true
		if a.DuplicateOf != "" {
			copies++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	t.Logf("300 articles: %d stories, %d copies, %.0f articles/s", len(stories), copies, res.PerSecond())
	if len(stories) < 30 || len(stories) > 250 || copies == 0 {
		t.Errorf("%d stories and %d copies from 300 articles", len(stories), copies)
	}
}

// benchmarkEmbedded runs a synthetic stream of n plain-text articles end
// to end into a fresh SQLite store and reports the cost per article,
// latency and peak memory.
func benchmarkEmbedded(b *testing.B, n int) {
	src := sources(b)
	var last Result
	for b.Loop() {
		st, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		last, err = Embedded(context.Background(), st, Stream(src, StreamOptions{Articles: n, Days: max(30, n/300), CopyShare: 0.15, Seed: 42}))
		st.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(last.PerSecond(), "articles/s")
	b.ReportMetric(float64(last.PerArticle().Microseconds()), "µs/article")
	b.ReportMetric(float64(last.Percentile(50).Microseconds()), "p50-µs")
	b.ReportMetric(float64(last.Percentile(99).Microseconds()), "p99-µs")
	b.ReportMetric(float64(last.PeakHeap)/(1<<20), "peak-heap-MiB")
}

func BenchmarkEmbedded10k(b *testing.B)  { benchmarkEmbedded(b, 10_000) }
func BenchmarkEmbedded100k(b *testing.B) { benchmarkEmbedded(b, 100_000) }

// benchmarkWARC builds a crawl-like WARC archive of size bytes and ingests
// it into a fresh SQLite store, reporting pages/s and peak memory: the
// archive is read a record at a time and stored in bounded batches, so
// the peak should not grow with the archive.
func benchmarkWARC(b *testing.B, size int64) {
	dir := b.TempDir()
	archive := filepath.Join(dir, "crawl.warc")
	f, err := os.Create(archive)
	if err != nil {
		b.Fatal(err)
	}
	pages, err := WriteWARC(f, Stream(sources(b), StreamOptions{Articles: int(size / 20_000), Days: 60, CopyShare: 0.1, Seed: 9}), size)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	var last Result
	for b.Loop() {
		st, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		last, err = Files(context.Background(), st, []string{archive})
		st.Close()
		if err != nil {
			b.Fatal(err)
		}
		if last.Articles != pages {
			b.Fatalf("%d pages in the archive, %d articles stored", pages, last.Articles)
		}
	}
	b.ReportMetric(last.PerSecond(), "pages/s")
	b.ReportMetric(float64(last.PeakRSS)/(1<<20), "peak-RSS-MiB")
	b.ReportMetric(float64(last.PeakHeap)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(last.PeakLive)/(1<<20), "peak-live-MiB")
}

func BenchmarkWARC256MB(b *testing.B) { benchmarkWARC(b, 256<<20) }
func BenchmarkWARC1GB(b *testing.B)   { benchmarkWARC(b, 1<<30) }
