package pipeline

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// benchArticles reads and analyses the AllSides dev articles and the
// PolNeAR train texts: about 1,700 articles, most of them in stories of
// several outlets.
func benchArticles(b *testing.B) []news.Analyzed {
	b.Helper()
	shareddata.AllSides(b) // skips without ../shared
	var arts []news.Analyzed
	paths := []string{shareddata.Path("data", "stories", "allsides-dev.articles.jsonl"), shareddata.Path("data", "attribution", "polnear-train", "text")}
	for a, err := range Analyzed(paths, nil, DefaultOptions()) {
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// BenchmarkStories times marking copies, clustering and digesting the
// whole set in memory, as `chorus digest` does.
func BenchmarkStories(b *testing.B) {
	arts := benchArticles(b)
	so := DefaultStoryOptions()
	b.ReportAllocs()
	for b.Loop() {
		Stories(arts, so, news.Digest{})
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(arts)), "µs/article")
}

// BenchmarkRestory times a story update of a SQLite store, reading the
// articles back, when all of them wait for a story ("all") and when a
// quarter of them, shuffled, come after the others have their stories
// ("quarter"). Each round starts from a copy of the same store file.
func BenchmarkRestory(b *testing.B) {
	arts := benchArticles(b)
	rand.New(rand.NewPCG(3, 3)).Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	ctx := context.Background()
	so := DefaultStoryOptions()
	for _, bc := range []struct {
		name    string
		waiting int
	}{{"all", len(arts)}, {"quarter", len(arts) / 4}} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			snapshot := filepath.Join(dir, "snapshot.db")
			st, err := sqlite.Open(snapshot)
			if err != nil {
				b.Fatal(err)
			}
			before := arts[:len(arts)-bc.waiting]
			if err := st.PutArticles(ctx, before); err != nil {
				b.Fatal(err)
			}
			if _, err := Restory(ctx, st, so); err != nil {
				b.Fatal(err)
			}
			if err := st.PutArticles(ctx, arts[len(arts)-bc.waiting:]); err != nil {
				b.Fatal(err)
			}
			st.Close()
			file, err := os.ReadFile(snapshot)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(dir, "round.db")
				os.Remove(path)
				if err := os.WriteFile(path, file, 0o600); err != nil {
					b.Fatal(err)
				}
				st, err := sqlite.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := Restory(ctx, st, so); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*bc.waiting), "µs/waiting")
		})
	}
}
