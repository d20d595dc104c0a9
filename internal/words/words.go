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
// splitting ("U.S.-led" → "us", "led"). A word already in lower-case ASCII
// is a slice of s, without a copy: most words of most news are.
func Split(s string) []string {
	out := make([]string, 0, len(s)/5) // about a word per five bytes of prose
	var b strings.Builder
	start, plain := -1, true // start of the current word; whether it is s[start:i] as is
	flush := func(end int) {
		switch {
		case start < 0:
		case plain:
			out = append(out, s[start:end])
		case b.Len() > 0:
			out = append(out, b.String())
		}
		start, plain = -1, true
		b.Reset()
	}
	// toBuilder copies the plain part of the word so far, once the word
	// turns out to need rewriting.
	toBuilder := func(end int) {
		if plain {
			plain = false
			b.WriteString(s[start:end])
		}
	}
	for i, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			if start < 0 {
				start = i
			}
			if !plain {
				b.WriteRune(r)
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			toBuilder(i)
			b.WriteRune(unicode.ToLower(r))
		case start >= 0 && (r == '\'' || r == '’' || r == '.' && wordLen(s, start, i, plain, &b) < 4):
			// inside a word: "don't", "U.S."
			toBuilder(i)
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// wordLen is the length in bytes of the word being read, as Split would
// have built it.
func wordLen(s string, start, i int, plain bool, b *strings.Builder) int {
	if plain {
		return i - start
	}
	return b.Len()
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
