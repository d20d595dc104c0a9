// Package cluster groups articles into stories, one article at a time: each
// new article joins the story whose centroid it is most like — by weighted
// words, names and time — or starts a new one. Candidate stories come from
// an inverted index over their strongest terms, never from comparing all
// pairs, so the cost per article stays flat as the corpus grows.
package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"time"
)

// Options tunes clustering. DefaultOptions holds the values measured best.
type Options struct {
	// Threshold is the least similarity for an article to join a story.
	Threshold float64
	// Grace is how many days apart an article and a story may be at no
	// cost; beyond it similarity decays with TimeScale days.
	Grace, TimeScale float64
	// Window is how many days apart a story is no candidate at all.
	Window float64
	// TitleWeight and ProperWeight weigh title words and proper names
	// against body words; EntityWeight weighs named entities from analysis.
	TitleWeight, ProperWeight, EntityWeight float64
	// PairWeight weighs pairs of adjacent content words.
	PairWeight float64
	// MaxWords is how much of the body is read: the lead carries the event.
	MaxWords int
	// TopTerms is how many of an article's strongest terms index it.
	TopTerms int
}

// DefaultOptions are the settings measured best on AllSides dev.
func DefaultOptions() Options {
	return Options{Threshold: 0.22, Grace: 0.5, TimeScale: 1, Window: 10, TitleWeight: 3, ProperWeight: 1.5, EntityWeight: 1, MaxWords: 60, TopTerms: 12}
}

// Doc is what clustering needs of an article.
type Doc struct {
	ID        string
	Published time.Time // zero when unknown
	Title     string
	Text      string
	Entities  []string
	// DuplicateOf names the article this one copies: it joins that story.
	DuplicateOf string
}

// Story is a group of articles about one event.
type Story struct {
	ID       string
	Articles []string // in the order they joined
}

type story struct {
	id          string
	members     []string
	sum         map[string]float64 // sum of the members' unit vectors
	norm        float64            // |sum|, kept current
	first, last time.Time
}

// Clusterer assigns articles to stories incrementally. It is not safe for
// concurrent use.
type Clusterer struct {
	o        Options
	df       map[string]int
	docs     int
	fixedIDF bool
	stories  []*story
	postings map[string][]int
	of       map[string]int // article id → story index
}

// New returns an empty clusterer whose word weights learn from the articles
// as they come.
func New(o Options) *Clusterer {
	return &Clusterer{o: o, df: map[string]int{}, postings: map[string][]int{}, of: map[string]int{}}
}

// Cluster groups a batch. The articles are taken in order of publication
// (then id) with word weights from the whole batch, so the stories are the
// same whatever order the batch came in.
func Cluster(docs []Doc, o Options) []Story {
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, func(a, b Doc) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ID, b.ID))
	})
	c := New(o)
	c.fixedIDF = true
	for _, d := range sorted {
		for t := range terms(d.Title, d.Text, d.Entities, o) {
			c.df[t]++
		}
	}
	c.docs = len(sorted)
	for _, d := range sorted {
		c.Add(d)
	}
	return c.Stories()
}

// Add assigns an article to a story and returns the story's id.
func (c *Clusterer) Add(d Doc) string {
	if i, ok := c.of[d.ID]; ok {
		return c.stories[i].id
	}
	tf := terms(d.Title, d.Text, d.Entities, c.o)
	if !c.fixedIDF {
		c.docs++
		for t := range tf {
			c.df[t]++
		}
	}
	vec := c.weigh(tf)
	best := -1
	if i, ok := c.of[d.DuplicateOf]; ok && d.DuplicateOf != "" {
		best = i
	} else {
		best = c.bestStory(vec, d.Published)
	}
	if best < 0 {
		best = len(c.stories)
		sum := sha256.Sum256([]byte(d.ID))
		c.stories = append(c.stories, &story{id: "s-" + hex.EncodeToString(sum[:8]), sum: map[string]float64{}, first: d.Published, last: d.Published})
	}
	s := c.stories[best]
	s.members = append(s.members, d.ID)
	c.of[d.ID] = best
	for t, w := range vec {
		s.sum[t] += w
	}
	s.norm = norm(s.sum)
	if !d.Published.IsZero() {
		if s.first.IsZero() || d.Published.Before(s.first) {
			s.first = d.Published
		}
		if d.Published.After(s.last) {
			s.last = d.Published
		}
	}
	for _, t := range topTerms(vec, c.o.TopTerms) {
		p := c.postings[t]
		if len(p) == 0 || p[len(p)-1] != best {
			c.postings[t] = append(p, best)
		}
	}
	return s.id
}

// bestStory returns the index of the story most like vec, or -1 when none
// reaches the threshold.
func (c *Clusterer) bestStory(vec map[string]float64, at time.Time) int {
	best, bestSim := -1, c.o.Threshold
	seen := map[int]bool{}
	for _, t := range topTerms(vec, c.o.TopTerms) {
		for _, i := range c.postings[t] {
			if seen[i] {
				continue
			}
			seen[i] = true
			s := c.stories[i]
			decay := c.timeFactor(s, at)
			if decay == 0 {
				continue
			}
			dot := 0.0
			for term, w := range vec {
				dot += w * s.sum[term]
			}
			sim := dot / s.norm * decay
			if sim > bestSim || sim == bestSim && best >= 0 && i < best {
				best, bestSim = i, sim
			}
		}
	}
	return best
}

// timeFactor discounts a story by how far in time it is from an article.
func (c *Clusterer) timeFactor(s *story, at time.Time) float64 {
	if at.IsZero() || s.first.IsZero() {
		return 1
	}
	var gap float64
	switch {
	case at.Before(s.first):
		gap = s.first.Sub(at).Hours() / 24
	case at.After(s.last):
		gap = at.Sub(s.last).Hours() / 24
	}
	if gap > c.o.Window {
		return 0
	}
	if gap <= c.o.Grace {
		return 1
	}
	return math.Exp(-(gap - c.o.Grace) / c.o.TimeScale)
}

// weigh turns term frequencies into a unit TF-IDF vector.
func (c *Clusterer) weigh(tf map[string]float64) map[string]float64 {
	vec := make(map[string]float64, len(tf))
	bg := background()
	for t, f := range tf {
		idf := math.Log(float64(bg.docs+c.docs+1) / float64(bg.df[t]+c.df[t]+1))
		if idf <= 0 {
			continue
		}
		vec[t] = (1 + math.Log(f)) * idf
	}
	n := norm(vec)
	if n == 0 {
		return vec
	}
	for t := range vec {
		vec[t] /= n
	}
	return vec
}

// Stories returns the stories in order of creation.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, len(c.stories))
	for i, s := range c.stories {
		out[i] = Story{ID: s.id, Articles: slices.Clone(s.members)}
	}
	return out
}

func norm(v map[string]float64) float64 {
	s := 0.0
	for _, w := range v {
		s += w * w
	}
	return math.Sqrt(s)
}

// topTerms returns the n strongest terms of vec, ties broken by the term.
func topTerms(vec map[string]float64, n int) []string {
	ts := make([]string, 0, len(vec))
	for t := range vec {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b string) int {
		return cmp.Or(cmp.Compare(vec[b], vec[a]), cmp.Compare(a, b))
	})
	return ts[:min(n, len(ts))]
}
