package dedup

import (
	"testing"

	"github.com/chorusnews/chorus/internal/shareddata"
)

// BenchmarkSign signs the AllSides dev texts: every story update signs
// every article it reads.
func BenchmarkSign(b *testing.B) {
	arts, _ := shareddata.AllSides(b)
	o := DefaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			Sign(a.Text, o)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(arts)), "µs/article")
}
