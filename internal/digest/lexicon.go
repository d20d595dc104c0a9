package digest

import (
	"slices"

	"github.com/chorusnews/chorus/internal/words"
)

// lexicon numbers the words of one story. The sets of words that
// sentences, titles, quotes and facts hold are then sorted slices of
// numbers: building a map for every sentence of every article was most of
// the cost of a digest. A lexicon belongs to one corpus and is not safe
// for concurrent use.
type lexicon struct {
	entries map[string]lexEntry
	spell   []string // number → word
	stems   []int32  // number → the number of its light stem, -1 until asked
}

type lexEntry struct {
	id   int32
	kind wordKind
}

// wordKind is what the digest needs to know of a word, found once per
// word of the story rather than once per occurrence.
type wordKind uint8

const (
	functionWord    wordKind = 1 << iota // no content: "the", "of"; see words.IsFunction
	reportingWord                        // attributes a statement: see reporting
	loadedWord                           // of opinion and heat: see loaded
	firstPersonWord                      // see summarizable
)

// newLexicon returns an empty lexicon for about words distinct words.
func newLexicon(words int) *lexicon {
	return &lexicon{entries: make(map[string]lexEntry, words), spell: make([]string, 0, words), stems: make([]int32, 0, words)}
}

// kinds holds the kinds of the few words that have one besides function
// words, so that a new word is looked up once, not once per list.
var kinds = func() map[string]wordKind {
	m := map[string]wordKind{}
	for _, l := range []struct {
		words map[string]bool
		kind  wordKind
	}{{reporting, reportingWord}, {loaded, loadedWord}, {firstPerson, firstPersonWord}} {
		for w := range l.words {
			m[w] |= l.kind
		}
	}
	return m
}()

// entry returns the number and kind of w, numbering it if it is new.
func (x *lexicon) entry(w string) lexEntry {
	if e, ok := x.entries[w]; ok {
		return e
	}
	e := lexEntry{id: int32(len(x.spell)), kind: kinds[w]}
	if words.IsFunction(w) {
		e.kind |= functionWord
	}
	x.entries[w] = e
	x.spell = append(x.spell, w)
	x.stems = append(x.stems, -1)
	return e
}

// stem returns the number of stemLight of word number w.
func (x *lexicon) stem(w int32) int32 {
	if x.stems[w] < 0 {
		x.stems[w] = x.entry(stemLight(x.spell[w])).id
	}
	return x.stems[w]
}

// size is how many words are numbered: every number is below it.
func (x *lexicon) size() int { return len(x.spell) }

// isContent tells a content word as words.Content does: no function word,
// no single letter.
func isContent(w string, e lexEntry) bool { return len(w) > 1 && e.kind&functionWord == 0 }

// contentSetIn returns the set of content words of s, a text in a
// language whose stop words, besides the function words, stop tells (nil:
// none besides).
func (x *lexicon) contentSetIn(s string, stop func(string) bool) wordSet {
	var ids []int32
	for _, w := range words.Split(s) {
		if e := x.entry(w); isContent(w, e) && (stop == nil || !stop(w)) {
			ids = append(ids, e.id)
		}
	}
	return newWordSet(ids)
}

// wordSet is a set of words by number, sorted, each once.
type wordSet []int32

// newWordSet sorts ids and drops repeats, in place.
func newWordSet(ids []int32) wordSet {
	slices.Sort(ids)
	return slices.Clip(wordSet(slices.Compact(ids)))
}

// shared counts the words a and b both hold.
func shared(a, b wordSet) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			n++
			a, b = a[1:], b[1:]
		case a[0] < b[0]:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return n
}

// union returns the words a or b holds.
func union(a, b wordSet) wordSet {
	out := make(wordSet, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			out = append(out, a[0])
			a, b = a[1:], b[1:]
		case a[0] < b[0]:
			out = append(out, a[0])
			a = a[1:]
		default:
			out = append(out, b[0])
			b = b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// postings lists, for each word, the sets that hold it (by their index,
// in order): a sentence is compared with those that share its words, not
// with every sentence of the story, which grows with the square of its
// size.
type postings struct {
	first []int32 // holders of word w: sets[first[w]:first[w+1]]
	sets  []int32
}

// newPostings indexes sets of words numbered below words.
func newPostings(sets []wordSet, words int) postings {
	p := postings{first: make([]int32, words+1)}
	for _, s := range sets {
		for _, w := range s {
			p.first[w+1]++
		}
	}
	for w := range words {
		p.first[w+1] += p.first[w]
	}
	p.sets = make([]int32, p.first[words])
	next := slices.Clone(p.first[:words])
	for k, s := range sets {
		for _, w := range s {
			p.sets[next[w]] = int32(k)
			next[w]++
		}
	}
	return p
}

func (p postings) of(w int32) []int32 { return p.sets[p.first[w]:p.first[w+1]] }
