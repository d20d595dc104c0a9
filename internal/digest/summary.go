package digest

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/words"
)

// sentence is one sentence of an article with its content words.
type sentence struct {
	text  string
	pos   int // index in its article
	words map[string]bool
	n     int // all words, function words included
	// reported tells a sentence that attributes what it says to a source.
	reported bool
}

func splitSentences(text string) []sentence {
	var out []sentence
	for i, sp := range sentences.Split(text) {
		t := sp.Text(text)
		all := words.Split(t)
		ws := map[string]bool{}
		rep := false
		for _, w := range all {
			if len(w) > 1 && !words.IsFunction(w) { // words.Content, without splitting again
				ws[w] = true
			}
			rep = rep || reporting[w]
		}
		out = append(out, sentence{text: t, pos: i, words: ws, n: len(all), reported: rep})
	}
	return out
}

// overlap is the share of a's content words that b holds.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// redundancy is the overlap of the smaller set with the larger.
func redundancy(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	return overlap(a, b)
}

type candidate struct {
	s       sentence
	art     int
	score   float64
	support []string
}

// summary picks sentences across outlets: those that open their articles
// and that the other articles also tell, without repeating each other. Each
// sentence cites every article with a sentence that says the same.
func (c *corpus) summary(o Options) []news.Cited {
	// Which sentences hold each word: a sentence's support is counted
	// through the sentences that share its words, not by comparing it with
	// every sentence of the story, which grows with the square of its size.
	type place struct{ art, sent int32 }
	var places []place
	holders := map[string][]int32{}
	for i := range c.arts {
		for k, t := range c.sents[i] {
			g := int32(len(places))
			places = append(places, place{int32(i), int32(k)})
			for w := range t.words {
				holders[w] = append(holders[w], g)
			}
		}
	}
	shared := make([]int32, len(places))
	best := make([]float64, len(c.arts))
	coverage := c.coverage()
	var touched []int32
	var cands []candidate
	for i, a := range c.arts {
		if c.voice[a.ID] != a.ID {
			continue // a copy adds nothing its original does not
		}
		for _, s := range c.sents[i] {
			if s.pos >= 10 || s.n < 8 || s.n > 60 || !summarizable(s.text) {
				continue
			}
			for w := range s.words {
				for _, g := range holders[w] {
					if shared[g] == 0 {
						touched = append(touched, g)
					}
					shared[g]++
				}
			}
			clear(best)
			for _, g := range touched {
				p := places[g]
				// The share of s's content words that sentence holds,
				// as overlap(s.words, t.words) measures it.
				best[p.art] = max(best[p.art], float64(shared[g])/float64(len(s.words)))
				shared[g] = 0
			}
			touched = touched[:0]
			support := []string{a.ID}
			central := 0.0
			for j, b := range c.arts {
				if j == i {
					continue
				}
				if best[j] >= o.Support {
					support = append(support, b.ID)
				}
				if c.voice[b.ID] == b.ID {
					central += best[j]
				}
			}
			slices.Sort(support)
			score := (1 + central) / (1 + o.PositionDecay*float64(s.pos)) * neutrality(s.text)
			if s.reported {
				score *= 1 + o.Reported
			}
			if strings.ContainsFunc(s.text, unicode.IsDigit) {
				score *= 1 + o.Figures
			}
			score *= math.Pow(coverage[i], o.Coverage)
			cands = append(cands, candidate{s: s, art: i, score: score, support: support})
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.art, b.art), cmp.Compare(a.s.pos, b.s.pos))
	})
	want := min(max(o.MinSummary, 1+c.voices(idsOf(c.arts))), o.MaxSummary)
	var chosen []candidate
	for _, cand := range cands {
		if len(chosen) == want {
			break
		}
		dup := false
		for _, ch := range chosen {
			if redundancy(cand.s.words, ch.s.words) >= o.Redundancy {
				dup = true
				break
			}
		}
		if !dup {
			chosen = append(chosen, cand)
		}
	}
	out := make([]news.Cited, 0, len(chosen))
	for _, ch := range chosen {
		out = append(out, news.Cited{Text: ch.s.text, Articles: ch.support})
	}
	return out
}

// coverage is, for each article, the share of its content words that
// another independent article also uses, in its text or its title. It is 1
// for all when the story has a single voice: there is nothing to compare.
func (c *corpus) coverage() []float64 {
	out := make([]float64, len(c.arts))
	vocab := make([]map[string]bool, len(c.arts))
	df := map[string]int{} // independent articles using each word
	voices := 0
	for i, a := range c.arts {
		if c.voice[a.ID] != a.ID {
			continue // a copy is never a candidate: its original speaks for it
		}
		vocab[i] = map[string]bool{}
		for _, s := range c.sents[i] {
			for w := range s.words {
				vocab[i][w] = true
			}
		}
		voices++
		for w := range vocab[i] {
			df[w]++
		}
		for w := range contentSet(a.Title) {
			if !vocab[i][w] {
				df[w]++
			}
		}
	}
	for i := range c.arts {
		switch {
		case vocab[i] == nil: // a copy
		case voices < 2:
			out[i] = 1
		case len(vocab[i]) > 0:
			n := 0
			for w := range vocab[i] {
				if df[w] > 1 {
					n++
				}
			}
			out[i] = float64(n) / float64(len(vocab[i]))
		}
	}
	return out
}

// reporting are the words that attribute a statement to its source. The
// list is English; elsewhere no sentence gets the bonus, and the order is
// as if there were none.
var reporting = map[string]bool{"said": true, "says": true, "told": true, "according": true}

// summarizable tells a sentence fit for a neutral summary: a statement, not
// a question, not a bare quotation, not a first-person aside.
func summarizable(s string) bool {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("\"“‘'«„", r) {
		return false
	}
	// A sentence that leans on one before it ("He said…", "But it…")
	// cannot stand alone in a summary.
	ws := words.Split(s)
	if len(ws) > 1 && (leaning[ws[0]] || opener[ws[0]] && leaning[ws[1]]) {
		return false
	}
	lower := " " + strings.ToLower(s) + " "
	for _, w := range []string{" i ", " we ", " my ", " our ", " you "} {
		if strings.Contains(lower, w) && !strings.ContainsAny(s, "\"“”") {
			return false
		}
	}
	return true
}

var (
	leaning = map[string]bool{"he": true, "she": true, "they": true, "it": true, "this": true, "these": true, "those": true, "his": true, "her": true, "their": true, "its": true}
	opener  = map[string]bool{"but": true, "and": true, "so": true, "also": true, "yet": true}
)

func idsOf(arts []news.Analyzed) []string {
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	return ids
}

// title picks the headline that best speaks for the story: the one whose
// words the other articles share most, favouring plain statements over
// questions and opinion labels.
func (c *corpus) title() string {
	best, bestScore := "", -1.0
	vocab := make([]map[string]bool, len(c.arts)) // each article's words
	for j, a := range c.arts {
		vocab[j] = contentSet(a.Title)
		for _, s := range c.sents[j] {
			for w := range s.words {
				vocab[j][w] = true
			}
		}
	}
	for i, a := range c.arts {
		t := strings.TrimSpace(a.Title)
		if t == "" {
			continue
		}
		tw := contentSet(t)
		score := 0.0
		for j := range c.arts {
			if j != i {
				score += overlap(tw, vocab[j])
			}
		}
		if strings.HasSuffix(t, "?") || strings.Contains(t, "Opinion") || strings.Contains(t, "Perspectives") {
			score -= 0.5
		}
		if score > bestScore || score == bestScore && len(t) < len(best) {
			best, bestScore = t, score
		}
	}
	if best == "" && len(c.sents) > 0 && len(c.sents[0]) > 0 {
		best = c.sents[0][0].text
	}
	return best
}

// loaded are words of opinion and heat rather than report: a neutral
// summary prefers sentences without them.
var loaded = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`slammed slams blasted blasts fumed fumes fuming ripped rips lashed lambasted bashed
		outrageous shocking disgraceful disgrace debacle disaster disastrous absurd ridiculous insane crazy stupid
		radical far-left far-right leftist leftists rightwing right-wing woke unhinged hysterical hypocrisy hypocritical
		shameful pathetic horrific terrible awful amazing incredible stunning bombshell explosive humiliating humiliation
		destroy destroyed destroys slam meltdown chaos chaotic catastrophe catastrophic sham hoax lies lie lied liar`) {
		m[w] = true
	}
	return m
}()

// neutrality discounts a sentence by the loaded words it carries.
func neutrality(s string) float64 {
	n := 0
	for _, w := range words.Split(s) {
		if loaded[w] {
			n++
		}
	}
	return 1 / (1 + 0.5*float64(n))
}
