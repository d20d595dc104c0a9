package entities

import (
	"testing"

	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// loadTexts reads the texts of the AllSides development articles; the test
// is skipped when the data is not there.
func loadTexts(tb testing.TB) []string {
	tb.Helper()
	arts, _ := shareddata.AllSides(tb)
	texts := make([]string, 0, len(arts))
	for _, a := range arts {
		texts = append(texts, a.Text)
	}
	return texts
}

// BenchmarkFind measures recognition over the AllSides articles (sentence
// splitting excluded) and reports articles per second.
func BenchmarkFind(b *testing.B) {
	texts := loadTexts(b)
	spans := make([][]sentences.Span, len(texts))
	bytes := 0
	for i, t := range texts {
		spans[i] = sentences.Split(t)
		bytes += len(t)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, t := range texts {
			x := Find(t, spans[j], "")
			_ = x.Entities()
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkFind5K measures one 5,000-character article (AllSides texts run
// together), the size the budget is set for.
func BenchmarkFind5K(b *testing.B) {
	texts := loadTexts(b)
	text := ""
	for _, t := range texts {
		if len(text) >= 5000 {
			break
		}
		text += t + "\n\n"
	}
	text = text[:5000]
	spans := sentences.Split(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Find(text, spans, "").Entities()
	}
}
