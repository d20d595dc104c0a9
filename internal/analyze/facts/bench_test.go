package facts

import (
	"encoding/json"
	"os"
	"strings"
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
	spans, bytes := split(arts)
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

// loadMultilingual reads the multilingual development articles with their
// languages (from shareddata.MultilingualDev: the articles carry none); the
// benchmark is skipped when the data is not there.
func loadMultilingual(tb testing.TB) []news.Article {
	tb.Helper()
	ml := shareddata.MultilingualDev(tb)
	data, err := os.ReadFile(ml.Path)
	if err != nil {
		tb.Skipf("multilingual dev is read from ../shared: %v", err)
	}
	var arts []news.Article
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var a news.Article
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			tb.Fatal(err)
		}
		a.Language = ml.Language[a.ID]
		arts = append(arts, a)
	}
	return arts
}

// split returns the sentences of each article, and the bytes of their
// texts in all.
func split(arts []news.Article) ([][]sentences.Span, int) {
	spans := make([][]sentences.Span, len(arts))
	bytes := 0
	for i, a := range arts {
		spans[i] = sentences.Split(a.Text)
		bytes += len(a.Text)
	}
	return spans, bytes
}

// BenchmarkFindLanguages measures fact finding over the multilingual
// articles (13 languages, about half English), each read in its language
// ("lang") and all read the English way ("english"), which is what every
// article cost before the finder knew languages.
func BenchmarkFindLanguages(b *testing.B) {
	arts := loadMultilingual(b)
	spans, bytes := split(arts)
	for _, english := range []bool{false, true} {
		name := "lang"
		if english {
			name = "english"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(bytes))
			for i := 0; i < b.N; i++ {
				for j, a := range arts {
					lang := a.Language
					if english {
						lang = ""
					}
					_ = Find(a.Text, spans[j], a.Published, lang)
				}
			}
			b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(0, "ns/op")
		})
	}
}
