package digest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
)

type quoteGroup struct {
	texts    map[string]int // wording → how many articles use it
	speakers map[string]int
	cue      string
	direct   bool
	articles map[string]bool
	words    wordSet // of the longest wording
	first    int     // order of first appearance
}

// quotes merges the quotes of all articles: the same words with small
// differences ("We make clear…" / "We made clear…"), or one outlet quoting
// part of what another quotes in full, are one quote with variants, cited to
// every article that carries it. A speaker is named as the story's entities
// are (see bestName), so that Sergei Lavrov and Sergey Lavrov speak as one,
// by the name the entity list shows; a quote no article gives a speaker is
// left out. Direct quotes come first, then by support.
func (c *corpus) quotes() []news.StoryQuote {
	var groups []*quoteGroup
	names := c.speakerNames()
	ents := c.mergeEntities()
	n := 0
	for ai, a := range c.arts {
		for _, q := range a.Quotes {
			text := strings.TrimSpace(q.Text)
			ws := c.lex.contentSet(text)
			if len(ws) < 3 || !q.Direct && !names.credible(q.Speaker) {
				continue
			}
			var g *quoteGroup
			for _, cand := range groups {
				if cand.direct == q.Direct && sameQuote(ws, cand.words) {
					g = cand
					break
				}
			}
			if g == nil {
				g = &quoteGroup{texts: map[string]int{}, speakers: map[string]int{}, articles: map[string]bool{}, cue: q.Cue, direct: q.Direct, first: n}
				groups = append(groups, g)
			}
			n++
			g.texts[text]++
			if sp := ents.shown(ai, q.Speaker); strings.TrimSpace(sp) != "" {
				g.speakers[sp]++
			}
			g.articles[a.ID] = true
			if len(ws) > len(g.words) {
				g.words = ws
			}
		}
	}
	out := make([]news.StoryQuote, 0, len(groups))
	order := make([]int, 0, len(groups))
	for _, g := range groups {
		if len(g.speakers) == 0 {
			continue // said by no one the articles name
		}
		text := mostUsed(g.texts, true)
		var variants []string
		for t := range g.texts {
			if t != text {
				variants = append(variants, t)
			}
		}
		slices.Sort(variants)
		if variants == nil {
			variants = []string{}
		}
		out = append(out, news.StoryQuote{
			Speaker: mostUsed(g.speakers, true), Text: text, Articles: sortedKeys(g.articles),
			Variants: variants, Cue: g.cue, Direct: g.direct,
		})
		order = append(order, g.first)
	}
	idx := make([]int, len(out))
	voices := make([]int, len(out))
	for i := range idx {
		idx[i] = i
		voices[i] = c.voices(out[i].Articles)
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(boolFirst(out[a].Direct, out[b].Direct), cmp.Compare(voices[b], voices[a]), cmp.Compare(order[a], order[b]))
	})
	sorted := make([]news.StoryQuote, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	return sorted
}

// sameQuote tells two quotations apart from rewordings of one: most words
// shared, or one contained in the other.
func sameQuote(a, b wordSet) bool {
	inter := shared(a, b)
	small := min(len(a), len(b))
	union := len(a) + len(b) - inter
	return small > 0 && (float64(inter)/float64(union) >= 0.6 || float64(inter)/float64(small) >= 0.85)
}

// mostUsed returns the key with the highest count; ties go to the longer
// key when preferLong, then to the first in order.
func mostUsed(m map[string]int, preferLong bool) string {
	best, bestN := "", -1
	for k, n := range m {
		switch {
		case n > bestN, n == bestN && preferLong && len(k) > len(best), n == bestN && len(k) == len(best) && k < best:
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
