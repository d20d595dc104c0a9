package digest

import (
	"maps"
	"slices"
	"testing"

	"github.com/chorusnews/chorus/internal/analyze"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// BenchmarkBuild digests the AllSides dev events, each as one story of
// its analysed articles.
func BenchmarkBuild(b *testing.B) {
	arts, gold := shareddata.AllSides(b)
	byEvent := map[string][]news.Analyzed{}
	for _, a := range arts {
		byEvent[gold[a.ID]] = append(byEvent[gold[a.ID]], analyze.Analyze(a))
	}
	var stories [][]news.Analyzed
	for _, ev := range slices.Sorted(maps.Keys(byEvent)) {
		stories = append(stories, byEvent[ev])
	}
	o := DefaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range stories {
			Build("s", s, o)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(arts)), "µs/article")
}
