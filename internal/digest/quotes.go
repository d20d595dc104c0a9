package digest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/words"
)

// quoteGroup is one statement as the story's articles report it.
type quoteGroup struct {
	// wordings counts the quotes that give the statement in each
	// wording; verbatim tells the wordings in quotation marks.
	wordings map[string]int
	verbatim map[string]bool
	// stems are, by wording, its content words stemmed: what two
	// wordings are compared by.
	stems    map[string]wordSet
	speakers map[string]int
	// speaker is the entity that says it, for comparing speakers: the
	// name shown, lower case.
	speaker string
	// kinds counts what the articles say the speaker is (a person, an
	// institution, a publication reporting what it published).
	kinds    map[string]int
	cue      string
	articles map[string]bool
	first    int // order of first appearance
}

// quotes merges the quotes of all articles into statements: the same
// words with small differences ("We make clear…" / "We made clear…"), one
// outlet quoting part of what another quotes in full, or one quoting
// verbatim what another reports in its own words, are one statement with
// its wordings, cited to every article that carries it. A speaker is named
// as the story's entities are (see bestName), so that Sergei Lavrov and
// Sergey Lavrov speak as one, by the name the entity list shows; a quote
// no article gives a speaker is left out. It returns the statements
// ranked (see rankQuotes) and how many of the first a digest shows, at
// most o.QuotesShown.
func (c *corpus) quotes(o Options) (out []news.StoryQuote, shown int) {
	groups := c.groupQuotes()
	out = make([]news.StoryQuote, 0, len(groups))
	var weights []quoteWeight
	for _, g := range groups {
		if len(g.speakers) == 0 {
			continue // said by no one the articles name
		}
		out = append(out, g.storyQuote())
		weights = append(weights, quoteWeight{first: g.first, speaker: g.speaker})
	}
	prominence := c.speakerProminence()
	for k := range out {
		out[k].Outlets = c.voices(out[k].Articles)
		weights[k].prominence = prominence[weights[k].speaker]
	}
	return rankQuotes(out, weights, o.QuotesShown)
}

// groupQuotes gathers the quotes of every article into the statements
// they report, in order of first appearance.
func (c *corpus) groupQuotes() []*quoteGroup {
	var groups []*quoteGroup
	names := c.speakerNames()
	ents := c.mergeEntities()
	stems := stemmer{c: c, of: map[stemKey]int32{}}
	n := 0
	for ai, a := range c.arts {
		lex := words.For(c.lang[ai])
		for _, q := range a.Quotes {
			if q.Stance != "" || !q.Direct && !names.credible(q.Speaker) {
				continue // a mind, not words; no one to say it
			}
			text := tidyQuote(q.Text)
			ws := stems.contentStems(text, lex)
			if tooSlight(q, ws) {
				continue
			}
			speaker := strings.TrimSpace(ents.shown(ai, q.Speaker))
			speakerKey := lowerTrim(speaker) // as quoteGroup.speaker is kept
			var g *quoteGroup
			for _, cand := range groups {
				if cand.reports(ws, speaker != "" && speakerKey == cand.speaker) {
					g = cand
					break
				}
			}
			if g == nil {
				g = &quoteGroup{wordings: map[string]int{}, verbatim: map[string]bool{}, stems: map[string]wordSet{},
					speakers: map[string]int{}, kinds: map[string]int{}, articles: map[string]bool{}, cue: q.Cue, first: n}
				groups = append(groups, g)
			}
			n++
			g.wordings[text]++
			g.verbatim[text] = g.verbatim[text] || q.Direct
			g.stems[text] = ws
			if speaker != "" {
				g.speakers[speaker]++
				g.speaker = lowerTrim(mostUsed(g.speakers, true))
			}
			g.articles[a.ID] = true
			if q.SpeakerKind != "" {
				g.kinds[q.SpeakerKind]++
			}
		}
	}
	return groups
}

// tidyQuote trims a quote's text for the digest, and the comma that led
// back to the writer's words ("…has the best chance to succeed,\" he
// said"), which ends nothing once the quote stands alone.
func tidyQuote(text string) string {
	text = strings.TrimSpace(text)
	for _, closing := range []string{"\"", "”", "’", "'", ""} {
		if strings.HasSuffix(text, ","+closing) {
			return strings.TrimSpace(strings.TrimSuffix(text, ","+closing)) + closing
		}
	}
	return text
}

// tooSlight tells a quote too slight for a digest: fewer than three
// content words ("serious path", scare quotes around a phrase), unless
// it is a verbatim sentence of its own ("We have run out of patience"),
// which says much in few content words.
func tooSlight(q news.Quote, ws wordSet) bool {
	if len(ws) >= 3 {
		return false
	}
	return !q.Direct || len(ws) < 2 || len(strings.Fields(q.Text)) < 5
}

// stemmer stems the words of a story's quotes, each word of a language
// once: a digest meets the same words in quote after quote.
type stemmer struct {
	c  *corpus
	of map[stemKey]int32
}

type stemKey struct {
	lex  *words.Lexicon
	word int32
}

// contentStems returns the content words of text, a quote in the language
// of lex, stemmed, so that "demands" and "demand", "caved" and "cave"
// meet.
func (x stemmer) contentStems(text string, lex *words.Lexicon) wordSet {
	var ids []int32
	for _, w := range words.Split(text) {
		e := x.c.lex.entry(w)
		if !isContent(w, e) || lex.Stop(w) {
			continue
		}
		k := stemKey{lex, e.id}
		stem, ok := x.of[k]
		if !ok {
			stem = x.c.lex.entry(lex.Stem(w)).id
			x.of[k] = stem
		}
		ids = append(ids, stem)
	}
	return newWordSet(ids)
}

// reports tells whether a quote of the words ws is one of the wordings of
// g's statement (see sameStatement); sameSpeaker, that the quote is said
// by the speaker of g.
func (g *quoteGroup) reports(ws wordSet, sameSpeaker bool) bool {
	for _, other := range g.stems {
		if sameStatement(ws, other, sameSpeaker) {
			return true
		}
	}
	return false
}

// sameStatement tells two quotations of one statement from two
// statements: most words shared, or one contained in the other; or, when
// one speaker says both, half the words of the shorter and at least
// minRewordingShared of them, as an outlet that rewords what the speaker
// said keeps its names and its key words ("the U.S. has not caved in to
// Russia's demands to halt NATO expansion" / "the U.S. didn't cave in to
// Russia's demand for a guarantee that NATO won't expand").
func sameStatement(a, b wordSet, sameSpeaker bool) bool {
	inter := shared(a, b)
	small := min(len(a), len(b))
	if small == 0 {
		return false
	}
	union := len(a) + len(b) - inter
	if float64(inter)/float64(union) >= 0.6 || float64(inter)/float64(small) >= 0.85 {
		return true
	}
	return sameSpeaker && inter >= minRewordingShared && float64(inter)/float64(small) >= 0.5
}

// minRewordingShared is how many words a rewording shares at least with
// another wording of the same speaker's statement: two or three are
// the topic of the story, which all its statements share.
const minRewordingShared = 4

// storyQuote is the statement as the digest shows it: in the words most
// outlets quote verbatim when any does (the longest on a tie), else in
// those most of them report; the other verbatim wordings are its
// variants, and the outlets' reported renderings of a verbatim quote its
// paraphrases.
func (g *quoteGroup) storyQuote() news.StoryQuote {
	direct := false
	for _, v := range g.verbatim {
		direct = direct || v
	}
	candidates := g.wordings
	if direct {
		candidates = map[string]int{}
		for t, n := range g.wordings {
			if g.verbatim[t] {
				candidates[t] = n
			}
		}
	}
	text := mostUsed(candidates, true)
	q := news.StoryQuote{Speaker: mostUsed(g.speakers, true), Text: text, Articles: sortedKeys(g.articles),
		Variants: []string{}, Cue: g.cue, Direct: direct, SpeakerKind: mostUsed(g.kinds, false)}
	for t := range g.wordings {
		switch {
		case t == text:
		case direct && !g.verbatim[t]:
			q.Paraphrases = append(q.Paraphrases, t)
		default:
			q.Variants = append(q.Variants, t)
		}
	}
	slices.Sort(q.Variants)
	slices.Sort(q.Paraphrases)
	return q
}

// quoteWeight is what ranks a statement besides its outlets.
type quoteWeight struct {
	speaker    string
	prominence int // mentions of its speaker in the story
	first      int
}

// quotesPerSpeaker is how many statements of one speaker a digest shows
// while other voices wait: the main actor's third remark matters less
// than a second voice's first.
const quotesPerSpeaker = 2

// rankQuotes orders the statements as a digest shows them: verbatim quotes
// before reported speech; among each, those more independent outlets
// carry first, then those of the story's main actors (the speakers it
// mentions most), then in order of appearance. Up to max of them are
// shown: the first in rank, no more than quotesPerSpeaker by one speaker,
// then, while there is room, the next in rank whoever says them. The
// shown come first, then the rest, each in rank. It returns the quotes and
// how many are shown.
func rankQuotes(qs []news.StoryQuote, ws []quoteWeight, max int) ([]news.StoryQuote, int) {
	idx := make([]int, len(qs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(boolFirst(qs[a].Direct, qs[b].Direct), cmp.Compare(qs[b].Outlets, qs[a].Outlets),
			cmp.Compare(ws[b].prominence, ws[a].prominence), cmp.Compare(ws[a].first, ws[b].first))
	})
	shown := make([]bool, len(qs))
	n := 0
	bySpeaker := map[string]int{}
	for _, k := range idx {
		if n < max && bySpeaker[ws[k].speaker] < quotesPerSpeaker {
			bySpeaker[ws[k].speaker]++
			shown[k] = true
			n++
		}
	}
	for _, k := range idx {
		if n < max && !shown[k] {
			shown[k] = true
			n++
		}
	}
	out := make([]news.StoryQuote, 0, len(qs))
	for _, first := range []bool{true, false} {
		for _, k := range idx {
			if shown[k] == first {
				out = append(out, qs[k])
			}
		}
	}
	return out, n
}

// speakerProminence counts, by the name the story shows an entity by
// (lower case), how often its articles mention it.
func (c *corpus) speakerProminence() map[string]int {
	x := c.mergeEntities()
	out := map[string]int{}
	for _, g := range x.groups {
		if g.into < 0 {
			out[lowerTrim(g.shown)] = g.mentions
		}
	}
	return out
}

// mostUsed returns the key with the highest count; ties go to the longer
// key when preferLong, then to the first in order.
func mostUsed(m map[string]int, preferLong bool) string {
	best, bestN := "", -1
	for k, n := range m {
		switch {
		case n > bestN,
			n == bestN && preferLong && len(k) > len(best),
			n == bestN && (!preferLong || len(k) == len(best)) && k < best:
			best, bestN = k, n
		}
	}
	return best
}

func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// speakerIndex holds the names (lower case) of people and organisations,
// who can make a statement, unlike a place or a nationality ("Russian",
// "Washington").
type speakerIndex map[string]bool

// sourceWords mark an unnamed but real source: "a senior official", "the
// ministry's spokesman".
var sourceWords = []string{"official", "spokes", "source", "minist", "department", "government", "aide", "adviser", "advisor",
	"police", "agency", "office", "committee", "council", "court", "report", "statement", "analyst", "expert", "diplomat", "lawmaker"}

// credible tells a speaker fit to be reported in a digest: a person or
// organisation the articles name, or an unnamed official source. A reported
// statement pinned on a place or an adjective is more likely a misreading.
func (x speakerIndex) credible(speaker string) bool {
	s := lowerTrim(speaker)
	if x[s] {
		return true
	}
	for _, w := range sourceWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (c *corpus) speakerNames() speakerIndex {
	speaks := speakerIndex{}
	for _, a := range c.arts {
		for _, e := range a.Entities {
			if e.Key == "" || e.Type != news.Person && e.Type != news.Organization {
				continue
			}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				speaks[lowerTrim(n)] = true
			}
		}
	}
	return speaks
}
