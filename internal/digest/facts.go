package digest

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/words"
)

type factGroup struct {
	fact     news.StoryFact
	phrases  map[string]int
	articles map[string]bool
	context  wordSet // content words of the sentences stating it, stemmed lightly
	first    int
}

// facts gathers the figures and dates the articles state, each with the
// articles behind it, and finds where outlets give different figures for
// the same thing.
func (c *corpus) facts() ([]news.StoryFact, []news.Disagreement) {
	groups := map[string]*factGroup{}
	var order []string
	n := 0
	for i, a := range c.arts {
		next := 0 // the article's sentence after the last fact's: facts come in order
		for _, f := range a.Facts {
			if f.Kind == news.FactNumber && f.Unit == "" {
				continue // a bare number says little on its own
			}
			key := f.Kind + "|" + unitKey(f.Unit) + "|" + f.Value
			g, ok := groups[key]
			if !ok {
				g = &factGroup{fact: news.StoryFact{Value: f.Value, Unit: f.Unit, Kind: f.Kind, Qualifier: f.Qualifier},
					phrases: map[string]int{}, articles: map[string]bool{}, first: n}
				groups[key] = g
				order = append(order, key)
			}
			n++
			g.phrases[f.Text]++
			g.articles[a.ID] = true
			g.context = append(g.context, c.factContext(i, f.Sentence, &next)...)
		}
	}
	for _, g := range groups {
		g.context = newWordSet(g.context)
	}
	var facts []news.StoryFact
	for _, k := range order {
		g := groups[k]
		g.fact.Text = mostUsed(g.phrases, true)
		g.fact.Articles = sortedKeys(g.articles)
		g.fact.Outlets = c.voices(g.fact.Articles)
		facts = append(facts, g.fact)
	}
	slices.SortStableFunc(facts, func(a, b news.StoryFact) int {
		return cmp.Compare(b.Outlets, a.Outlets)
	})
	if facts == nil {
		facts = []news.StoryFact{}
	}
	return facts, c.disagreements(groups, order)
}

// disagreements pairs figures of the same kind and unit whose sentences
// speak of the same thing but whose values differ: "more than 100,000
// troops" against "over 120,000 troops".
func (c *corpus) disagreements(groups map[string]*factGroup, order []string) []news.Disagreement {
	byUnit := map[string][]*factGroup{}
	var units []string
	for _, k := range order {
		g := groups[k]
		switch g.fact.Kind {
		case news.FactCount, news.FactAmount, news.FactPercent, news.FactDuration:
		default:
			continue
		}
		u := g.fact.Kind + "|" + unitKey(g.fact.Unit)
		if _, ok := byUnit[u]; !ok {
			units = append(units, u)
		}
		byUnit[u] = append(byUnit[u], g)
	}
	out := []news.Disagreement{}
	for _, u := range units {
		gs := byUnit[u]
		if len(gs) < 2 {
			continue
		}
		// Keep the figures that some other, differing figure speaks of in
		// the same terms.
		in := map[int]bool{}
		for i := range gs {
			for j := i + 1; j < len(gs); j++ {
				if differ(gs[i].fact.Value, gs[j].fact.Value) && c.sameSubject(gs[i], gs[j], gs[i].fact.Unit) && c.distinctVoices(gs[i], gs[j]) {
					in[i], in[j] = true, true
				}
			}
		}
		if len(in) < 2 {
			continue
		}
		d := news.Disagreement{Topic: topic(gs[0].fact)}
		for i, g := range gs {
			if in[i] {
				d.Claims = append(d.Claims, news.Cited{Text: mostUsed(g.phrases, true), Articles: sortedKeys(g.articles)})
			}
		}
		out = append(out, d)
	}
	return out
}

// distinctVoices tells whether two figures come from different outlets'
// own reporting, not from one article and its copy.
func (c *corpus) distinctVoices(a, b *factGroup) bool {
	va := map[string]bool{}
	for id := range a.articles {
		va[c.voice[id]] = true
	}
	for id := range b.articles {
		if !va[c.voice[id]] {
			return true
		}
	}
	return false
}

// differ tells two values apart by more than rounding: 100,000 and 120,000
// differ; 268000000 and 268000001 do not.
func differ(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA != nil || errB != nil {
		return a != b
	}
	return math.Abs(x-y) > 0.02*math.Max(math.Abs(x), math.Abs(y))
}

// sameSubject tells two figures about the same thing: their sentences share
// a content word besides the unit and the figures.
func (c *corpus) sameSubject(a, b *factGroup, unit string) bool {
	u, ok := c.lex.entries[stemLight(strings.ToLower(unit))]
	x, y := a.context, b.context
	for len(x) > 0 && len(y) > 0 {
		switch {
		case x[0] < y[0]:
			x = x[1:]
		case x[0] > y[0]:
			y = y[1:]
		default:
			if w := x[0]; (!ok || w != u.id) && !isNumber(c.lex.spell[w]) {
				return true
			}
			x, y = x[1:], y[1:]
		}
	}
	return false
}

// factContext returns the content words, each stemmed lightly, of the
// sentence of article i that a fact was read from. Analysis split the
// article as the corpus does, so the sentence is found among the
// article's, from *next on, and its words are not split again.
func (c *corpus) factContext(i int, sentence string, next *int) wordSet {
	sents := c.sents[i]
	for k := range sents {
		s := &sents[(*next+k)%len(sents)]
		if s.text != sentence {
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
		return s.stemmed
	}
	var ids []int32
	for _, w := range words.Split(sentence) {
		if e := c.lex.entry(w); isContent(w, e) {
			ids = append(ids, c.lex.entry(stemLight(w)).id)
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
