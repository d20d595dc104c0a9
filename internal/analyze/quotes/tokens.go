package quotes

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  = 1
	tPunct = 2
	tOpen  = 3 // an opening quotation mark of a span
	tClose = 4 // a closing quotation mark of a span
)

// token is a word, a punctuation mark or a quotation mark.
type token struct {
	s, e int
	kind uint8
	cap  bool  // begins with an upper-case letter
	q    int32 // the quotation it lies in (its marks included), or -1
	sent int32 // the sentence it lies in
	line int32 // the paragraph it lies in
}

// tokenize splits text into tokens, telling which quotation each lies in.
func tokenize(text string, spans []qspan, toks []token) []token {
	toks = toks[:0]
	si := 0 // current span
	ci := 0 // next continuation mark of span si
	line := int32(0)
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			line++
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' {
			i++
			continue
		}
		for si < len(spans) && spanLast(spans[si]) <= i {
			si++
			ci = 0
		}
		q := int32(-1)
		if si < len(spans) && i >= spans[si].open {
			q = int32(si)
		}
		if q >= 0 {
			sp := &spans[si]
			if i == sp.open {
				toks = append(toks, token{s: i, e: i + sp.osz, kind: tOpen, q: q, line: line})
				i += sp.osz
				continue
			}
			if i == sp.close {
				toks = append(toks, token{s: i, e: i + sp.csz, kind: tClose, q: q, line: line})
				i += sp.csz
				continue
			}
			for ci < len(sp.cont) && sp.cont[ci].s < i {
				ci++
			}
			if ci < len(sp.cont) && sp.cont[ci].s == i {
				cm := sp.cont[ci]
				toks = append(toks, token{s: cm.s, e: cm.e, kind: tOpen, q: q, line: line})
				i = cm.e
				ci++
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		if isAlnum(r) {
			j := wordEnd(text, i, spanStop(spans, si, ci, i))
			toks = append(toks, token{s: i, e: j, kind: tWord, cap: unicode.IsUpper(r), q: q, line: line})
			i = j
			continue
		}
		toks = append(toks, token{s: i, e: i + size, kind: tPunct, q: q, line: line})
		i += size
	}
	return toks
}

// spanLast is the offset just past a span's closing mark (or its end when
// it has none).
func spanLast(s qspan) int {
	if s.close >= 0 {
		return s.close + s.csz
	}
	return s.end
}

// spanStop is the next offset after i where a mark of span si stands, so
// that a word never swallows a closing mark ("end’ she").
func spanStop(spans []qspan, si, ci, i int) int {
	if si >= len(spans) {
		return -1
	}
	sp := &spans[si]
	if i < sp.open {
		return sp.open
	}
	stop := -1
	if sp.close > i {
		stop = sp.close
	}
	for ; ci < len(sp.cont); ci++ {
		if c := sp.cont[ci].s; c > i {
			if stop < 0 || c < stop {
				stop = c
			}
			break
		}
	}
	return stop
}

// wordEnd finds the end of the word starting at i: letters and digits,
// joined by apostrophes, hyphens, dots and ampersands that stand between
// them (don’t, al-Assad, U.S., AT&T, 3.5), and a final dot after an
// initial, an acronym or a known abbreviation (W., U.S., Sen.).
func wordEnd(text string, i, stop int) int {
	start := i
	dots := false
	for i < len(text) && i != stop {
		c := text[i]
		if c < utf8.RuneSelf && asciiAlnum[c] {
			i++
			continue
		}
		r, size := rune(c), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isAlnum(r) || r >= utf8.RuneSelf && unicode.IsMark(r) || i > start && mojibakeIn(text, i, r, size) {
			i += size
			continue
		}
		if r == '.' || r == '\'' || r == '’' || r == '-' || r == '&' || r == '‐' {
			j := i + size
			if j < len(text) && j != stop {
				n, _ := utf8.DecodeRuneInString(text[j:])
				if isAlnum(n) {
					if r == '.' {
						dots = true
					}
					i = j
					continue
				}
			}
			if r == '.' && (dots || i-start == 1 || abbrevs[text[start:i]] || j < len(text) && text[j] == ',') {
				return j // "U.S.", "W.", "Sen.", "R-Ky.,"
			}
		}
		break
	}
	return i
}

// mojibakeIn: the rune r at offset i, inside a word, is a Latin-1 sign
// standing for a byte of a letter decoded in the wrong charset
// ("FranÃ§ois", "PeÃ±a"), followed by more of the word: it does not
// split the name. No-break space and guillemets are never such a sign.
func mojibakeIn(text string, i int, r rune, size int) bool {
	if !latin1Sign(r) {
		return false
	}
	if p, _ := utf8.DecodeLastRuneInString(text[:i]); p >= 0xC2 && p <= 0xDF || latin1Sign(p) {
		return true // the second byte of a letter: "JosÃ©"
	}
	if j := i + size; j < len(text) {
		n, _ := utf8.DecodeRuneInString(text[j:])
		return isAlnum(n) || latin1Sign(n)
	}
	return false
}

// latin1Sign: r is a control or sign of the Latin-1 supplement, as the
// bytes of a UTF-8 letter read as Latin-1 are, but not a space or a
// quotation mark.
func latin1Sign(r rune) bool {
	return r >= 0x80 && r <= 0xBF && r != 0x85 && r != 0xA0 && r != '«' && r != '»'
}

// abbrevs keep their dot: titles and month names before names and dates.
var abbrevs = wordSet(`Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Maj Capt Sgt Adm Rev St Jr Sr Hon Pres Gov Supt Insp Det
Atty Amb Cmdr Mt Ft No Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Corp Ltd Co Bros vs etc Mme Mlle Dott Ing
mr mrs ms dr prof sen rep gov gen lt col jr sr jan feb mar apr jun jul aug sep sept oct nov dec`)
