package names

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CrossKey returns the key of a name in any script, under which the forms
// languages and scripts give one name fall together: the AppendCrossWord
// key of each of its words, joined by single spaces, so that Sergey
// Lavrov, Sergej Lawrow, Sergueï Lavrov, Сергей Лавров and Сергея Лаврова
// share "serg lavrov". lang, an ISO 639-1 code, is the language the name
// is written in ("" when unknown). Words are runs of letters and digits;
// apostrophes, dots and combining marks stay inside a word (O'Brien,
// U.S.), anything else parts words. It returns "" for a name without a
// letter or digit.
//
// The key is coarser than a spelling: names that differ only in their
// final vowels share one (Maria and Mario). Spellings beyond what folds
// (Prigoschin, Prigojine, Prigozhin) keep their own keys; Key tells their
// sound. Names that are one only by convention (U.S. and United States,
// Kiev and Kyiv) are the caller's to map first.
func CrossKey(name, lang string) string {
	var buf [64]byte
	dst := buf[:0]
	wordStart := -1
	flush := func(end int) {
		if wordStart < 0 {
			return
		}
		if len(dst) > 0 && dst[len(dst)-1] != ' ' {
			dst = append(dst, ' ')
		}
		dst = AppendCrossWord(dst, name[wordStart:end], lang)
		wordStart = -1
	}
	for i, r := range name {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '.' || unicode.Is(unicode.Mn, r):
			// inside the word: O'Brien, U.S.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if wordStart < 0 {
				wordStart = i
			}
		default:
			flush(i)
		}
	}
	flush(len(name))
	return strings.TrimSuffix(string(dst), " ")
}

// AppendCrossWord appends the CrossKey of one word of a name, in any
// script, to dst, and returns the extended buffer: the word's stem (the
// case endings of Russian, Ukrainian and Greek names cut), transliterated
// to Latin (see Latin), spelling variants folded (see AppendVariantFold)
// and its final vowels cut, so that Лавров, Лаврова, Лавровым, Lavrov and
// Lawrow, or Сергей, Сергея, Sergey, Sergej and Sergueï, share one. It
// appends nothing for a word without a letter or digit. A look-up by the
// key can build it in a buffer on the stack rather than in a new string.
func AppendCrossWord(dst []byte, word, lang string) []byte {
	var buf [48]byte
	tok := buf[:0]
	lat := word
	if isASCII(word) {
		lat = "" // most names: lower-cased below, without a copy
		for i := 0; i < len(word); i++ {
			if c := word[i]; c >= 'A' && c <= 'Z' {
				tok = append(tok, c+'a'-'A')
			} else if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				tok = append(tok, c)
			}
		}
	} else {
		w := strings.ToLower(word)
		r0, _ := utf8.DecodeRuneInString(w)
		switch {
		case r0 >= 0x400 && r0 <= 0x52f:
			w = cutCyrillic(w)
		case r0 >= 0x370 && r0 <= 0x3ff:
			w = greekSounds.Replace(CutGreek(w))
		}
		lat = Latin(w, lang)
	}
	for i := 0; i < len(lat); i++ {
		if c := lat[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			tok = append(tok, c)
		} else if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(lat[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				tok = append(tok, lat[i:i+size]...)
			}
			i += size - 1
		}
	}
	if len(tok) == 0 {
		return dst
	}
	// French and Spanish write a hard g before e and i as gu (Sergueï,
	// Evgueni); German and Polish write the y of Cyrillic е, ю, я as j
	// (Jewgeni, Juri).
	for i := 0; i+2 < len(tok); i++ {
		if tok[i] == 'g' && tok[i+1] == 'u' && (tok[i+2] == 'e' || tok[i+2] == 'i') {
			tok = append(tok[:i+1], tok[i+2:]...)
		}
	}
	if len(tok) > 1 && tok[0] == 'j' && isVowel(tok[1]) {
		tok[0] = 'y'
	}
	start := len(dst)
	dst = AppendVariantFold(dst, tok)
	// final vowels: case endings (Лаврова, Москве), and the spellings of
	// one ending (Sergei, Sergey, Сергей; Zelensky, Zelenskyy, Зеленский)
	n := len(dst)
	for n-start > 3 && isVowel(dst[n-1]) {
		n--
	}
	return dst[:n]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cyrillicCase lists the endings Russian and Ukrainian add to a name,
// with the least length in letters the stem keeps: what is cut for a key
// (Лавровым, Зеленского, Сергеем → лавров, зеленск, серге). Endings of
// one vowel are cut after transliteration, for every script alike (see
// AppendCrossWord).
var cyrillicCase = []struct {
	end     string
	minStem int
	// afterVowel: only after a vowel (Сергеем, Николаем, not Артем)
	afterVowel bool
}{
	{"ого", 3, false}, {"его", 3, false}, {"ому", 3, false}, {"ему", 3, false},
	{"ским", 1, false}, {"цким", 1, false}, {"ським", 1, false}, {"цьким", 1, false},
	{"ыми", 3, false}, {"ими", 4, false}, {"ами", 4, false}, {"ями", 4, false},
	{"ым", 3, false}, {"ом", 4, false}, {"ем", 3, true}, {"єм", 3, true},
	{"ой", 3, false}, {"ей", 3, false}, {"ою", 3, false}, {"ею", 3, false}, {"ую", 3, false}, {"юю", 3, false},
}

// cutCyrillic returns w, a lower-case Cyrillic word, without a case ending
// of cyrillicCase.
func cutCyrillic(w string) string {
	for _, c := range cyrillicCase {
		if !strings.HasSuffix(w, c.end) {
			continue
		}
		stem := w[:len(w)-len(c.end)]
		if c.end == "ским" || c.end == "цким" || c.end == "ським" || c.end == "цьким" {
			return w[:len(w)-len("им")] // Зеленским → зеленск
		}
		if utf8.RuneCountInString(stem) < c.minStem {
			continue
		}
		if c.afterVowel {
			last, _ := utf8.DecodeLastRuneInString(stem)
			if !strings.ContainsRune("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯ", last) {
				continue
			}
		}
		return stem
	}
	return w
}

// greekSounds reads μπ, ντ and γκ, how Greek spells the b, d and g of
// other languages' names, as those letters (Σεργκέι is Sergei, Ντόναλντ
// Donald).
var greekSounds = strings.NewReplacer("γκ", "g", "μπ", "b", "ντ", "d")

// CutGreek returns w, a lower-case Greek word, without its final sigma:
// the nominative of most names (Μητσοτάκης, Μητσοτάκη). Words of four
// letters or fewer are returned as they are.
func CutGreek(w string) string {
	if strings.HasSuffix(w, "ς") && utf8.RuneCountInString(w) > 4 {
		return w[:len(w)-len("ς")]
	}
	return w
}

// AppendVariantFold appends to dst the fold of w, one lower-case word
// without diacritics, under which the usual transliteration variants of a
// Latin spelling agree, and returns the extended buffer: sch is sh, tch
// ch, ph f, kh h, ck k, ks x; a hard c and q are k, w is v; y past the
// first letter is i, and a first y before e is dropped (Yevgeny, Evgeny);
// j after a vowel and before none is i (Sergej, Sergei); oe, ue and ae
// after the first letter are o, u and a (Schroeder, Schröder once folded);
// -isation- is -ization-; doubled letters other than digits are one
// (Zelenskyy, Zelenski).
func AppendVariantFold(dst, w []byte) []byte {
	start := len(dst)
	out := dst
	n := len(w)
	for i := 0; i < n; i++ {
		c := w[i]
		next := byte(0)
		if i+1 < n {
			next = w[i+1]
		}
		switch {
		case c == 's' && next == 'c' && i+2 < n && w[i+2] == 'h':
			out = append(out, 's', 'h') // sch → sh
			i += 2
			continue
		case c == 't' && next == 'c' && i+2 < n && w[i+2] == 'h':
			out = append(out, 'c', 'h') // tch → ch
			i += 2
			continue
		case c == 'p' && next == 'h':
			out = append(out, 'f')
			i++
			continue
		case c == 'k' && next == 'h':
			out = append(out, 'h')
			i++
			continue
		case c == 'c' && next == 'k':
			out = append(out, 'k')
			i++
			continue
		case c == 'k' && next == 's':
			out = append(out, 'x')
			i++
			continue
		case c == 'c' && next != 'h' && next != 'e' && next != 'i' && next != 'y':
			c = 'k'
		case c == 'q':
			c = 'k'
		case c == 'w':
			c = 'v'
		case c == 'y' && i == 0 && next == 'e':
			continue // Yevgeny = Evgeny
		case c == 'y' && i > 0:
			c = 'i'
		case c == 'j' && i > 0 && isVowel(w[i-1]) && (next == 0 || !isVowel(next)):
			c = 'i' // Sergej = Sergei
		case (c == 'o' || c == 'u' || c == 'a') && next == 'e' && i > 0:
			out = append(out, c) // Schroeder = Schröder, Mueller = Müller
			i++
			continue
		}
		out = append(out, c)
	}
	word := out[start:]
	// "isation" = "ization"
	if i := bytes.Index(word, []byte("isation")); i >= 0 {
		word[i+1] = 'z'
	}
	// doubled letters, after the folds above: Zelenskyy → zelenskii → zelenski
	k := 0
	for i := 0; i < len(word); i++ {
		if k > 0 && word[k-1] == word[i] && word[i] < utf8.RuneSelf && !(word[i] >= '0' && word[i] <= '9') {
			continue
		}
		word[k] = word[i]
		k++
	}
	return out[:start+k]
}
