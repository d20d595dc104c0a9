// Package bench builds realistic synthetic news streams from real texts and
// measures the pipeline on them, for `go test -bench` and `chorus bench`.
package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// StreamOptions shapes a synthetic stream.
type StreamOptions struct {
	// Articles is how many articles the stream holds.
	Articles int
	// Days is the span the publication dates cover.
	Days int
	// CopyShare is the share of articles that are syndicated copies.
	CopyShare float64
	// Seed makes the stream reproducible.
	Seed uint64
}

// Stream builds a stream of articles from source events: each story
// re-tells one source event (its articles' sentences, reordered and cut as
// different outlets would) at some moment of the span; story sizes follow a
// long-tailed law, as coverage does; a share of articles are verbatim or
// near-verbatim copies of another. Sources are groups of articles about one
// event; a group is reused for stories far enough apart in time that they
// are different events.
func Stream(sources [][]news.Article, o StreamOptions) []news.Article {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []news.Article
	story := 0
	for len(out) < o.Articles {
		src := sources[r.IntN(len(sources))]
		at := start.Add(time.Duration(r.Float64() * float64(o.Days) * 24 * float64(time.Hour)))
		// Pareto-like sizes: most stories have one to three articles, a
		// few have dozens.
		size := min(1+int(math.Floor(math.Pow(r.Float64(), -0.8)))-1, 60)
		size = max(size, 1)
		var story0 []news.Article
		for k := 0; k < size && len(out) < o.Articles; k++ {
			var a news.Article
			if len(story0) > 0 && r.Float64() < o.CopyShare {
				a = story0[r.IntN(len(story0))] // syndicated copy
				if r.Float64() < 0.5 {
					a.Text += "\n\n(Distributed by a news agency.)"
				}
			} else {
				base := src[r.IntN(len(src))]
				a = retell(base, r)
			}
			a.ID = fmt.Sprintf("b-%d-%d", story, k)
			a.Source = a.ID
			a.Outlet = fmt.Sprintf("outlet-%d", r.IntN(200))
			a.Published = at.Add(time.Duration(r.IntN(36)) * time.Hour).Format(time.RFC3339)
			out = append(out, a)
			story0 = append(story0, a)
		}
		story++
	}
	return out
}

// retell rewrites an article as another outlet might: some sentences
// dropped, the rest kept in order with the lead first.
func retell(a news.Article, r *rand.Rand) news.Article {
	paras := strings.Split(a.Text, "\n\n")
	var kept []string
	for i, p := range paras {
		if i == 0 || r.Float64() < 0.7 {
			kept = append(kept, p)
		}
	}
	a.Text = strings.Join(kept, "\n\n")
	return a
}
