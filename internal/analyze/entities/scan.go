package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/sentences"
)

// token kinds
const (
	tWord  = iota // letters, maybe digits, inner hyphens, apostrophes, dots
	tNum          // starts with a digit
	tPunct        // one punctuation rune
)

// token flags
const (
	fCap      = 1 << iota // first letter upper case (or a particle prefix before one: al-Assad)
	fCaps                 // two or more letters, all upper case: NATO, U.S.
	fPoss                 // followed by a possessive 's or '
	fStart                // first word of a sentence, or after an opening quote or a colon
	fQuote                // inside quotation marks
	fDigit                // contains a digit
	fInit                 // a single capital and a full stop: "W."
	fScript               // written in Cyrillic or Greek: capitals, but another script (Лавров)
	fCaseless             // written in Arabic or Hebrew, which have no capitals (لافروف)
)

type token struct {
	s, e  int    // the word, text[s:e], without a possessive ending
	lower string // the word in lower case
	next  int32  // end of the token with its possessive ending
	sent  int32
	r     rune // the rune of a tPunct token
	flags uint16
	kind  uint8
}

func (t *token) is(f uint16) bool { return t.flags&f != 0 }

// abbrevDot lists words that keep their full stop: "Mr.", "Jan.", "Inc.".
var abbrevDot = wordSet(`mr mrs ms mx dr prof sen rep gov gen lt col maj capt cpt sgt adm cmdr rev fr sr jr st hon pres supt
insp det atty amb messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co bros no mt ft dept univ
ave blvd rd est ala ariz ark calif colo conn fla kan mass mich minn mont neb nev okla tenn tex wash wis wyo penn`)

// splitSuffix: after a hyphen these lower-case words end a capitalised
// word ("U.S.-led", "Kyiv-based"); the name before them stands alone.
var splitSuffix = wordSet(`led based backed born made owned run controlled occupied held style era funded allied friendly linked
bound wide type like related specific centric aligned leaning supported sponsored annexed dominated bred registered
listed headquartered focused speaking installed appointed brokered passed approved drafted written imposed era-style`)

// lowerCopy lower-cases text without changing its byte offsets: a letter
// whose lower case is written with another number of bytes stays as it is.
// It copies the text whole and rewrites only the capitals in place, as most
// bytes of prose are lower case already.
func lowerCopy(text string) string {
	b := []byte(text)
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			utf8.EncodeRune(b[i:], l)
		}
		i += size
	}
	return string(b)
}

// tokenize splits text into tokens and tells each its sentence; low is
// lowerCopy(text).
func tokenize(text, low string, sents []sentences.Span, toks []token) []token {
	inQuote := false
	si := 0
	lastWordSent := -1
	startNext := false // the next word starts a clause (after a quote or colon)
	for i := 0; i < len(text); {
		c := text[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '\n':
			inQuote = false
			i++
			continue
		case r == '\u00a0' || r == '\u2009' || r == '\u202f' || r == '\u200b':
			i += size
			continue
		}
		for si < len(sents) && sents[si].End <= i {
			si++
		}
		if isLetter(r) || isDigit(r) {
			t := scanWord(text, i)
			t.lower = low[t.s:t.e]
			t.sent = int32(si)
			if inQuote {
				t.flags |= fQuote
			}
			if t.kind == tWord {
				if si != lastWordSent || startNext {
					t.flags |= fStart
				}
				lastWordSent = si
			} else if si != lastWordSent {
				lastWordSent = si
			}
			startNext = false
			toks = append(toks, t)
			i = int(t.next)
			continue
		}
		t := token{s: i, e: i + size, next: int32(i + size), sent: int32(si), kind: tPunct, r: r}
		switch r {
		case '"':
			inQuote = !inQuote
			startNext = inQuote
		case '“', '«', '„':
			inQuote = true
			startNext = true
		case '”', '»':
			inQuote = false
		case ':':
			startNext = true
		}
		if inQuote {
			t.flags |= fQuote
		}
		toks = append(toks, t)
		i += size
	}
	return toks
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// scanWord reads the word that starts at text[i].
func scanWord(text string, i int) token {
	t := token{s: i}
	first, _ := utf8.DecodeRuneInString(text[i:])
	if isDigit(first) {
		t.kind = tNum
	}
	j := i
	letters, uppers, lowers := 0, 0, 0
	joined := false
	for j < len(text) {
		if c := text[j]; c >= 'a' && c <= 'z' {
			letters++
			lowers++
			j++
			continue
		} else if c >= 'A' && c <= 'Z' {
			letters++
			uppers++
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case isLetter(r):
			letters++
			if isUpper(r) {
				uppers++
			} else {
				lowers++
			}
			j += size
			continue
		case isDigit(r):
			t.flags |= fDigit
			j += size
			continue
		case r < utf8.RuneSelf:
		case unicode.Is(unicode.Mn, r):
			j += size
			continue
		}
		// joiners: what follows decides
		nr, nsize := rune(0), 0
		if j+size < len(text) {
			nr, nsize = utf8.DecodeRuneInString(text[j+size:])
		}
		switch r {
		case '\'', '’':
			if (nr == 's' || nr == 'S') && !isWordRune(text, j+size+nsize) {
				t.flags |= fPoss
				t.e = j
				t.next = int32(j + size + nsize)
				return finish(text, t, uppers, lowers, joined)
			}
			if isLetter(nr) && letters > 0 {
				j += size
				joined = true
				continue
			}
			if (r == '\'' || r == '’') && letters > 1 && (text[j-1] == 's' || text[j-1] == 'S') && !isLetter(nr) {
				// plural possessive: "Editors'"
				t.flags |= fPoss
				t.e = j
				t.next = int32(j + size)
				return finish(text, t, uppers, lowers, joined)
			}
		case '-', '‑':
			if isLetter(nr) || isDigit(nr) {
				if lowers+uppers > 0 && t.kind == tWord && isUpper(first) && !isUpper(nr) {
					// "U.S.-led", "Kyiv-based": the name stands alone
					k := j + size
					for k < len(text) && isWordRune(text, k) {
						_, sz := utf8.DecodeRuneInString(text[k:])
						k += sz
					}
					if splitSuffix[strings.ToLower(text[j+size:k])] {
						break
					}
				}
				j += size
				joined = true
				continue
			}
		case '.':
			// acronyms and initials: U.S., D.C., W.
			if letters == 1 && uppers == 1 && j-i == 1 {
				if isLetter(nr) && isUpper(nr) && j+size+nsize < len(text) && text[j+size+nsize] == '.' {
					j += size // "U." of "U.S."
					continue
				}
				j += size
				t.e, t.next = j, int32(j)
				t.flags |= fInit
				return finish(text, t, uppers, lowers, joined)
			}
			if letters > 1 && text[j-2] == '.' && isUpper(rune(text[j-1])) {
				// the last letter of an acronym: "U.S" + "."
				j += size
				if isLetter(nr) && j+nsize < len(text) && text[j+nsize] == '.' {
					continue
				}
				t.e, t.next = j, int32(j)
				return finish(text, t, uppers, lowers, joined)
			}
			if t.kind == tWord && abbrevDot[strings.ToLower(text[i:j])] {
				j += size
				t.e, t.next = j, int32(j)
				return finish(text, t, uppers, lowers, joined)
			}
			if t.kind == tNum && isDigit(nr) {
				j += size
				continue
			}
		case ',':
			if t.kind == tNum && isDigit(nr) {
				j += size
				continue
			}
		}
		break
	}
	t.e, t.next = j, int32(j)
	return finish(text, t, uppers, lowers, joined)
}

func isWordRune(text string, k int) bool {
	if k >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return isLetter(r) || isDigit(r)
}

func finish(text string, t token, uppers, lowers int, joined bool) token {
	w := text[t.s:t.e]
	if t.kind != tWord {
		return t
	}
	r, _ := utf8.DecodeRuneInString(w)
	if r >= 0x370 {
		switch {
		case unicode.In(r, unicode.Cyrillic, unicode.Greek):
			t.flags |= fScript
		case unicode.In(r, unicode.Arabic, unicode.Hebrew):
			t.flags |= fCaseless
		}
	}
	if isUpper(r) {
		t.flags |= fCap
	} else if joined {
		// maybe "al-Assad", "d'Estaing"
		if p := particlePrefix(w); p > 0 && p < len(w) {
			if r2, _ := utf8.DecodeRuneInString(w[p:]); isUpper(r2) {
				t.flags |= fCap
			}
		}
	}
	if uppers >= 2 && lowers == 0 {
		t.flags |= fCaps
	}
	return t
}

// particlePrefix returns the length of a lower-case name prefix such as
// "al-" or "d'", 0 when there is none.
func particlePrefix(w string) int {
	for _, p := range [...]string{"al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-", "d'", "d’", "l'", "l’", "de-", "van-"} {
		if strings.HasPrefix(w, p) {
			return len(p)
		}
	}
	return 0
}
