package facts

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/chorusnews/chorus/internal/sentences"
)

const storiesPath = "../../../../shared/data/stories/allsides-dev.articles.jsonl"

type article struct {
	Text      string `json:"text"`
	Published string `json:"published"`
}

// loadArticles reads the AllSides development articles; the test is
// skipped when the data is not there.
func loadArticles(tb testing.TB) []article {
	tb.Helper()
	f, err := os.Open(storiesPath)
	if err != nil {
		tb.Skipf("no evaluation data: %v", err)
	}
	defer f.Close()
	var out []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a article
		if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
			out = append(out, a)
		}
	}
	return out
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
			_ = Find(a.Text, spans[j], a.Published)
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
		_ = Find(text, spans, "2021-06-16")
	}
}
