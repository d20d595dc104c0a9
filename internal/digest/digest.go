// Package digest turns a story's articles into its digest: a neutral title,
// a short summary whose every sentence cites the articles that support it,
// quotes merged across outlets, facts with their support, the points where
// outlets disagree, and the entities named, with their spelling variants
// merged. Copies of an article (duplicate_of) are cited but never count as
// independent support.
//
// A story may gather articles in many languages. Its title and summary are
// told in one of them — the story's main language, or the one asked for —
// from the articles written in it; a summary sentence cites the articles of
// its own language that say the same in words, and those of other
// languages that share enough of its names, places, figures and dates
// (see anchors.go).
package digest

import (
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/words"
)

// Options tunes the digest. DefaultOptions holds the defaults.
type Options struct {
	// MinSummary and MaxSummary bound the summary's length in sentences.
	MinSummary, MaxSummary int
	// Support is the share of a summary sentence's content words that
	// another article's sentence must hold to support it.
	Support float64
	// Redundancy is the overlap above which a candidate sentence repeats
	// one already chosen.
	Redundancy float64
	// PositionDecay discounts a sentence by its place in its article:
	// news puts the event first.
	PositionDecay float64
	// Reported and Figures favour a sentence that reports the event: one
	// that attributes what it says ("said", "according to") or carries a
	// figure (a count, an amount, a date) states a fact rather than comment.
	// Each is the bonus, as a share of the sentence's score.
	Reported, Figures float64
	// Coverage weighs a sentence by its article's share of content words
	// that other outlets also use, raised to this power: an article that
	// tells the story the others tell speaks for it better than a column
	// that merely touches it.
	Coverage float64
	// Novelty weighs what a sentence adds to the summary so far: the
	// content words it holds that other outlets also use and no sentence
	// picked holds yet, each counted once per article besides one that
	// uses it, per word of the sentence. It favours the sentence that
	// tells a further fact the story's outlets share over one that tells
	// the lead again in other words.
	Novelty float64
	// QuotesShown is how many quotes a digest shows by default, about a
	// screenful; the story keeps the rest after them (see rankQuotes).
	QuotesShown int
	// Lang is the language (ISO 639-1) to tell the title and summary in,
	// when some article of the story is written in it; "" or a language
	// no article is in: the story's main language.
	Lang string
}

// DefaultOptions are the measured defaults.
func DefaultOptions() Options {
	return Options{MinSummary: 3, MaxSummary: 7, Support: 0.5, Redundancy: 0.45, PositionDecay: 0.1, Reported: 0.3, Figures: 0.3, Coverage: 1, Novelty: 1, QuotesShown: 8}
}

// Build makes the digest of one story from its articles.
func Build(id string, arts []news.Analyzed, o Options) news.Story {
	arts = byPublication(arts)
	s := news.Story{ID: id, Articles: []string{}, Outlets: []string{}}
	outlets := map[string]bool{}
	for _, a := range arts {
		s.Articles = append(s.Articles, a.ID)
		if o := a.Outlet; o != "" && !outlets[o] {
			outlets[o] = true
			s.Outlets = append(s.Outlets, o)
		}
		if a.Published != "" {
			if s.FirstPublished == "" || a.Published < s.FirstPublished {
				s.FirstPublished = a.Published
			}
			if a.Published > s.LastPublished {
				s.LastPublished = a.Published
			}
		}
	}
	slices.Sort(s.Outlets)
	c := newCorpus(arts, o)
	s.Language, s.Languages, s.SummaryLanguage = c.main, c.count, c.tell
	s.Title = c.title()
	s.Summary = c.summary(o)
	s.Quotes, s.QuotesShown = c.quotes(o)
	s.Facts, s.Disagreements = c.facts()
	s.Entities = c.entities()
	return s
}

// corpus is a story's articles prepared for comparison.
type corpus struct {
	arts []news.Analyzed
	// independent is the "voice" of each article: the article itself, or
	// the original it copies, so that copies count once.
	voice map[string]string
	// original tells, by article, one that is its own voice: not a copy.
	original []bool
	lex      *lexicon
	sents    [][]sentence // per article
	// textWords and titleWords hold, by article, the content words of
	// its text and of its title.
	textWords, titleWords []wordSet
	// lang is, by article, its language: the story's main language when
	// its own is unknown. main and count are the story's main language
	// and its articles by language (see languages); tell is the language
	// of the title and summary.
	lang       []string
	main, tell string
	count      map[string]int
	// anchors are, by article and sentence, the anchors of a story of
	// several languages; rarity is, by number, the weight of an anchor,
	// and chance the least weight the anchors two sentences share must
	// have (see readAnchors and crossSupport).
	anchors [][]anchored
	rarity  []float64
	chance  float64
	// ents are the story's entities, merged (see mergeEntities).
	ents *storyEntities
}

func newCorpus(arts []news.Analyzed, o Options) *corpus {
	in := map[string]bool{}
	size := 0
	for _, a := range arts {
		in[a.ID] = true
		size += len(a.Text)
	}
	// The stories of AllSides dev (two or three articles) have a distinct
	// word per 9 or 10 bytes of text; longer ones have fewer, as their
	// articles repeat each other. Sizing the lexicon so spares it
	// growing, a rehash at each doubling.
	c := &corpus{arts: arts, voice: map[string]string{}, original: make([]bool, len(arts)), lex: newLexicon(64 + size/10)}
	for i, a := range arts {
		v := a.ID
		if a.DuplicateOf != "" && in[a.DuplicateOf] {
			v = a.DuplicateOf
		}
		c.voice[a.ID] = v
		c.original[i] = v == a.ID
	}
	c.main, c.count = languages(arts)
	c.tell = told(c.main, c.count, o.Lang)
	c.lang = make([]string, len(arts))
	for i, a := range arts {
		if c.lang[i] = news.LangCode(a.Language); c.lang[i] == "" {
			c.lang[i] = c.main
		}
	}
	c.sents = make([][]sentence, len(arts))
	c.textWords = make([]wordSet, len(arts))
	c.titleWords = make([]wordSet, len(arts))
	for i, a := range arts {
		stop := stopWords(c.lang[i])
		c.sents[i], c.textWords[i] = c.splitSentences(a.Text, stop)
		c.titleWords[i] = c.lex.contentSetIn(a.Title, stop)
	}
	if c.multilingual() {
		c.readAnchors()
	}
	return c
}

// multilingual tells a story of more than one language: an article of
// unknown language is in the main one.
func (c *corpus) multilingual() bool { return len(c.count) > 1 }

// stopWords returns the test for the stop words of lang ("der", "la",
// "что"), which a text in lang leaves out of its content words besides the
// function words; nil for English, whose function words are all, and for
// an unknown language.
func stopWords(lang string) func(string) bool {
	if lang == "" || lang == "en" {
		return nil
	}
	return words.For(lang).Stop
}

// voices counts the independent articles among ids.
func (c *corpus) voices(ids []string) int {
	seen := map[string]bool{}
	for _, id := range ids {
		seen[c.voice[id]] = true
	}
	return len(seen)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func lowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
