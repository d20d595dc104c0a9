package postgres

import (
	"strconv"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// The search vector of a title and a text is built here, in the worker,
// rather than by to_tsvector on the server: the server's parser and
// stemmer were two thirds of the cost of storing an article, and that cost
// fell on the one server every worker shares. What is built is the value
//
//	setweight(to_tsvector('chorus_search', title), 'A') ||
//	setweight(to_tsvector('chorus_search', text), 'B')
//
// exactly (a test compares the two on real corpora), written in tsvector
// input syntax. It is built only for texts that searchText left as plain
// ASCII words and numbers, whose parsing does not depend on the server's
// locale; any other text is left to the server.

// The server's limits on a tsvector (see PostgreSQL's ts_type.h and
// ts_parse.c).
const (
	maxPosition     = 1<<14 - 1 // MAXENTRYPOS-1: later positions are all this one
	maxPositions    = 256       // MAXNUMPOS: positions kept for one lexeme
	maxWordBytes    = 2048      // MAXSTRLEN: longer words are not indexed
	maxStemmedBytes = 1000      // dict_snowball leaves longer words unstemmed
)

// searchVector returns the search vector of title and text, both already
// folded by searchText, in tsvector input syntax; ok is false when either
// holds a byte outside ASCII, and the server must build it.
func searchVector(title, text string) (vector string, ok bool) {
	if !isASCII(title) || !isASCII(text) {
		return "", false
	}
	head, body := lexemePositions(title), lexemePositions(text)
	// tsvector_concat shifts the text's positions past the last position
	// the title's vector kept.
	shift := 0
	for _, l := range head.order {
		shift = max(shift, head.positions[l][len(head.positions[l])-1])
	}
	type entry struct {
		a, b []int // title positions (weight A), shifted text positions (B)
	}
	entries := make(map[string]*entry, len(head.order)+len(body.order))
	order := make([]string, 0, len(head.order)+len(body.order))
	for _, l := range head.order {
		entries[l] = &entry{a: head.positions[l]}
		order = append(order, l)
	}
	for _, l := range body.order {
		e := entries[l]
		if e == nil {
			e = &entry{}
			entries[l] = e
			order = append(order, l)
		}
		// As add_pos: append while the lexeme holds fewer than
		// maxPositions and has not reached the last position.
		n := len(e.a)
		for _, p := range body.positions[l] {
			if n >= maxPositions || n > 0 && lastPosition(e.a, e.b) == maxPosition {
				break
			}
			e.b = append(e.b, min(p+shift, maxPosition))
			n++
		}
	}
	var b strings.Builder
	for i, l := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('\'')
		b.WriteString(l) // letters and digits only: nothing to escape
		b.WriteString("':")
		e := entries[l]
		for j, p := range e.a {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
			b.WriteByte('A')
		}
		for j, p := range e.b {
			if j > 0 || len(e.a) > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
			b.WriteByte('B')
		}
	}
	return b.String(), true
}

func lastPosition(a, b []int) int {
	if len(b) > 0 {
		return b[len(b)-1]
	}
	return a[len(a)-1]
}

// positionsOf is what to_tsvector makes of one text: each lexeme's
// positions, the lexemes in order of first appearance.
type positionsOf struct {
	order     []string
	positions map[string][]int
}

// lexemePositions parses a folded ASCII text as the chorus_search
// configuration does: words of letters are stemmed (English Snowball, no
// stop words), anything with a digit is only lower-cased, words from
// maxWordBytes on are skipped without taking a position, positions past
// maxPosition are all maxPosition, and a lexeme keeps its first
// maxPositions-1 positions (uniqueWORD's limit, one short of the type's).
func lexemePositions(s string) positionsOf {
	out := positionsOf{positions: map[string][]int{}}
	pos := 0
	for word := range strings.FieldsSeq(s) {
		if len(word) >= maxWordBytes {
			continue
		}
		pos++
		l := lexeme(word)
		ps, seen := out.positions[l]
		if !seen {
			out.order = append(out.order, l)
		}
		p := min(pos, maxPosition)
		if len(ps) < maxPositions-1 && (len(ps) == 0 || ps[len(ps)-1] != p) {
			out.positions[l] = append(ps, p)
		}
	}
	return out
}

// lexeme is the server's lexeme for one ASCII word of letters or digits.
func lexeme(word string) string {
	word = strings.ToLower(word)
	if strings.ContainsAny(word, "0123456789") || len(word) > maxStemmedBytes {
		// Numbers and words with digits (uint, numword, sfloat) go to
		// the simple dictionary; the stemmer skips what cannot be a word.
		return word
	}
	return stems.of(word)
}

// stemCache remembers the stems of words seen: news repeats its
// vocabulary, and the stemmer allocates on every call.
type stemCache struct {
	mu sync.Mutex
	m  map[string]string
}

// maxCachedStems bounds the cache; past it, it starts again.
const maxCachedStems = 1 << 18

var stems = stemCache{m: map[string]string{}}

func (c *stemCache) of(word string) string {
	c.mu.Lock()
	s, ok := c.m[word]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = english.Stem(word, true) // true: stop words are stemmed too
	c.mu.Lock()
	if len(c.m) >= maxCachedStems {
		clear(c.m)
	}
	c.m[strings.Clone(word)] = s
	c.mu.Unlock()
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// searchVectorSQL makes a row's search vector from its search_vector,
// search_title and search_text columns (see searchColumns).
const searchVectorSQL = `CASE WHEN t.search_vector <> '' THEN t.search_vector::tsvector
	ELSE setweight(to_tsvector('chorus_search', t.search_title), 'A') ||
		setweight(to_tsvector('chorus_search', t.search_text), 'B') END`

// searchColumns returns what searchVectorSQL reads for a title and a
// text: the vector built here, or "" and the folded texts for the server
// to parse. An empty vector (no words at all) goes as empty texts, which
// the server parses to the same.
func searchColumns(title, text string) (vector, searchTitle, searchBody string) {
	searchTitle, searchBody = searchText(title), searchText(text)
	if v, ok := searchVector(searchTitle, searchBody); ok {
		return v, "", ""
	}
	return "", searchTitle, searchBody
}
