package postgres

import (
	"slices"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgtype"
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
// exactly (a test compares the two on real corpora), sent in the binary
// form with its lexemes in the server's order, which the server reads
// without parsing or sorting. It is built only for texts that searchText
// left as plain ASCII words and numbers, whose parsing does not depend on
// the server's locale; any other text is left to the server.

// The server's limits on a tsvector (see PostgreSQL's ts_type.h and
// ts_parse.c).
const (
	maxPosition     = 1<<14 - 1 // MAXENTRYPOS-1: later positions are all this one
	maxPositions    = 256       // MAXNUMPOS: positions kept for one lexeme
	maxWordBytes    = 2048      // MAXSTRLEN: longer words are not indexed
	maxStemmedBytes = 1000      // dict_snowball leaves longer words unstemmed
)

// searchVector returns the search vector of title and text, both already
// folded by searchText; ok is false when either holds a byte outside
// ASCII, and the server must build it.
func searchVector(title, text string) (vector pgtype.TSVector, ok bool) {
	if !isASCII(title) || !isASCII(text) {
		return pgtype.TSVector{}, false
	}
	var v vectorBuilder
	stems.mu.Lock()
	v.add(title, 'A')
	v.add(text, 'B')
	stems.mu.Unlock()
	return v.vector(), true
}

// vectorBuilder gathers the lexemes of a title and then a text with their
// positions, as to_tsvector and tsvector_concat would.
type vectorBuilder struct {
	entries []lexemeEntry
	index   map[string]int32 // lexeme → entry
	ps      []position       // every entry's positions, chained
	shift   int              // the title's last kept position
	lower   []byte           // scratch
}

// lexemeEntry is one lexeme, its positions a chain through ps.
type lexemeEntry struct {
	lexeme      string
	first, last int32 // in ps; -1 when none
	inPart      int   // positions from the part being added
	n           int   // positions in all
	maxPart     int   // the highest position of this part kept
}

type position struct {
	at     int
	weight byte
	next   int32
}

// add parses one folded ASCII text as the chorus_search configuration
// does and adds its positions with weight: words of letters are stemmed
// (English Snowball, no stop words), anything with a digit is only
// lower-cased, words from maxWordBytes on are skipped without taking a
// position, positions past maxPosition are all maxPosition, and a lexeme
// keeps its first maxPositions-1 positions of one text (uniqueWORD's
// limit, one short of the type's). The text (weight 'B') comes after the
// title: its positions are shifted past the title's last kept one and
// appended while the lexeme holds fewer than maxPositions and has not
// reached maxPosition (tsvector_concat's add_pos). The caller holds
// stems.mu.
func (v *vectorBuilder) add(s string, weight byte) {
	if v.index == nil {
		v.index = make(map[string]int32, len(s)/12+8)
	}
	for i := range v.entries {
		v.entries[i].inPart = 0
	}
	pos := 0
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		word := s[i:j]
		i = j
		if len(word) == 0 || len(word) >= maxWordBytes {
			continue
		}
		pos++
		l := v.lexeme(word)
		k, seen := v.index[l]
		if !seen {
			k = int32(len(v.entries))
			v.entries = append(v.entries, lexemeEntry{lexeme: l, first: -1, last: -1})
			v.index[l] = k
		}
		e := &v.entries[k]
		p := min(pos, maxPosition)
		if e.inPart >= maxPositions-1 || e.inPart > 0 && e.maxPart == p {
			continue // uniqueWORD keeps no more of this text
		}
		e.inPart++
		e.maxPart = p
		if weight == 'A' {
			v.shift = max(v.shift, p)
		} else {
			p = min(p+v.shift, maxPosition)
			if e.n >= maxPositions || e.n > 0 && v.ps[e.last].at == maxPosition {
				continue // add_pos keeps no more
			}
		}
		v.ps = append(v.ps, position{at: p, weight: weight, next: -1})
		if e.last >= 0 {
			v.ps[e.last].next = int32(len(v.ps) - 1)
		} else {
			e.first = int32(len(v.ps) - 1)
		}
		e.last = int32(len(v.ps) - 1)
		e.n++
	}
}

// lexeme is the server's lexeme for one ASCII word of letters or digits,
// looked up without allocating when it is known; the caller holds
// stems.mu.
func (v *vectorBuilder) lexeme(word string) string {
	v.lower = append(v.lower[:0], word...)
	digits := false
	for i, c := range v.lower {
		if 'A' <= c && c <= 'Z' {
			v.lower[i] = c + 'a' - 'A'
		}
		digits = digits || '0' <= c && c <= '9'
	}
	if l, ok := stems.m[string(v.lower)]; ok {
		return l
	}
	w := string(v.lower)
	l := w
	// Numbers and words with digits (uint, numword, sfloat) go to the
	// simple dictionary, and the stemmer skips what cannot be a word.
	if !digits && len(w) <= maxStemmedBytes {
		l = english.Stem(w, true) // true: stop words are stemmed too
	}
	stems.remember(w, l)
	return l
}

// vector returns the lexemes in the server's order (bytewise, as
// tsCompareString), each with its positions, in two allocations.
func (v *vectorBuilder) vector() pgtype.TSVector {
	slices.SortFunc(v.entries, func(a, b lexemeEntry) int { return strings.Compare(a.lexeme, b.lexeme) })
	lexemes := make([]pgtype.TSVectorLexeme, len(v.entries))
	positions := make([]pgtype.TSVectorPosition, len(v.ps))
	for i, e := range v.entries {
		ps := positions[:e.n:e.n]
		positions = positions[e.n:]
		j := 0
		for k := e.first; k >= 0; k = v.ps[k].next {
			ps[j] = pgtype.TSVectorPosition{Position: uint16(v.ps[k].at), Weight: pgtype.TSVectorWeight(v.ps[k].weight)}
			j++
		}
		lexemes[i] = pgtype.TSVectorLexeme{Word: e.lexeme, Positions: ps}
	}
	return pgtype.TSVector{Lexemes: lexemes, Valid: true}
}

// stemCache remembers the lexemes of words seen: news repeats its
// vocabulary, and the stemmer allocates on every call. One lock is taken
// per article, not per word.
type stemCache struct {
	mu sync.Mutex
	m  map[string]string
}

// maxCachedStems bounds the cache; past it, it starts again.
const maxCachedStems = 1 << 18

var stems = stemCache{m: map[string]string{}}

func (c *stemCache) remember(word, lexeme string) {
	if len(c.m) >= maxCachedStems {
		clear(c.m)
	}
	c.m[word] = lexeme
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
const searchVectorSQL = `coalesce(t.search_vector,
	setweight(to_tsvector('chorus_search', t.search_title), 'A') ||
		setweight(to_tsvector('chorus_search', t.search_text), 'B'))`

// searchColumns returns what searchVectorSQL reads for a title and a
// text: the vector built here and no texts, or NULL and the folded texts
// for the server to parse.
func searchColumns(title, text string) (vector pgtype.TSVector, searchTitle, searchBody string) {
	searchTitle, searchBody = searchText(title), searchText(text)
	if v, ok := searchVector(searchTitle, searchBody); ok {
		return v, "", ""
	}
	return pgtype.TSVector{}, searchTitle, searchBody
}
