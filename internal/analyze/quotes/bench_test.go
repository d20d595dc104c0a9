package quotes

import (
	"os"
	"testing"

	"github.com/chorusnews/chorus/internal/sentences"
)

// polnearDev is the development split used for the benchmark.
const polnearDev = "../../../../shared/data/attribution/polnear-dev"

// BenchmarkFind runs Find over the PolNeAR dev texts (sentences split
// beforehand, as the analysis stage does) and reports articles per second.
func BenchmarkFind(b *testing.B) {
	files := evalFiles(b, polnearDev)
	type doc struct {
		text  string
		sents []sentences.Span
	}
	docs := make([]doc, 0, len(files))
	chars := 0
	for _, p := range files {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc{string(t), sentences.Split(string(t))})
		chars += len(t)
	}
	b.SetBytes(int64(chars))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Find(d.text, d.sents, nil)
		}
	}
	secs := b.Elapsed().Seconds()
	if secs > 0 {
		n := float64(b.N * len(docs))
		b.ReportMetric(n/secs, "articles/s")
		b.ReportMetric(secs/n*1e6, "µs/article")
		b.ReportMetric(float64(chars)/float64(len(docs)), "chars/article")
	}
}
