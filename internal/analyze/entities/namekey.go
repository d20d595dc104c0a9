package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/names"
)

// foldTable maps Latin letters with diacritics to plain ASCII.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range strings.Fields(`àáâãäåāăą:a æ:ae çćĉċč:c ďđð:d èéêëēĕėęě:e ĝğġģ:g ĥħ:h ìíîïĩīĭįı:i ĵ:j ķ:k
		ĺļľŀł:l ñńņňŉ:n òóôõöøōŏő:o œ:oe ŕŗř:r śŝşšș:s ßẞ:ss ţťŧț:t ùúûüũūŭůűų:u ŵ:w ýÿŷ:y źżž:z þ:th`) {
		letters, plain, _ := strings.Cut(p, ":")
		for _, r := range letters {
			m[r] = plain
			if u := unicode.ToUpper(r); u != r {
				m[u] = plain
			}
		}
	}
	return m
}()

// NameKey returns the key under which spelling variants of one name fall
// together: case, diacritics, punctuation, hyphens and the usual
// transliteration variants (ei/ey/ej, -iy/-yy/-y/-i endings, ks/x, kh/h,
// ph/f, w/v, doubled letters) are folded, so that "Sergei Lavrov" and
// "Sergey Lavrov", "Zelensky", "Zelenskyy" and "Zelenskiy", "Dmitry" and
// "Dmitri" share a key, while different surnames never do. Names the
// lexicon knows under several forms share the key of their canonical form
// ("U.S." and "United States", "NATO" and "North Atlantic Treaty
// Organization", "Kiev" and "Kyiv").
func NameKey(name string) string { return nameKey(canonical(name)) }

// canonical returns name without the spaces around it, or the lexicon's
// canonical name when name is one of its aliases ("U.S." → "United
// States"; an alias in capitals only as written: "US", not "us").
func canonical(name string) string {
	name = strings.TrimSpace(name)
	if k, ok := knownAs(name); ok && (!k.caps || isCapsForm(name)) {
		return k.name
	}
	return name
}

// nameKey is NameKey without the lexicon.
func nameKey(name string) string {
	var buf [64]byte
	return string(appendNameKey(buf[:0], name))
}

// givenName looks a word up among the given names by its key, returning
// the gender the lexicon gives it.
func givenName(word string) (gender byte, ok bool) {
	var buf [64]byte
	k := appendNameKey(buf[:0], word)
	if gender, ok = lex.given[string(k)]; ok || len(k) < 3 {
		return gender, ok
	}
	// the spellings other languages give a name: a y written j (Jewgeni,
	// Juri), a hard g written gu (Sergueï, Evgueni)
	changed := false
	if k[0] == 'j' && isVowel(k[1]) {
		k[0], changed = 'y', true
	}
	for i := 0; i+2 < len(k); i++ {
		if k[i] == 'g' && k[i+1] == 'u' && (k[i+2] == 'e' || k[i+2] == 'i') {
			k = append(k[:i+1], k[i+2:]...)
			changed = true
		}
	}
	if !changed {
		return 0, false
	}
	var buf2 [64]byte
	gender, ok = lex.given[string(appendNameKey(buf2[:0], string(k)))]
	return gender, ok
}

// appendNameKey appends nameKey(name) to dst: a look-up by the key can then
// build it in a buffer on the stack rather than in a new string.
func appendNameKey(dst []byte, name string) []byte {
	start := len(dst)
	var tokBuf [32]byte
	tok := tokBuf[:0] // the word being read, lower case and diacritics folded
	flush := func() {
		if len(tok) == 0 {
			return
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = names.AppendVariantFold(dst, tok)
		tok = tok[:0]
	}
	for _, r := range name {
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case c >= 'A' && c <= 'Z':
				tok = append(tok, c+'a'-'A')
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				tok = append(tok, c)
			case c == '\'' || c == '.':
				// dropped: "O'Brien" = "OBrien", "U.S." = "US"
			case c == '&':
				flush()
				tok = append(tok, '&')
				flush()
			default:
				flush()
			}
		case r == '’' || r == 'ʼ' || r == '‘':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if s, ok := foldTable[r]; ok {
				tok = append(tok, s...)
			} else {
				tok = utf8.AppendRune(tok, unicode.ToLower(r))
			}
		case unicode.Is(unicode.Mn, r):
		default:
			flush()
		}
	}
	flush()
	return dst
}

func isCapsForm(s string) bool {
	return strings.ToUpper(s) == s
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}
