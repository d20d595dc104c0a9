package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/bench"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// BenchmarkPages serves the story list and story pages of a 10,000-article
// store (the bench's synthetic stream) to one client, and reports each
// page's latency at the median and the 99th percentile.
func BenchmarkPages(b *testing.B) {
	shareddata.AllSides(b)
	events, err := bench.LoadSources(shareddata.Path("data", "stories", "allsides-dev.articles.jsonl"), shareddata.Path("data", "stories", "allsides-dev.gold.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	texts, err := bench.LoadTexts(shareddata.Path("data", "attribution", "polnear-train", "text"))
	if err != nil {
		b.Fatal(err)
	}
	st, err := sqlite.Open(filepath.Join(b.TempDir(), "chorus.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	stream := bench.Stream(append(events, texts...), bench.StreamOptions{Articles: 10_000, Days: 33, CopyShare: 0.15, Seed: 42})
	if _, err := bench.Embedded(context.Background(), st, stream); err != nil {
		b.Fatal(err)
	}
	stories, err := st.Stories(context.Background(), store.ListOptions{Limit: 1000, Order: store.OrderMostCovered})
	if err != nil || len(stories) == 0 {
		b.Fatalf("%d stories: %v", len(stories), err)
	}
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()

	paths := map[string]func(i int) string{
		"list":  func(int) string { return "/" },
		"story": func(i int) string { return "/stories/" + stories[i%len(stories)].ID },
	}
	took := map[string][]time.Duration{}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		for name, path := range paths {
			start := time.Now()
			resp, err := http.Get(srv.URL + path(i))
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Fatalf("%s: %d", path(i), resp.StatusCode)
			}
			took[name] = append(took[name], time.Since(start))
		}
		i++
	}
	for name, d := range took {
		slices.Sort(d)
		b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, name+"-p50-ms")
		b.ReportMetric(float64(d[len(d)*99/100].Microseconds())/1000, name+"-p99-ms")
	}
}
