package facts

import (
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// loadArticles reads the AllSides development articles; the test is
// skipped when the data is not there.
func loadArticles(tb testing.TB) []news.Article {
	tb.Helper()
	arts, _ := shareddata.AllSides(tb)
	return arts
}

// BenchmarkFind measures fact finding over the AllSides articles
// (sentence splitting excluded) and reports articles per second.
func BenchmarkFind(b *testing.B) {
	arts := loadArticles(b)
	spans := make([][]sentences.Span, len(arts))
	bytes := 0
	for i, a := range arts {
		spans[i] = sentences.Split(a.Text)
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, a := range arts {
			_ = Find(a.Text, spans[j], a.Published, "")
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkFind5K measures one 5,000-character article (AllSides texts run
// together), the size the budget is set for.
func BenchmarkFind5K(b *testing.B) {
	arts := loadArticles(b)
	text := ""
	for _, a := range arts {
		if len(text) >= 5000 {
			break
		}
		text += a.Text + "\n\n"
	}
	text = text[:5000]
	spans := sentences.Split(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Find(text, spans, "2021-06-16", "")
	}
}
