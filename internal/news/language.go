package news

import (
	"cmp"
	"slices"
	"strings"
)

// LangCode returns the ISO 639-1 code an article's language is given as,
// lower-cased and without region or script ("en-GB", "EN" → "en"); ""
// when it is not a code of two or three letters.
func LangCode(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if len(lang) < 2 || len(lang) > 3 || strings.IndexFunc(lang, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return ""
	}
	return lang
}

// LanguagesByCoverage returns the languages of the story's articles, the
// language with most articles first, ties in code order.
func (s Story) LanguagesByCoverage() []string {
	langs := make([]string, 0, len(s.Languages))
	for l := range s.Languages {
		langs = append(langs, l)
	}
	slices.SortFunc(langs, func(a, b string) int {
		return cmp.Or(cmp.Compare(s.Languages[b], s.Languages[a]), strings.Compare(a, b))
	})
	return langs
}
