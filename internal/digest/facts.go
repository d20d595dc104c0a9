package digest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/words"
)

// statement is one article's stating of a fact: the fact as analysis read
// it, with its value normalised for the story, and the sentence it was
// read from.
type statement struct {
	art      int // the article's index in the corpus
	fact     news.Fact
	sentence *sentence // nil when the sentence is not among the article's
	context  wordSet   // the sentence's content words, stemmed lightly
}

// factGroup is one fact as the story's articles state it: one kind, unit
// and value, however each article words it.
type factGroup struct {
	fact     news.StoryFact
	phrases  map[string]int
	articles map[string]bool
	said     []statement
	first    int // the order of its first statement in the story
}

// facts gathers the figures and dates the articles state, each with the
// articles behind it, and finds where outlets give different figures for
// the same thing.
func (c *corpus) facts() ([]news.StoryFact, []news.Disagreement) {
	groups := c.groupFacts()
	return c.keyFacts(groups), c.disagreements(groups)
}

// groupFacts merges the facts of the articles by kind, unit and value, in
// the order the story first states them. Values are made comparable
// first: a date without a year takes the story's (see resolveYear).
func (c *corpus) groupFacts() []*factGroup {
	byKey := map[string]*factGroup{}
	var groups []*factGroup
	ref, hasRef := c.referenceDate()
	n := 0
	for i, a := range c.arts {
		next := 0 // the article's sentence after the last fact's: facts come in order
		for _, f := range a.Facts {
			if f.Kind == news.FactNumber && f.Unit == "" {
				continue // a bare number says little on its own
			}
			if f.Kind == news.FactDate && hasRef {
				f.Value = resolveYear(f.Value, ref)
			}
			key := f.Kind + "|" + unitKey(f.Unit) + "|" + f.Value
			g, ok := byKey[key]
			if !ok {
				g = &factGroup{fact: news.StoryFact{Value: f.Value, Unit: f.Unit, Kind: f.Kind, Qualifier: f.Qualifier},
					phrases: map[string]int{}, articles: map[string]bool{}, first: n}
				byKey[key] = g
				groups = append(groups, g)
			}
			n++
			sent, context := c.factSentence(i, f.Sentence, &next)
			g.phrases[f.Text]++
			g.articles[a.ID] = true
			g.said = append(g.said, statement{art: i, fact: f, sentence: sent, context: context})
		}
	}
	return groups
}

// keyFacts makes the story's facts of its groups: the trivial left out,
// each told by its most used wording with a sentence that states it, the
// ones most outlets back first and, among those, the ones closest to what
// the story is about.
func (c *corpus) keyFacts(groups []*factGroup) []news.StoryFact {
	type ranked struct {
		fact       news.StoryFact
		centrality float64
		first      int
	}
	var keep []ranked
	titles := c.titleVocabulary()
	for _, g := range groups {
		f := g.fact
		f.Text = mostUsed(g.phrases, true)
		f.Articles = sortedKeys(g.articles)
		f.Outlets = c.voices(f.Articles)
		if trivial(f) {
			continue
		}
		said, centrality := c.centralStatement(g, titles)
		f.Sentence = said.fact.Sentence
		keep = append(keep, ranked{fact: f, centrality: centrality, first: g.first})
	}
	slices.SortFunc(keep, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.fact.Outlets, a.fact.Outlets), cmp.Compare(b.centrality, a.centrality), cmp.Compare(a.first, b.first))
	})
	facts := make([]news.StoryFact, len(keep))
	for i, r := range keep {
		facts[i] = r.fact
	}
	return facts
}

// smallCount is the count below which a count of people or things tells
// who acts ("two lawmakers", "three officials said") rather than a
// figure the story turns on. Such a count is kept when more than one
// outlet gives it, as an event's small toll is, or when it is hedged
// ("at least two civilians"): a hedge marks a figure someone measured.
const smallCount = 10

// trivial tells a fact an editor need not check: a year, a month or a
// decade alone names a period, not the day of an event ("2014",
// "April", "the 1990s"), and a small bare count one outlet gives
// describes rather than measures (see smallCount).
func trivial(f news.StoryFact) bool {
	switch f.Kind {
	case news.FactDate:
		return !isDay(f.Value)
	case news.FactCount:
		v, err := strconv.ParseFloat(f.Value, 64)
		return err == nil && v < smallCount && f.Outlets < 2 && f.Qualifier == ""
	}
	return false
}

// isDay tells a date written to the day: "2022-01-26", or "--01-26" when
// no article of the story gives the year.
func isDay(v string) bool {
	if rest, ok := strings.CutPrefix(v, "--"); ok {
		v = "2000-" + rest // a leap year, for "--02-29"
	}
	_, err := time.Parse(time.DateOnly, v)
	return err == nil
}

// titleVocabulary is the set of the content words of the story's titles:
// what its articles lead with.
func (c *corpus) titleVocabulary() wordSet {
	var ids []int32
	for _, t := range c.titleWords {
		ids = append(ids, t...)
	}
	return newWordSet(ids)
}

// centralStatement returns the statement of a fact closest to what the
// story is about, the first of those equally close, and how close it is:
// the share of its sentence's words that the story's titles use. Its
// sentence is the one to show the fact in, and its closeness ranks the
// fact.
func (c *corpus) centralStatement(g *factGroup, titles wordSet) (statement, float64) {
	best, bestShare := g.said[0], -1.0
	for _, s := range g.said {
		share := 0.0
		if s.sentence != nil {
			share = overlap(s.sentence.words, titles)
		}
		if share > bestShare {
			best, bestShare = s, share
		}
	}
	return best, bestShare
}

// referenceDate is the date the story's articles were first published,
// which a date the text gives without a year is read against.
func (c *corpus) referenceDate() (time.Time, bool) {
	var first string
	for _, a := range c.arts {
		if p := a.Published; p != "" && (first == "" || p < first) {
			first = p
		}
	}
	if len(first) < len(time.DateOnly) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, first[:len(time.DateOnly)])
	return t, err == nil
}

// resolveYear gives a date without a year ("--01-26", "--04": analysis
// writes so when an article has no date of its own) the year that puts
// it nearest ref, so that "January 26" in an undated article and "Jan.
// 26" in a dated one are one fact. Other values are returned as they are.
func resolveYear(v string, ref time.Time) string {
	rest, ok := strings.CutPrefix(v, "--")
	if !ok {
		return v
	}
	layout, out := "2006-01-02", "2006-01-02"
	if len(rest) == len("01") {
		layout, out = "2006-01", "2006-01"
	}
	best, bestGap := v, time.Duration(-1)
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		t, err := time.Parse(layout, strconv.Itoa(y)+"-"+rest)
		if err != nil {
			return v
		}
		gap := t.Sub(ref)
		if gap < 0 {
			gap = -gap
		}
		if bestGap < 0 || gap < bestGap {
			best, bestGap = t.Format(out), gap
		}
	}
	return best
}

// factSentence returns the sentence of article i that a fact was read
// from, and its content words stemmed lightly. Analysis split the article
// as the corpus does, so the sentence is found among the article's, from
// *next on, and its words are not split again; a sentence not found is
// split here, and returned as nil.
func (c *corpus) factSentence(i int, text string, next *int) (*sentence, wordSet) {
	sents := c.sents[i]
	for k := range sents {
		s := &sents[(*next+k)%len(sents)]
		if s.text != text {
			continue
		}
		*next = s.pos
		if s.stemmed == nil {
			ids := make([]int32, len(s.words))
			for j, w := range s.words {
				ids[j] = c.lex.stem(w)
			}
			s.stemmed = newWordSet(ids)
		}
		return s, s.stemmed
	}
	return nil, c.stemmedContent(text)
}

// stemmedContent returns the content words of text, each stemmed lightly.
func (c *corpus) stemmedContent(text string) wordSet {
	var ids []int32
	for _, w := range words.Split(text) {
		if e := c.lex.entry(w); isContent(w, e) {
			ids = append(ids, c.lex.stem(e.id))
		}
	}
	return newWordSet(ids)
}

func topic(f news.StoryFact) string {
	switch f.Kind {
	case news.FactAmount:
		return "amount in " + f.Unit
	case news.FactPercent:
		return "share (%)"
	case news.FactDuration:
		return "duration in " + f.Unit
	}
	return "number of " + f.Unit
}

// unitKey folds a unit's plural and case: "Troops" and "troop" are one.
func unitKey(u string) string { return stemLight(strings.ToLower(strings.TrimSpace(u))) }

// stemLight strips a plural or possessive s, enough to match "Ukraine's"
// with "Ukraine" and "troops" with "troop".
func stemLight(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

func isNumber(w string) bool {
	_, err := strconv.ParseFloat(w, 64)
	return err == nil
}
