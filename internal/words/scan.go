package words

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or number of a text as Scan reads it.
type Token struct {
	// Start and End are the token's byte offsets in the text, after an
	// elided article and before a possessive ("l'Iran" → "Iran",
	// "Russia's" → "Russia").
	Start, End int
	// Lower is the token in lower case, inner apostrophes and full stops
	// dropped ("U.S." → "us", "O'Brien" → "obrien"); a number keeps its
	// separators ("7,8", "8.500").
	Lower string
	// Cap tells a word that begins with a capital letter; SentenceStart
	// one that opens a sentence or a line, where a capital says nothing.
	Cap, SentenceStart bool
	// Number tells a token that begins with a digit.
	Number bool
}

// elided are the articles and prepositions that French, Italian, Catalan
// and Portuguese join to the next word with an apostrophe ("l'Iran",
// "dell'Inter", "d'essai"): the word is what follows.
var elided = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true, "qu": true,
	"lorsqu": true, "puisqu": true, "jusqu": true, "quoiqu": true, "presqu": true,
	"dell": true, "all": true, "dall": true, "nell": true, "sull": true, "coll": true, "un": true,
	"quest": true, "quell": true, "dev": true,
}

// Scan calls fn with each token of s in order, at most limit of them
// (limit ≤ 0: all), until fn returns false. A token is a run of letters
// and digits; an apostrophe inside a word joins it, unless it follows an
// elided article or precedes a possessive "s"; a full stop or comma
// between digits, or a full stop inside a short abbreviation ("U.S."),
// joins too.
func Scan(s string, limit int, fn func(Token) bool) {
	n := 0
	sentenceStart := true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == ';' {
				sentenceStart = true
			}
			i += size
			continue
		}
		start, end := i, scanWord(s, i)
		tok := Token{Start: start, End: end, SentenceStart: sentenceStart, Number: unicode.IsDigit(r), Cap: unicode.IsUpper(r)}
		if !tok.Number {
			tok.Start, tok.End = trimApostrophes(s, start, end)
			r, _ = utf8.DecodeRuneInString(s[tok.Start:])
			tok.Cap = unicode.IsUpper(r)
		}
		tok.Lower = lowerWord(s[tok.Start:tok.End], tok.Number)
		i = end
		sentenceStart = false
		if tok.Lower == "" {
			continue
		}
		if !fn(tok) {
			return
		}
		if n++; limit > 0 && n >= limit {
			return
		}
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// scanWord returns the end of the token starting at i.
func scanWord(s string, i int) int {
	number := s[i] >= '0' && s[i] <= '9'
	letters := 0 // letters since the last full stop, for abbreviations
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			letters++
			i += size
			continue
		case isApostrophe(r) && !number:
			if next, _ := utf8DecodeAt(s, i+size); unicode.IsLetter(next) {
				i += size
				continue
			}
		case (r == '.' || r == ',') && number:
			if next, _ := utf8DecodeAt(s, i+size); next >= '0' && next <= '9' {
				i += size
				continue
			}
		case r == '.' && !number && letters == 1:
			// "U.S.", "U.K.": single letters between full stops
			if next, nsize := utf8DecodeAt(s, i+size); unicode.IsLetter(next) {
				if after, _ := utf8DecodeAt(s, i+size+nsize); after == '.' {
					letters = 0
					i += size
					continue
				}
			}
		}
		return i
	}
	return i
}

func utf8DecodeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// trimApostrophes drops an elided article before the word and a
// possessive after it.
func trimApostrophes(s string, start, end int) (int, int) {
	w := s[start:end]
	if k := strings.IndexFunc(w, isApostrophe); k > 0 {
		if elided[strings.ToLower(w[:k])] {
			_, size := utf8.DecodeRuneInString(w[k:])
			start += k + size
			w = s[start:end]
		}
	}
	if k := strings.LastIndexFunc(w, isApostrophe); k > 0 {
		_, size := utf8.DecodeRuneInString(w[k:])
		if rest := w[k+size:]; rest == "s" || rest == "S" {
			end = start + k
		}
	}
	return start, end
}

// lowerWord lower-cases a word and drops its inner apostrophes and full
// stops; a number is kept as written.
func lowerWord(w string, number bool) string {
	if number {
		return w
	}
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' || c == '.' || c == '\'' {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r == '.' || isApostrophe(r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
