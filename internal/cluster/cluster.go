// Package cluster groups articles into stories, one article at a time. Each
// new article is compared with the articles near it in time that share its
// strongest terms — found through an inverted index, never by comparing all
// pairs — and the stories of its neighbourhood are rebuilt by average-link
// agglomeration: two groups join only when their articles are, on average,
// alike enough. The result depends on which articles there are, not on the
// order they came in.
package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options tunes clustering. DefaultOptions holds the values measured best.
type Options struct {
	// Threshold is the least average similarity between two groups of
	// articles for them to be one story.
	Threshold float64
	// Grace is how many days apart two articles may be at no cost; beyond
	// it similarity decays with TimeScale days.
	Grace, TimeScale float64
	// Window is how many days apart two articles are never compared.
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
	// MinShared is how many of those an article must share with another
	// to be compared with it in full.
	MinShared int
	// Background weighs the background corpus's document counts against
	// the articles' own when word weights are learnt: it is a prior, worth
	// this fraction of its size in articles. The articles at hand know
	// better which words are common in this news; the background speaks
	// for small batches.
	Background float64
	// Cohesion keeps apart two stories of several articles each unless
	// their articles are, on average, at least this fraction as alike
	// across as those of the tighter story are among themselves. Two
	// tight stories of one day on one topic (a summit and a naval exercise
	// near it) are two events; without the guard average link chains them
	// as soon as they clear Threshold. Zero turns the guard off.
	Cohesion float64
	// Contrast raises the link of two articles that stand out from their
	// surroundings. An article's surroundings are the similarity of its
	// ContrastRank-th nearest report (copies of one original count once;
	// the least link kept when it has fewer). A pair of similarity s above
	// the surroundings of both, the higher at r, counts as
	// s + Contrast·(s − r): only each other's ContrastRank-1 nearest
	// reports gain. Two opinion pieces on one event share few words, but
	// more with each other than with anything else of the days around; a
	// busy topic (a war's every report naming the same places) raises the
	// surroundings and so asks more of a link, and so does a large story
	// of many close reports, where the fixed threshold does the work. The
	// bar is thus relative to the neighbourhood, not one cosine for all.
	// Zero turns it off.
	Contrast     float64
	ContrastRank int
}

// DefaultOptions are the settings measured best on AllSides dev, through
// the pipeline (entities from analysis) with score_clusters.py: pairwise
// P/R/F1 0.964/0.918/0.941, BCubed F1 0.965. Contrast took it there from
// 0.955/0.881/0.917 (BCubed 0.951): thirteen events whose reports share
// few words came together, none came apart, and the FDA's and the CDC's
// booster decisions of one day, one story before, are two. It helps on
// either half of the events split by hash (0.960 → 0.968 and 0.902 →
// 0.938), and sits on a plateau, not at its best point: F1 0.932–0.947
// for Contrast 1.5–4 and Threshold 0.11–0.17 at ContrastRank 3;
// 0.929–0.938 at ContrastRank 4–5 (ContrastRank 2 barely lifts anything).
// Threshold sits inside its plateau, not at its best point: with 924
// unrelated articles mixed in, lower thresholds join more of them to
// stories. Before Background and Cohesion, at Threshold 0.14: 0.902,
// BCubed 0.947; both help on either half too.
func DefaultOptions() Options {
	return Options{Threshold: 0.13, Grace: 0.5, TimeScale: 0.5, Window: 7, TitleWeight: 3, ProperWeight: 1, EntityWeight: 1, MaxWords: 60, TopTerms: 25, MinShared: 2, Background: 0.25, Cohesion: 0.5, Contrast: 2, ContrastRank: 3}
}

// reach is how many days apart two articles can be and still be linked:
// beyond it the time discount leaves even identical texts under half the
// threshold, the least link kept, so the index is not searched further.
func (o Options) reach() float64 {
	if o.TimeScale <= 0 || o.Threshold <= 0 {
		return o.Window
	}
	return min(o.Window, o.Grace+o.TimeScale*math.Log(2/o.Threshold))
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
	Articles []string // in order of publication, then id
}

// entry is one term of a sparse vector.
type entry struct {
	term   uint32
	weight float32
}

type doc struct {
	id    string
	at    time.Time
	vec   []entry         // sorted by term
	edges map[int]float64 // neighbour → similarity
	story int
	head  int     // the original this article copies, itself when none
	near  float64 // its surroundings, for Contrast: set by regroup
}

// Clusterer assigns articles to stories incrementally. It is not safe for
// concurrent use.
type Clusterer struct {
	o        Options
	df       map[string]int
	docs     int
	fixedIDF bool
	all      []*doc
	index    map[string]int
	terms    map[string]uint32          // term → its number
	names    []string                   // number → term
	postings map[uint32]map[int64][]int // term → day → articles
	stories  map[int][]int              // story → members, keyed by its first member
	hits     []int32                    // scratch: shared terms per article
	voices   []voice                    // scratch: an article's neighbours by original
}

// New returns an empty clusterer whose word weights learn from the articles
// as they come.
func New(o Options) *Clusterer {
	return &Clusterer{o: o, df: map[string]int{}, index: map[string]int{}, terms: map[string]uint32{}, postings: map[uint32]map[int64][]int{}, stories: map[int][]int{}}
}

// Cluster groups a batch with word weights learnt from the whole batch, so
// that the stories do not depend on the order of the batch.
func Cluster(docs []Doc, o Options) []Story {
	c := New(o)
	c.fixedIDF = true
	// Each article's terms are its own business: read on every core.
	tfs := make([]map[string]float64, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(docs)/64)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				tfs[i] = terms(docs[i].Title, docs[i].Text, docs[i].Entities, o)
			}
		})
	}
	wg.Wait()
	for i := range docs {
		for t := range tfs[i] {
			c.df[t]++
		}
	}
	c.docs = len(docs)
	for i, d := range docs {
		c.insert(d, tfs[i])
	}
	c.regroup(nil)
	return c.Stories()
}

// Add assigns an article to a story, rebuilding the stories of its
// neighbourhood, and returns the id of its story.
func (c *Clusterer) Add(d Doc) string {
	i, ok := c.index[d.ID]
	if !ok {
		i = c.insert(d, terms(d.Title, d.Text, d.Entities, c.o))
		c.regroup(c.component(i))
	}
	return c.storyID(c.all[i].story)
}

// insert indexes an article and links it to its neighbours.
func (c *Clusterer) insert(d Doc, tf map[string]float64) int {
	if !c.fixedIDF {
		c.docs++
		for t := range tf {
			c.df[t]++
		}
	}
	n := &doc{id: d.ID, at: d.Published, vec: c.weigh(tf), edges: map[int]float64{}}
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
	count := func(js []int) {
		for _, j := range js {
			if c.hits[j] == 0 {
				touched = append(touched, j)
			}
			c.hits[j]++
		}
	}
	top := c.topTerms(n.vec, c.o.TopTerms)
	for _, t := range top {
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

// similarity is the cosine of two articles' vectors, discounted by the time
// between them.
func (c *Clusterer) similarity(a, b *doc) float64 {
	decay := c.timeFactor(a.at, b.at)
	if decay == 0 {
		return 0
	}
	dot := 0.0
	x, y := a.vec, b.vec
	for len(x) > 0 && len(y) > 0 {
		switch {
		case x[0].term == y[0].term:
			dot += float64(x[0].weight) * float64(y[0].weight)
			x, y = x[1:], y[1:]
		case x[0].term < y[0].term:
			x = x[1:]
		default:
			y = y[1:]
		}
	}
	return dot * decay
}

func (c *Clusterer) timeFactor(a, b time.Time) float64 {
	if a.IsZero() || b.IsZero() {
		return 1
	}
	gap := math.Abs(a.Sub(b).Hours()) / 24
	switch {
	case gap > c.o.Window:
		return 0
	case gap <= c.o.Grace:
		return 1
	}
	return math.Exp(-(gap - c.o.Grace) / c.o.TimeScale)
}

// component returns the articles linked to i, directly or not.
func (c *Clusterer) component(i int) []int {
	seen := map[int]bool{i: true}
	queue := []int{i}
	for k := 0; k < len(queue); k++ {
		for j := range c.all[queue[k]].edges {
			if !seen[j] {
				seen[j] = true
				queue = append(queue, j)
			}
		}
	}
	slices.Sort(queue)
	return queue
}

// regroup rebuilds the stories of the given articles (all when nil) by
// average-link agglomeration over their links, strongest first.
func (c *Clusterer) regroup(members []int) {
	if members == nil {
		members = make([]int, len(c.all))
		for i := range members {
			members[i] = i
		}
	}
	type edge struct {
		a, b int
		s    float64
	}
	var edges []edge
	group := map[int][]int{}
	for _, i := range members {
		delete(c.stories, c.all[i].story)
		c.all[i].story = i
		group[i] = []int{i}
		c.all[i].near = c.surroundings(i)
	}
	for _, i := range members {
		for j := range c.all[i].edges {
			if s := c.link(i, j); j > i && s >= c.o.Threshold {
				edges = append(edges, edge{i, j, s})
			}
		}
	}
	slices.SortFunc(edges, func(x, y edge) int {
		return cmp.Or(cmp.Compare(y.s, x.s), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	intra := map[int]cohesion{}
	// Two groups that failed to join fail again on every other link
	// between them until one of them grows: a dense story's many links
	// would otherwise average the same two groups over and over, a cost
	// of the fourth power of its size. Each group has a version, renewed
	// when it grows, and a failure is remembered with the versions it
	// was judged at.
	version := map[int]int{}
	versions := 0
	failed := map[[2]int][2]int{}
	for _, e := range edges {
		ga, gb := c.all[e.a].story, c.all[e.b].story
		if ga == gb {
			continue
		}
		pair := [2]int{min(ga, gb), max(ga, gb)}
		if v, ok := failed[pair]; ok && v == [2]int{version[pair[0]], version[pair[1]]} {
			continue
		}
		total, inside := 0.0, cohesion{}
		for _, x := range group[ga] {
			for _, y := range group[gb] {
				s := c.link(x, y)
				total += s
				// A copy and its original are alike by construction, not
				// by telling the same event: they say nothing of how
				// tight a story is.
				if c.all[x].head != c.all[y].head {
					inside.sum += s
					inside.pairs++
				}
			}
		}
		across := total / float64(len(group[ga])*len(group[gb]))
		if across < c.o.Threshold || !c.cohesive(across, intra[ga], intra[gb]) {
			failed[pair] = [2]int{version[pair[0]], version[pair[1]]}
			continue
		}
		keep, gone := pair[0], pair[1]
		versions++
		version[keep] = versions
		for _, y := range group[gone] {
			c.all[y].story = keep
		}
		intra[keep] = cohesion{intra[ga].sum + intra[gb].sum + inside.sum, intra[ga].pairs + intra[gb].pairs + inside.pairs}
		delete(intra, gone)
		group[keep] = append(group[keep], group[gone]...)
		delete(group, gone)
	}
	for g, ms := range group {
		slices.Sort(ms)
		c.stories[g] = ms
	}
}

// link is how alike two linked articles count as being: their similarity,
// raised by Contrast when it stands out from the surroundings of both. The
// surroundings of every article of the regrouped component are set first;
// the component holds all their neighbours, so the links, and the stories,
// depend on which articles there are, not on their order.
func (c *Clusterer) link(a, b int) float64 {
	s := c.all[a].edges[b]
	x, y := c.all[a], c.all[b]
	if c.o.Contrast <= 0 || x.head == y.head {
		// A copy is as alike as can be already.
		return s
	}
	return s + c.o.Contrast*max(0, s-max(x.near, y.near))
}

// surroundings returns the similarity of article i's ContrastRank-th
// nearest report: the level a link of its must rise above to stand out.
// Copies of one original are one report, and i's own copies none. When i
// has fewer neighbours it is the least link kept, which the missing ones
// fall below.
func (c *Clusterer) surroundings(i int) float64 {
	floor := c.o.Threshold / 2
	k := c.o.ContrastRank
	if c.o.Contrast <= 0 || k <= 0 || len(c.all[i].edges) < k {
		return floor
	}
	own := c.all[i].head
	vs := c.voices[:0]
	for j, s := range c.all[i].edges {
		if h := c.all[j].head; h != own {
			vs = append(vs, voice{h, s})
		}
	}
	// Strongest first within each original; keep one per original.
	slices.SortFunc(vs, func(a, b voice) int { return cmp.Or(cmp.Compare(a.head, b.head), cmp.Compare(b.s, a.s)) })
	vs = slices.CompactFunc(vs, func(a, b voice) bool { return a.head == b.head })
	c.voices = vs
	if len(vs) < k {
		return floor
	}
	slices.SortFunc(vs, func(a, b voice) int { return cmp.Compare(b.s, a.s) })
	return max(floor, vs[k-1].s)
}

// voice is one report among an article's neighbours: the original its
// articles copy, and the nearest of them.
type voice struct {
	head int
	s    float64
}

// cohesion sums the similarities of the pairs of articles inside a story,
// copies apart.
type cohesion struct {
	sum   float64
	pairs int
}

// cohesive reports whether two groups, alike on average across as given,
// are alike enough to be one story. A single article — or an article with
// its copies — has no cohesion to keep: joining a story is the threshold's
// business alone.
func (c *Clusterer) cohesive(across float64, a, b cohesion) bool {
	if c.o.Cohesion <= 0 || a.pairs == 0 || b.pairs == 0 {
		return true
	}
	tighter := max(a.sum/float64(a.pairs), b.sum/float64(b.pairs))
	return across >= c.o.Cohesion*tighter
}

// storyID names a story by its first article, so the name holds while the
// story grows.
func (c *Clusterer) storyID(g int) string {
	ms := c.stories[g]
	first := ms[0]
	for _, m := range ms[1:] {
		a, b := c.all[m], c.all[first]
		if a.at.Before(b.at) || a.at.Equal(b.at) && a.id < b.id {
			first = m
		}
	}
	sum := sha256.Sum256([]byte(c.all[first].id))
	return "s-" + hex.EncodeToString(sum[:8])
}

// weigh turns term frequencies into a unit TF-IDF vector, with document
// frequencies from the background corpus and the articles seen.
func (c *Clusterer) weigh(tf map[string]float64) []entry {
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
		vec = append(vec, entry{id, float32(w)})
	}
	n := float32(math.Sqrt(sum))
	for k := range vec {
		vec[k].weight /= n
	}
	slices.SortFunc(vec, func(a, b entry) int { return cmp.Compare(a.term, b.term) })
	return vec
}

// Stories returns the stories, each with its articles in order of
// publication, ordered by their first article.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, 0, len(c.stories))
	for g, ms := range c.stories {
		sorted := slices.Clone(ms)
		slices.SortFunc(sorted, func(x, y int) int {
			return cmp.Or(c.all[x].at.Compare(c.all[y].at), cmp.Compare(c.all[x].id, c.all[y].id))
		})
		ids := make([]string, len(sorted))
		for k, m := range sorted {
			ids[k] = c.all[m].id
		}
		out = append(out, Story{ID: c.storyID(g), Articles: ids})
	}
	slices.SortFunc(out, func(a, b Story) int { return cmp.Compare(a.Articles[0], b.Articles[0]) })
	return out
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
