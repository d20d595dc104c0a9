package digest

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/anchors"
	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/places"
	"github.com/chorusnews/chorus/internal/words"
)

// Anchors are what two sentences of different languages can share without
// a translation: names, places, figures and dates, written as the terms of
// package anchors (k:lfrf, p:c:RU, #7.8, @01-26). Each is numbered in the
// corpus lexicon under its term, which no word is written as, so that
// anchors and words never meet.

// anchored is a sentence's anchors: the set, and for each the phrase it
// was read from (see sentenceAnchors).
type anchored struct {
	set     wordSet
	phrases []int32
}

// minAnchors is how many anchors a sentence of another language must share
// with a summary sentence to be cited for it: one common name is not
// enough to say that two sentences tell the same thing.
const minAnchors = 2

// readAnchors reads the anchors of every sentence, and weighs each anchor
// by its rarity among the sentences of the story's independent articles:
// -ln of the chance that a sentence holds it, the share of them that do
// as if there were one more that does not, ln((sentences+1)/holding). The
// name of the event's protagonist and its place are in sentence after
// sentence and say little of what one sentence tells; a figure or a name
// met twice says much.
func (c *corpus) readAnchors() {
	c.anchors = make([][]anchored, len(c.arts))
	for i, a := range c.arts {
		caseless := !anchors.HasCase(a.Text)
		c.anchors[i] = make([]anchored, len(c.sents[i]))
		for k, s := range c.sents[i] {
			c.anchors[i][k] = c.sentenceAnchors(s.text, c.lang[i], caseless)
		}
	}
	holding := make([]int32, c.lex.size())
	n := 0
	for i := range c.arts {
		if !c.original[i] {
			continue // a copy's sentences are its original's
		}
		for _, s := range c.anchors[i] {
			n++
			for _, a := range s.set {
				holding[a]++
			}
		}
	}
	c.chance = math.Log(float64(max(n-1, 1)))
	c.rarity = make([]float64, len(holding))
	for a, h := range holding {
		c.rarity[a] = math.Log(float64(n+1) / float64(max(h, 1)))
	}
}

// crossSupport is how well article j, of another language than s, says
// what s says, by its sentence that holds most of the weight of s's
// anchors (see readAnchors): that share. Each phrase of s — one name, one
// place, one figure, one date; the words of one name are one phrase —
// weighs as its rarest anchor the sentence holds. It is 0 unless that
// sentence shares the anchors of minAnchors phrases, which are rare enough
// together that less than one sentence of the story besides s would hold
// them all by chance: the sum of their weights is at least
// ln(sentences-1).
func (c *corpus) crossSupport(s anchored, j int) float64 {
	if len(s.set) < minAnchors {
		return 0
	}
	phrases := int32(0)
	for _, p := range s.phrases {
		phrases = max(phrases, p+1)
	}
	weight := make([]float64, phrases) // by phrase of s, of its anchors shared
	all := c.phraseWeights(s, s.set, weight)
	best := 0.0
	for _, t := range c.anchors[j] {
		if shared(s.set, t.set) < minAnchors {
			continue
		}
		clear(weight)
		w := c.phraseWeights(s, t.set, weight)
		n := 0
		for _, x := range weight {
			if x > 0 {
				n++
			}
		}
		if n >= minAnchors && w >= c.chance {
			best = max(best, w/all)
		}
	}
	return best
}

// phraseWeights sets, for each phrase of s, the weight of its rarest
// anchor among those held, and returns their sum.
func (c *corpus) phraseWeights(s anchored, held wordSet, weight []float64) float64 {
	sum := 0.0
	for i, a := range s.set {
		if _, ok := slices.BinarySearch(held, a); ok {
			p := s.phrases[i]
			if r := c.rarity[a]; r > weight[p] {
				sum += r - weight[p]
				weight[p] = r
			}
		}
	}
	return sum
}

// sentenceAnchors returns the anchors of one sentence of an article in
// lang, and for each the phrase it was read from, numbered from 0: the
// words of one name ("Stade de France", "Israel Defense Forces (IDF)")
// are one phrase, whatever anchors they give. caseless tells a script
// without capitals (Arabic, Chinese), where any word may be a name.
func (c *corpus) sentenceAnchors(text, lang string, caseless bool) anchored {
	lex := words.For(lang)
	decimal, group := lex.Separators()
	var toks []words.Token
	words.Scan(text, 0, func(t words.Token) bool {
		toks = append(toks, t)
		return true
	})
	phrase := make([]int32, len(toks))
	for k := range toks {
		switch {
		case k == 0:
		case caseless || !sameName(text, toks, k):
			phrase[k] = phrase[k-1] + 1
		default:
			phrase[k] = phrase[k-1]
		}
	}
	// placeFrom is placeAt of toks[k:], kept for the next token: a name's
	// word looks ahead at the place the next word may start, which the
	// next turn of the loop reads again.
	memo := struct {
		k, n int
		p    places.Place
	}{k: -1}
	placeFrom := func(k int) (int, places.Place) {
		if memo.k != k {
			memo.k = k
			memo.n, memo.p = placeAt(text, toks[k:], lang, caseless)
		}
		return memo.n, memo.p
	}
	type anchor struct{ id, phrase int32 }
	var found []anchor
	add := func(a string, k int) { found = append(found, anchor{c.lex.entry(a).id, phrase[k]}) }
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		var before, prev, next words.Token
		if k > 1 {
			before = toks[k-2]
		}
		if k > 0 {
			prev = toks[k-1]
		}
		if k+1 < len(toks) {
			next = toks[k+1]
		}
		if t.Number {
			if m := anchors.Month(lex, prev); m != 0 {
				if day, ok := anchors.DayOfMonth(t.Lower); ok {
					add(anchors.DayTerm(m, day), k)
					continue
				}
			}
			if m := anchors.Month(lex, next); m != 0 {
				if day, ok := anchors.DayOfMonth(t.Lower); ok {
					add(anchors.DayTerm(m, day), k)
					k++ // the month is read
					continue
				}
			}
			if v, ok := anchors.Figure(t.Lower, decimal, group); ok {
				add(anchors.FigureTerm(v), k)
			}
			continue
		}
		if !(t.Cap || caseless) || lex.Stop(t.Lower) || anchors.Month(lex, t) != 0 {
			continue
		}
		if _, ok := lex.Weekday(t.Lower); ok {
			continue
		}
		// A place may take several words ("Rostov-on-Don", "New York"):
		// the longest run of capitalised words that names one.
		if n, p := placeFrom(k); n > 0 {
			add(anchors.PlaceTerm(p.ID), k)
			k += n - 1
			continue
		}
		if t.SentenceStart && !caseless {
			continue // a capital that says nothing
		}
		if anchors.NounCaps(lang) && anchors.CommonNounAfter(before, prev, t) {
			continue
		}
		// A name is keyed by its last word, the one other languages
		// keep (Musk for Elon Musk, Schojgu for Verteidigungsminister
		// Sergej Schojgu).
		if !caseless && k+1 < len(toks) && phrase[k+1] == phrase[k] {
			if n, _ := placeFrom(k + 1); n == 0 {
				continue
			}
		}
		if key := names.Key(t.Lower, lang); key != "" {
			add(key, k)
		}
	}
	slices.SortStableFunc(found, func(a, b anchor) int { return cmp.Compare(a.id, b.id) })
	set := make(wordSet, 0, len(found))
	phrases := make([]int32, 0, len(found))
	for i, a := range found {
		if i == 0 || a.id != found[i-1].id {
			set = append(set, a.id)
			phrases = append(phrases, a.phrase)
		}
	}
	return anchored{set, phrases}
}

// sameName tells whether token k goes on the name token k-1 is part of:
// a capitalised word right after a capitalised one ("Elon Musk",
// "Junus-Bek"), a particle between two ("Stade de France", "Kevin de
// Bruyne", "Rostov-on-Don"), a capitalised word after such a particle, or
// an acronym in brackets after a name ("Forces (IDF)").
func sameName(text string, toks []words.Token, k int) bool {
	prev, t := toks[k-1], toks[k]
	if prev.Number || t.Number {
		return false
	}
	if t.Cap && adjacent(text, prev, t) && (prev.Cap || k >= 2 && particle(text, toks, k-1)) {
		return true
	}
	if particle(text, toks, k) {
		return true
	}
	return prev.Cap && strings.TrimSpace(text[prev.End:t.Start]) == "(" && strings.ToUpper(text[t.Start:t.End]) == text[t.Start:t.End]
}

// particle tells a small word inside a name, between two capitalised
// words: one of particles, or any joined by hyphens ("Rostov-on-Don").
func particle(text string, toks []words.Token, k int) bool {
	if k < 1 || k+1 >= len(toks) || toks[k].Cap || !toks[k-1].Cap || !toks[k+1].Cap {
		return false
	}
	prev, t, next := toks[k-1], toks[k], toks[k+1]
	if text[prev.End:t.Start] == "-" && text[t.End:next.Start] == "-" {
		return true
	}
	return particles[t.Lower] && adjacent(text, prev, t) && adjacent(text, t, next)
}

// particles are the small words that names and places of many languages
// hold between capitalised words ("Stade de France", "Bank of England",
// "Frankfurt am Main").
var particles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`de du des la le di da del della dello dos das do von van der den ter al el bin ibn am of`) {
		m[w] = true
	}
	return m
}()

// adjacent tells two tokens apart by spaces or a hyphen only.
func adjacent(text string, a, b words.Token) bool {
	return strings.TrimLeft(text[a.End:b.Start], " -") == ""
}

// placeAt returns how many of toks, from the first, name a place, and the
// place: the longest run of one name's words (see sameName), of at most
// places.MaxWords words, that does.
func placeAt(text string, toks []words.Token, lang string, caseless bool) (int, places.Place) {
	n := 1
	for n < len(toks) && n < places.MaxWords+1 {
		if caseless && (toks[n].Number || !adjacent(text, toks[n-1], toks[n])) || !caseless && !sameName(text, toks, n) {
			break
		}
		n++
	}
	for n = min(n, places.MaxWords); n > 0; n-- {
		if p, ok := places.Lookup(text[toks[0].Start:toks[n-1].End], lang); ok {
			return n, p
		}
	}
	return 0, places.Place{}
}
