// Package bench builds realistic synthetic news streams from real texts and
// measures the pipeline on them, for `go test -bench` and `chorus bench`.
package bench

import (
	"cmp"
	"container/heap"
	"fmt"
	"iter"
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

// reuseGap is how many days pass before a source event is told again: long
// enough that clustering, which links articles a week apart at most, takes
// the two tellings for two events, as a yearly summit or a monthly jobs
// report are.
const reuseGap = 10

// Stream yields a stream of articles in order of publication, built from
// source events: each story re-tells one source event (its articles'
// paragraphs, some dropped, as different outlets would) over a day and a
// half from some moment of the span; story sizes follow a long-tailed law,
// as coverage does; a share of articles are verbatim or near-verbatim
// copies of another. It is generated as it is read: only the articles of
// the next day and a half are held, so a stream of any length fits in
// memory.
func Stream(sources [][]news.Article, o StreamOptions) iter.Seq[news.Article] {
	return func(yield func(news.Article) bool) {
		r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
		start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
		days := max(o.Days, 1)
		perDay := float64(o.Articles) / float64(days)
		lastUsed := make([]int, len(sources))
		for i := range lastUsed {
			lastUsed[i] = -reuseGap
		}
		var pending articleHeap
		made, story := 0, 0
		for day := 0; ; day++ {
			dayStart := start.AddDate(0, 0, day)
			for made < o.Articles && float64(made) < float64(day+1)*perDay {
				src := sources[pickSource(r, lastUsed, day)]
				at := dayStart.Add(time.Duration(r.Float64() * 24 * float64(time.Hour)))
				// Pareto-like sizes: most stories have one to three
				// articles, a few have dozens.
				size := max(1, min(int(math.Floor(math.Pow(r.Float64(), -0.8))), 60, o.Articles-made))
				var told []news.Article
				for k := range size {
					var a news.Article
					if len(told) > 0 && r.Float64() < o.CopyShare {
						a = told[r.IntN(len(told))] // syndicated copy
						if r.Float64() < 0.5 {
							a.Text += "\n\n(Distributed by a news agency.)"
						}
					} else {
						a = retell(src[r.IntN(len(src))], r)
					}
					a.ID = fmt.Sprintf("b-%d-%d", story, k)
					a.Source = a.ID
					a.URL = "https://example.com/" + a.ID
					a.Outlet = fmt.Sprintf("outlet-%d", r.IntN(200))
					a.Published = at.Add(time.Duration(r.IntN(36)) * time.Hour).Format(time.RFC3339)
					told = append(told, a)
					heap.Push(&pending, a)
				}
				made += size
				story++
			}
			next := dayStart.AddDate(0, 0, 1).Format(time.RFC3339)
			for pending.Len() > 0 && (pending[0].Published < next || made >= o.Articles) {
				if !yield(heap.Pop(&pending).(news.Article)) {
					return
				}
			}
			if made >= o.Articles && pending.Len() == 0 {
				return
			}
		}
	}
}

// pickSource picks a source event not told in the last reuseGap days, or
// the one told longest ago when every one was.
func pickSource(r *rand.Rand, lastUsed []int, day int) int {
	pick := -1
	for range 20 {
		i := r.IntN(len(lastUsed))
		if day-lastUsed[i] >= reuseGap {
			pick = i
			break
		}
	}
	if pick < 0 {
		pick = 0
		for i, d := range lastUsed {
			if d < lastUsed[pick] {
				pick = i
			}
		}
	}
	lastUsed[pick] = day
	return pick
}

// articleHeap orders articles by publication, then id.
type articleHeap []news.Article

func (h articleHeap) Len() int { return len(h) }
func (h articleHeap) Less(i, j int) bool {
	return cmp.Or(strings.Compare(h[i].Published, h[j].Published), strings.Compare(h[i].ID, h[j].ID)) < 0
}
func (h articleHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *articleHeap) Push(x any)   { *h = append(*h, x.(news.Article)) }
func (h *articleHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// retell rewrites an article as another outlet might: some paragraphs
// dropped, the rest kept in order with the lead and the next two first.
func retell(a news.Article, r *rand.Rand) news.Article {
	paras := strings.Split(a.Text, "\n\n")
	var kept []string
	for i, p := range paras {
		if i < 3 || r.Float64() < 0.7 {
			kept = append(kept, p)
		}
	}
	a.Text = strings.Join(kept, "\n\n")
	return a
}

// TextPage renders an article as a plain-text page, the form a text export
// or a saved page holds: headline, byline, date, then the paragraphs.
func TextPage(a news.Article) news.RawDoc {
	var b strings.Builder
	// Some source sets end headlines with a full stop; pages do not.
	b.WriteString(strings.TrimSuffix(a.Title, "."))
	b.WriteString("\n\nBy Staff Reporter, ")
	b.WriteString(a.Outlet)
	b.WriteString("\n")
	if t := news.ParseTime(a.Published); !t.IsZero() {
		b.WriteString(t.Format("January 2, 2006 15:04 MST"))
	}
	b.WriteString("\n\n")
	b.WriteString(a.Text)
	b.WriteString("\n")
	return news.RawDoc{Source: a.Source + ".txt", Body: []byte(b.String()), Format: news.FormatText, URL: a.URL}
}
