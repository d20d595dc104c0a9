// Package words splits text into lower-cased words and knows the function
// words of English, so that stages comparing texts by their content words
// (clustering, summaries) agree on what a content word is.
package words

import (
	"strings"
	"unicode"
)

// Split returns the lower-cased words of s: runs of letters and digits,
// with inner apostrophes dropped ("Russia’s" → "russias") and hyphens
// splitting ("U.S.-led" → "us", "led").
func Split(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.' && b.Len() > 0 && b.Len() < 4:
			// inside a word: "don't", "U.S."
		default:
			flush()
		}
	}
	flush()
	return out
}

// Content returns the words of s that carry content: no function words, no
// single letters.
func Content(s string) []string {
	ws := Split(s)
	out := ws[:0]
	for _, w := range ws {
		if len(w) > 1 && !function[w] {
			out = append(out, w)
		}
	}
	return out
}

// IsFunction tells a function word ("the", "of", "would"). "us" is not one:
// in news it is far more often the country, written US or U.S.
func IsFunction(w string) bool { return function[w] }

var function = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been before being
		below between both but by can could did do does doing down during each even ever few for from further had has have having he
		her here hers herself him himself his how i if in into is it its itself just may me might more most much must my myself no nor
		not now of off on once only or other our ours out over own same she should since so some still such than that the their
		theirs them then there these they this those though through to too under until up upon very was we were what when where
		whether which while who whom whose why will with within without would yet you your s t`) {
		m[w] = true
	}
	return m
}()
