package digest

import (
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
	words wordSet
	n     int // all words, function words included
	// lead is its first two words, which tell a sentence that leans on
	// the one before it (see summarizable).
	lead [2]string
	// reported tells a sentence that attributes what it says to a source.
	reported bool
	loaded   int // occurrences of loaded words (see neutrality)
	// firstPerson tells a sentence with a word that may make it a
	// first-person aside (see summarizable).
	firstPerson bool
	stemmed     wordSet // its words stemmed lightly, once a fact asks
}

// splitSentences returns the sentences of an article's text and the
// content words of the whole text. stop tells the stop words of the text's
// language besides the function words (nil: none besides).
func (c *corpus) splitSentences(text string, stop func(string) bool) ([]sentence, wordSet) {
	spans := sentences.Split(text)
	out := make([]sentence, 0, len(spans))
	// The content words of every sentence, a run each, in one array.
	var ids []int32
	ends := make([]int, 0, len(spans))
	for i, sp := range spans {
		t := sp.Text(text)
		all := words.Split(t)
		s := sentence{text: t, pos: i, n: len(all)}
		copy(s.lead[:], all)
		start := len(ids)
		for _, w := range all {
			e := c.lex.entry(w)
			s.firstPerson = s.firstPerson || e.kind&firstPersonWord != 0
			if !isContent(w, e) || stop != nil && stop(w) {
				continue
			}
			ids = append(ids, e.id)
			s.reported = s.reported || e.kind&reportingWord != 0
			if e.kind&loadedWord != 0 {
				s.loaded++
			}
		}
		ids = ids[:start+len(newWordSet(ids[start:]))]
		ends = append(ends, len(ids))
		out = append(out, s)
	}
	start := 0
	for k, end := range ends {
		out[k].words = wordSet(ids[start:end:end])
		start = end
	}
	return out, newWordSet(slices.Clone(ids))
}

// overlap is the share of a's content words that b holds.
func overlap(a, b wordSet) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(shared(a, b)) / float64(len(a))
}

// redundancy is the overlap of the smaller set with the larger.
func redundancy(a, b wordSet) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	return overlap(a, b)
}

// candidate is a sentence that may go into the summary.
type candidate struct {
	s   sentence
	art int
	// score weighs the sentence alone: its place in its article, its
	// tone, whether it reports, and how much its article tells the story
	// the others tell.
	score float64
	// central is how much the other independent articles say what it
	// says: the sum, over them, of the share of its content words that
	// their closest sentence holds.
	central float64
	support []string
}

// summary picks sentences across outlets: those that open their articles
// and that the other articles also tell, each adding what the summary does
// not yet say, without repeating each other. Each sentence cites every
// article with a sentence that says the same. The sentences are taken
// from the articles in the language the summary is told in; an article in
// another language says the same when one of its sentences shares enough
// of the sentence's anchors (see crossSupport).
func (c *corpus) summary(o Options) []news.Cited {
	chosen := c.choose(c.candidates(o), o)
	inArticleOrder(chosen)
	out := make([]news.Cited, 0, len(chosen))
	for _, ch := range chosen {
		out = append(out, news.Cited{Text: ch.s.text, Articles: ch.support})
	}
	return out
}

// candidates returns the sentences fit for the summary, in article and
// sentence order, each with its score, centrality and support.
func (c *corpus) candidates(o Options) []candidate {
	// Which sentences hold each word: a sentence's support is counted
	// through the sentences that share its words. Words compare sentences
	// of one language only, and every candidate is in the language told.
	type place struct{ art, sent int32 }
	var places []place
	var sets []wordSet
	for i := range c.arts {
		if c.lang[i] != c.tell {
			continue
		}
		for k, t := range c.sents[i] {
			places = append(places, place{int32(i), int32(k)})
			sets = append(sets, t.words)
		}
	}
	holders := newPostings(sets, c.lex.size())
	hits := make([]int32, len(places))
	best := make([]float64, len(c.arts))
	coverage := c.coverage()
	var touched []int32
	var cands []candidate
	for i, a := range c.arts {
		if !c.original[i] {
			continue // a copy adds nothing its original does not
		}
		if c.lang[i] != c.tell {
			continue
		}
		for _, s := range c.sents[i] {
			if s.pos >= 10 || s.n < 8 || s.n > 60 || !summarizable(s) {
				continue
			}
			for _, w := range s.words {
				for _, g := range holders.of(w) {
					if hits[g] == 0 {
						touched = append(touched, g)
					}
					hits[g]++
				}
			}
			clear(best)
			for _, g := range touched {
				p := places[g]
				// The share of s's content words that sentence holds,
				// as overlap(s.words, t.words) measures it.
				best[p.art] = max(best[p.art], float64(hits[g])/float64(len(s.words)))
				hits[g] = 0
			}
			touched = touched[:0]
			if c.multilingual() {
				for j := range c.arts {
					if c.lang[j] != c.lang[i] {
						best[j] = c.crossSupport(c.anchors[i][s.pos], j)
					}
				}
			}
			support := []string{a.ID}
			central := 0.0
			for j, b := range c.arts {
				if j == i {
					continue
				}
				if best[j] >= o.Support {
					support = append(support, b.ID)
				}
				if c.original[j] {
					central += best[j]
				}
			}
			slices.Sort(support)
			score := neutrality(s) / (1 + o.PositionDecay*float64(s.pos))
			if s.reported {
				score *= 1 + o.Reported
			}
			if strings.ContainsFunc(s.text, unicode.IsDigit) {
				score *= 1 + o.Figures
			}
			score *= math.Pow(coverage[i], o.Coverage)
			cands = append(cands, candidate{s: s, art: i, score: score, central: central, support: support})
		}
	}
	return cands
}

// choose picks the summary's sentences one at a time, each the candidate
// worth most given those already picked: its score, raised by how much
// the other outlets say what it says and by the words it adds that they
// use and the summary does not hold yet (see Options.Novelty). A
// candidate that repeats a sentence picked is passed over. The summary
// has a sentence more than the story has voices, within MinSummary and
// MaxSummary.
func (c *corpus) choose(cands []candidate, o Options) []candidate {
	want := min(max(o.MinSummary, 1+c.voices(idsOf(c.arts))), o.MaxSummary)
	users := c.wordUsers()
	told := make([]bool, len(users)) // the words of the sentences picked
	novelty := func(s sentence) float64 {
		n := int32(0)
		for _, w := range s.words {
			if !told[w] {
				n += users[w] - 1
			}
		}
		return float64(n) / float64(s.n)
	}
	var chosen []candidate
	// passed tells a candidate picked, or one that repeats one picked.
	passed := make([]bool, len(cands))
	for len(chosen) < want {
		pick, bestValue := -1, 0.0
		for k, cand := range cands {
			if passed[k] {
				continue
			}
			// Ties go to the first in article and sentence order.
			if v := cand.score * (1 + cand.central + o.Novelty*novelty(cand.s)); pick < 0 || v > bestValue {
				pick, bestValue = k, v
			}
		}
		if pick < 0 {
			break
		}
		picked := cands[pick]
		chosen = append(chosen, picked)
		for k, cand := range cands {
			passed[k] = passed[k] || k == pick || redundancy(cand.s.words, picked.s.words) >= o.Redundancy
		}
		for _, w := range picked.s.words {
			told[w] = true
		}
	}
	return chosen
}

// wordUsers counts, by word, the independent articles of the language
// told that use it.
func (c *corpus) wordUsers() []int32 {
	users := make([]int32, c.lex.size())
	for i := range c.arts {
		if c.original[i] && c.lang[i] == c.tell {
			for _, w := range c.textWords[i] {
				users[w]++
			}
		}
	}
	return users
}

// inArticleOrder keeps the summary's order of importance, except that
// sentences of one article keep the order the article tells them in: a
// reader meets the cause before its consequence, the claim before its
// qualification. They swap among the places they hold.
func inArticleOrder(chosen []candidate) {
	for k := range chosen {
		for m := k + 1; m < len(chosen); m++ {
			if chosen[m].art == chosen[k].art && chosen[m].s.pos < chosen[k].s.pos {
				chosen[k], chosen[m] = chosen[m], chosen[k]
			}
		}
	}
}

// coverage is, for each article in the language the summary is told in,
// the share of its content words that another independent article of that
// language also uses, in its text or its title. It is 1 for all when the
// language has a single voice: there is nothing to compare.
func (c *corpus) coverage() []float64 {
	out := make([]float64, len(c.arts))
	df := make([]int32, c.lex.size()) // independent articles using each word
	voices := 0
	for i := range c.arts {
		if !c.original[i] || c.lang[i] != c.tell {
			continue // a copy is never a candidate: its original speaks for it
		}
		voices++
		for _, w := range union(c.textWords[i], c.titleWords[i]) {
			df[w]++
		}
	}
	for i, vocab := range c.textWords {
		switch {
		case !c.original[i] || c.lang[i] != c.tell:
		case voices < 2:
			out[i] = 1
		case len(vocab) > 0:
			n := 0
			for _, w := range vocab {
				if df[w] > 1 {
					n++
				}
			}
			out[i] = float64(n) / float64(len(vocab))
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
func summarizable(sent sentence) bool {
	s := sent.text
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":") {
		return false
	}
	// A sentence that trails off ("The Senate voted to ...", a snippet
	// cut short) says half of what it set out to: an editor cannot
	// forward it.
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("\"“‘'«„", r) {
		return false
	}
	// A sentence that leans on one before it ("He said…", "But it…")
	// cannot stand alone in a summary.
	if ws := sent.lead; sent.n > 1 && (leaning[ws[0]] || opener[ws[0]] && leaning[ws[1]]) {
		return false
	}
	if !sent.firstPerson {
		return true // none of the words below, so none between spaces
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
	// firstPerson are the words summarizable looks for between spaces.
	firstPerson = map[string]bool{"i": true, "we": true, "my": true, "our": true, "you": true}
	leaning     = map[string]bool{"he": true, "she": true, "they": true, "it": true, "this": true, "these": true, "those": true, "his": true, "her": true, "their": true, "its": true}
	opener      = map[string]bool{"but": true, "and": true, "so": true, "also": true, "yet": true}
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
// questions and opinion labels. It is one of the headlines in the language
// the story is told in, compared with the articles of that language; when
// none has a headline, the first sentence of the first.
func (c *corpus) title() string {
	best, bestScore := "", -1.0
	vocab := make([]wordSet, len(c.arts)) // each article's words
	for j := range c.arts {
		vocab[j] = union(c.titleWords[j], c.textWords[j])
	}
	users := newPostings(vocab, c.lex.size())
	hits := make([]int32, len(c.arts))
	for i, a := range c.arts {
		t := strings.TrimSpace(a.Title)
		if t == "" || c.lang[i] != c.tell {
			continue
		}
		tw := c.titleWords[i]
		clear(hits)
		for _, w := range tw {
			for _, j := range users.of(w) {
				hits[j]++
			}
		}
		score := 0.0
		for j := range c.arts {
			if j != i && len(tw) > 0 && c.lang[j] == c.tell {
				// overlap(tw, vocab[j]), term by term as it always was
				// summed, so that ties fall the same way.
				score += float64(hits[j]) / float64(len(tw))
			}
		}
		if strings.HasSuffix(t, "?") || strings.Contains(t, "Opinion") || strings.Contains(t, "Perspectives") {
			score -= 0.5
		}
		if score > bestScore || score == bestScore && len(t) < len(best) {
			best, bestScore = t, score
		}
	}
	for i := range c.arts {
		if best == "" && c.lang[i] == c.tell && len(c.sents[i]) > 0 {
			best = c.sents[i][0].text
		}
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
func neutrality(s sentence) float64 {
	return 1 / (1 + 0.5*float64(s.loaded))
}
