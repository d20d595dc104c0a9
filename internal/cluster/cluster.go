// Package cluster groups articles into stories, whatever their language.
// Each article is compared with the articles near it in time that share
// its strongest terms — found through an inverted index, never by comparing
// all pairs — and the stories are built by average-link agglomeration: two
// groups join only when their articles are, on average, alike enough. The
// result depends on which articles there are, not on the order they came
// in.
//
// Production runs Cluster: a batch (the articles of `chorus digest`, or a
// span of days that a story update reads back from the store) with word
// weights learnt from the whole batch. Clusterer.Add, one article at a time,
// serves the tests that pin that the two agree.
//
// The package's files: features.go reads an article's terms (words of its
// language) and anchors (what languages share: names, places, figures,
// dates, ordinals); index.go weighs them and finds each article's
// neighbours; similarity.go is the one place two articles are compared (a
// new signal is a term there); group.go agglomerates the links into
// stories, with the guards that keep look-alike events apart.
package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"runtime"
	"slices"
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
	// NextDay is how many days apart two articles dated the next day to
	// each other by their day alone count as being. Their midnights are a
	// day apart, but either may be of any hour: the evening's report and
	// the next morning's may be an hour apart.
	NextDay float64
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
	// to be compared with it in full; one of its StrongTerms strongest
	// counts for MinShared.
	MinShared, StrongTerms int
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
	// AnchorWords is how many words of an article its anchors — names,
	// figures, dates, the terms languages share — are read from; TopAnchors
	// how many of the strongest index it beside its TopTerms.
	AnchorWords, TopAnchors int
	// CrossWeight scales the cosine of two articles' anchors to stand
	// beside the cosine of their words: it is their link when they are in
	// different languages (in one language, words say all that anchors
	// would: letting anchors link there too lost 0.01–0.02 of pairwise F1
	// on multilingual-dev).
	CrossWeight float64
	// OrdinalClash scales the link of two undated articles whose leads
	// say ordinals ("the second flight", "su primer vuelo") and none in
	// common: the first flight and the second are look-alike events, and
	// no date tells them apart. 1 turns it off.
	OrdinalClash float64
}

// DefaultOptions are the settings measured best on AllSides dev (850 English
// articles, 291 events) and multilingual-dev (157 pages, 13 languages, 28
// events, look-alikes among them), through the pipeline with
// score_clusters.py: AllSides pairwise P/R/F1 0.954/0.935/0.944, BCubed
// 0.968; multilingual-dev 1.000/0.989/0.994, BCubed 0.995, no look-alike
// pair in one story. They sit on a plateau on multilingual-dev: pairwise
// F1 0.964–0.994 for CrossWeight 1.5–3 and 0.978–0.994 for Threshold
// 0.11–0.15. NextDay trades the two sets:
// 0.5 keeps multilingual-dev and costs AllSides 0.024 (its every event is
// of one day), 1 the reverse (0.985 and 0.948). StrongTerms 5 compares two
// articles sharing one of either's five strongest words however little
// else they share: AllSides 0.937 → 0.943 over MinShared 2 alone, nearly
// what MinShared 1 gives (0.944) with half its comparisons in a dense
// stream (chorus bench: similarity 0.92 → 0.42 s over 20,000 articles).
//
// Before the multilingual work, on AllSides alone: pairwise
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
	return Options{Threshold: 0.13, Grace: 0.5, TimeScale: 0.5, NextDay: 0.75, Window: 7, TitleWeight: 3, ProperWeight: 1, EntityWeight: 1, MaxWords: 60, TopTerms: 25, MinShared: 2, StrongTerms: 5, Background: 0.25, Cohesion: 0.5, Contrast: 2, ContrastRank: 3, AnchorWords: 300, TopAnchors: 15, CrossWeight: 2, OrdinalClash: 0.5}
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
	// Day tells that Published names a day, not a moment: the article may
	// be of any time that day.
	Day      bool
	Language string // ISO 639-1; "" when unknown
	Title    string
	Text     string
	Entities []string
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
	id       string
	at       time.Time
	day      bool            // at is a day, not a moment
	lang     string          // "" when unknown
	vec      []entry         // its words, sorted by term
	anchors  []entry         // its language-independent terms, sorted by term
	ordinals uint16          // an undated article's lead's ordinals, as bits (see ordinalsOf)
	strong   []uint32        // its StrongTerms strongest words
	edges    map[int]float64 // neighbour → similarity
	story    int
	head     int     // the original this article copies, itself when none
	near     float64 // its surroundings, for Contrast: set by regroup
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
	// Anchors only link languages: a batch of one language needs none.
	fo := o
	if !severalLanguages(docs) {
		fo.CrossWeight = 0
	}
	tfs := make([]features, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(docs)/64)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				tfs[i] = featuresOf(docs[i], fo)
			}
		})
	}
	wg.Wait()
	keepShared(docs, tfs)
	for i := range docs {
		tfs[i].count(c.df)
	}
	c.docs = len(docs)
	for i, d := range docs {
		c.insert(d, tfs[i])
	}
	c.regroup(nil)
	return c.Stories()
}

// severalLanguages tells whether the articles are in more than one
// language, an unknown one counting as different from a known one.
func severalLanguages(docs []Doc) bool {
	for _, d := range docs[min(1, len(docs)):] {
		if d.Language != docs[0].Language {
			return true
		}
	}
	return false
}

// Add assigns an article to a story, rebuilding the stories of its
// neighbourhood, and returns the id of its story.
func (c *Clusterer) Add(d Doc) string {
	i, ok := c.index[d.ID]
	if !ok {
		i = c.insert(d, featuresOf(d, c.o))
		c.regroup(c.component(i))
	}
	return c.storyID(c.all[i].story)
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
