package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
)

// insert indexes an article and links it to its neighbours.
func (c *Clusterer) insert(d Doc, f features) int {
	if !c.fixedIDF {
		c.docs++
		f.count(c.df)
	}
	n := &doc{id: d.ID, at: d.Published, day: d.Day, lang: d.Language, vec: c.weigh(f.words), anchors: c.weighKept(f.anchors, f.shared), ordinals: f.ordinals, edges: map[int]float64{}}
	i := len(c.all)
	c.all = append(c.all, n)
	c.index[d.ID] = i
	n.story, n.head = i, i
	c.stories[i] = []int{i}
	if j, ok := c.index[d.DuplicateOf]; ok && d.DuplicateOf != "" {
		// A copy is as like its original as anything can be.
		n.edges[j], c.all[j].edges[i] = 1, 1
		n.head = c.all[j].head
	}
	day := dayOf(d.Published)
	window := int64(math.Ceil(c.o.reach()))
	// Count, for each article near in time, how many of this article's
	// strongest terms it was indexed under; only those sharing several are
	// compared in full. This keeps the cost of an article bounded by its
	// neighbourhood, not by the corpus.
	for len(c.hits) < len(c.all) {
		c.hits = append(c.hits, 0)
	}
	var touched []int
	var t uint32 // the term being counted
	var strong bool
	count := func(js []int) {
		for _, j := range js {
			if c.hits[j] == 0 {
				touched = append(touched, j)
			}
			// One of either article's few strongest words is worth
			// MinShared alone: two articles sharing it are compared
			// however little else they share, two sharing only weaker
			// terms must share MinShared of them.
			if strong || slices.Contains(c.all[j].strong, t) {
				c.hits[j] += int32(max(1, c.o.MinShared))
			} else {
				c.hits[j]++
			}
		}
	}
	wordTerms := c.topTerms(n.vec, c.o.TopTerms)
	n.strong = wordTerms[:min(c.o.StrongTerms, len(wordTerms))]
	top := append(slices.Clone(wordTerms), c.topTerms(n.anchors, c.o.TopAnchors)...)
	for k := range top {
		t, strong = top[k], k < len(n.strong)
		byDay := c.postings[t]
		if byDay == nil {
			continue
		}
		if day == undated {
			// An article without a date could be of any day: it is
			// compared with all that share its terms. Such articles are
			// few in a feed.
			for _, js := range byDay {
				count(js)
			}
			continue
		}
		for dd := day - window; dd <= day+window; dd++ {
			count(byDay[dd])
		}
		count(byDay[undated])
	}
	for _, j := range touched {
		h := c.hits[j]
		c.hits[j] = 0
		if int(h) < c.o.MinShared {
			continue
		}
		if s := c.similarity(n, c.all[j]); s >= c.o.Threshold/2 {
			n.edges[j], c.all[j].edges[i] = s, s
		}
	}
	for _, t := range top {
		byDay := c.postings[t]
		if byDay == nil {
			byDay = map[int64][]int{}
			c.postings[t] = byDay
		}
		byDay[day] = append(byDay[day], i)
	}
	return i
}

// undated is the day key of articles without a date.
const undated = math.MinInt64

func dayOf(t time.Time) int64 {
	if t.IsZero() {
		return undated
	}
	return t.Unix() / 86400
}

// weigh turns term frequencies into a unit TF-IDF vector, with document
// frequencies from the background corpus and the articles seen.
func (c *Clusterer) weigh(tf map[string]float64) []entry {
	return c.weighKept(tf, nil)
}

// weighKept is weigh keeping only the terms keep holds (all when nil), each
// weighed against the whole vector: a term kept alone out of many is not
// the whole of what its article says.
func (c *Clusterer) weighKept(tf map[string]float64, keep map[string]bool) []entry {
	vec := make([]entry, 0, len(tf))
	bg := background()
	bw := c.o.Background
	sum := 0.0
	for t, f := range tf {
		idf := math.Log((bw*float64(bg.docs) + float64(c.docs) + 1) / (bw*float64(bg.df[t]) + float64(c.df[t]) + 1))
		if idf <= 0 || f <= 0 {
			continue
		}
		id, ok := c.terms[t]
		if !ok {
			id = uint32(len(c.terms))
			c.terms[t] = id
			c.names = append(c.names, t)
		}
		w := (1 + math.Log(f)) * idf
		sum += w * w
		if keep == nil || keep[t] {
			vec = append(vec, entry{id, float32(w)})
		}
	}
	n := float32(math.Sqrt(sum))
	for k := range vec {
		vec[k].weight /= n
	}
	slices.SortFunc(vec, func(a, b entry) int { return cmp.Compare(a.term, b.term) })
	return vec
}

// topTerms returns the n strongest terms of vec, ties broken by the term's
// spelling (numbers depend on the order terms were first seen).
func (c *Clusterer) topTerms(vec []entry, n int) []uint32 {
	es := slices.Clone(vec)
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), strings.Compare(c.names[a.term], c.names[b.term]))
	})
	out := make([]uint32, 0, min(n, len(es)))
	for _, e := range es[:min(n, len(es))] {
		out = append(out, e.term)
	}
	return out
}
