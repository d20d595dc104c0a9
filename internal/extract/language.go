package extract

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// detectLanguage returns the ISO 639-1 code of text's language, or "" when
// the guess is not reliable. Most news is in a handful of languages whose
// function words alone tell them apart, and counting those is far cheaper
// than the trigram detector, which decides everything else — and every
// text where the count is not clear-cut. The first few hundred characters
// tell the language as well as the whole text.
func detectLanguage(text string) string {
	if lang := byFunctionWords(text); lang != "" {
		return lang
	}
	if lang := byCyrillicLetters(text); lang != "" {
		return lang
	}
	if len(text) > 800 {
		cut := strings.LastIndexByte(text[:800], ' ')
		if cut < 0 {
			cut = 800
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() && info.Confidence < 0.5 {
		return ""
	}
	return info.Lang.Iso6391()
}

// functionWords are frequent words each of which belongs to one language
// of the list (words several of them share, like "de" or "que", are left
// out).
var functionWords = func() map[string]string {
	m := map[string]string{}
	for lang, ws := range map[string]string{
		"en": "the and of to that for with said are have has from this by were which would their been will not but they who",
		"de": "der die und das ist nicht mit sich auf dem den von auch wird wurde eine einen einer für sind nach bei über",
		"fr": "les des et est une du qui dans pour pas sur avec sont été aux cette elle ont leur plus",
		"es": "el los las y por una con para su al como más fue pero sus este esta entre también",
		"pt": "os não uma com em dos foi são pelo pela ao seu sua",
		"it": "di che non per della gli sono è alla nel delle anche questo dei",
		"nl": "het een van dat op niet zijn met voor er ook wordt werd aan bij naar maar",
	} {
		for _, w := range strings.Fields(ws) {
			if _, taken := m[w]; taken {
				panic("function word in two languages: " + w)
			}
			m[w] = lang
		}
	}
	return m
}()

// byFunctionWords names the language of text when, among its first 150
// words, one language's function words make an eighth or more and at least
// four times any other's; else it returns "".
func byFunctionWords(text string) string {
	counts := map[string]int{}
	words := 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if words++; words > 150 {
			break
		}
		if lang, ok := functionWords[strings.ToLower(w)]; ok {
			counts[lang]++
		}
	}
	best, second := "", 0
	for lang, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && lang < best {
			if best != "" {
				second = max(second, counts[best])
			}
			best = lang
		} else {
			second = max(second, n)
		}
	}
	if words < 30 || best == "" || counts[best]*8 < min(words, 150) || counts[best] < 4*second {
		return ""
	}
	return best
}

// byCyrillicLetters tells the languages written in Cyrillic apart by the
// letters only one or two of them use (ы and э Russian and Belarusian;
// і, ї, є, ґ Ukrainian; ў Belarusian; ј, љ, њ Serbian and Macedonian; ђ, ћ
// Serbian; ѓ, ќ, ѕ Macedonian). Trigrams confuse Russian and Ukrainian on
// a short page; a handful of letters does not. It returns "" when the text
// is not mostly Cyrillic or its letters do not settle it.
func byCyrillicLetters(text string) string {
	var cyrillic, latin int
	seen := map[rune]int{}
	for i, r := range text {
		if i > 4000 {
			break
		}
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			seen[unicode.ToLower(r)]++
		case unicode.IsLetter(r):
			latin++
		}
	}
	if cyrillic < 40 || cyrillic < 2*latin {
		return ""
	}
	has := func(letters string) int {
		n := 0
		for _, r := range letters {
			n += seen[r]
		}
		return n
	}
	switch ru, uk := has("ыэъё"), has("іїєґ"); {
	case has("ђћ") > 0:
		return "sr"
	case has("ѓќѕ") > 0:
		return "mk"
	case has("јљњџ") > 0:
		return "sr"
	case has("ў") > 0 && has("і") > 0:
		return "be"
	case uk > 0 && ru == 0:
		return "uk"
	case ru > 0 && uk == 0:
		if has("ъ") > 2*has("ы") {
			return "bg" // Bulgarian has ъ as a vowel and no ы
		}
		return "ru"
	}
	return ""
}
