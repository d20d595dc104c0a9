// Package anchors knows what two reports in different languages can share
// without a translation — names, places, figures, days of the month,
// ordinals — and writes each as a term no word of any language is
// written as:
//
//	k:lfrf      a name by its sound, names.Key (Lavrov, Lawrow, Лавров)
//	p:c:RU      a place, places.Lookup (Russland, Russie, Россия)
//	#7.8        a figure as English writes it (7,8 in French)
//	#2-1        a match score
//	@01-26      a day of the month (26 janvier, 26. Januar, January 26)
//	#2.         an ordinal (second, zweiten, deuxième, 2nd)
//
// Clustering links articles of two languages on them; the digest cites an
// article of another language for a sentence on them.
package anchors

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/chorusnews/chorus/internal/words"
)

// Figure returns a number, as its language writes it (with that
// language's decimal sign and digit-group separator), as English writes
// it: "7,8" with a decimal comma is "7.8", "8.500" with a dot for groups
// is "8500". It returns false for a number too common to tell reports
// apart (a single digit) and for what is no plain number (22.03.2024).
func Figure(raw, decimal, group string) (string, bool) {
	s := raw
	if i := strings.LastIndex(s, group); group != "" && i >= 0 && len(s)-i-1 == 3 && !strings.Contains(s, decimal) {
		s = strings.ReplaceAll(s, group, "") // "8.500" in German, "8,500" in English
	}
	s = strings.ReplaceAll(s, decimal, ".")
	s = strings.ReplaceAll(s, ",", "")
	if strings.Count(s, ".") > 1 || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' }) >= 0 {
		return "", false
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if len(s) < 2 {
		return "", false
	}
	return s, true
}

// FigureTerm is the term of a figure (see Figure).
func FigureTerm(value string) string { return "#" + value }

// ScoreTerm is the term of a match score ("2-1", "2:1").
func ScoreTerm(a, b string) string { return "#" + a + "-" + b }

// PlaceTerm is the term of a place, by its id in package places.
func PlaceTerm(id string) string { return "p:" + id }

// NumberedOrdinal reads an ordinal written in figures: "2nd", "15th",
// "15ª", "2e", "2ème".
func NumberedOrdinal(w string) (int, bool) {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 {
		return 0, false
	}
	switch w[i:] {
	case "st", "nd", "rd", "th", "ª", "º", "e", "ème", "eme", "er", "re", "°":
		n, _ := strconv.Atoi(w[:i])
		return n, n > 0
	}
	return 0, false
}

// OrdinalTerm is the term of an ordinal, in words or in figures.
func OrdinalTerm(n int) string { return "#" + strconv.Itoa(n) + "." }

// Month returns the month a word names in its language (or, failing that
// and for a word of four letters or more, in any language), 0 when none.
func Month(lex *words.Lexicon, t words.Token) int {
	if t.Number || t.Lower == "" {
		return 0
	}
	if m := lex.Month(t.Lower); m != 0 {
		return m
	}
	if len(t.Lower) >= 4 {
		return words.AnyMonth(t.Lower)
	}
	return 0
}

// DayOfMonth reads a day of the month, 1 to 31.
func DayOfMonth(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= 31
}

// DayTerm is the term of a day of a month.
func DayTerm(month, day int) string {
	return "@" + strconv.Itoa(100 + month)[1:] + "-" + strconv.Itoa(100 + day)[1:]
}

// NounCaps tells the languages that write every noun with a capital:
// there a capital does not make a name.
func NounCaps(lang string) bool { return lang == "de" || lang == "lb" }

// CommonNounAfter tells, in a language that capitalises nouns, a word that
// reads as a common noun by the two words before it: after an article, an
// adjective or a number ("die Zentralbank", "der russischen Regierung",
// "3,75 Prozent"). A name rarely follows any ("sagte Lagarde", "von
// Prigoschin"). A word in -te or -ten is a verb's past ("sagte",
// "erklärten") unless an article stands before it ("die erste Runde").
func CommonNounAfter(before, prev, t words.Token) bool {
	switch {
	case prev.Number || germanArticles[prev.Lower]:
		return true
	case prev.Lower == "" || prev.Cap:
		return false
	case (strings.HasSuffix(prev.Lower, "te") || strings.HasSuffix(prev.Lower, "ten")) && !germanArticles[before.Lower]:
		return false
	}
	for _, end := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(prev.Lower, end) {
			return true
		}
	}
	return false
}

// germanArticles are the articles and determiners of German, and its
// contractions of a preposition with an article ("im", "zum").
var germanArticles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
		dieser diese dieses diesen diesem jeder jede jedes jeden jedem seine seiner seinen seinem sein ihre ihrer ihren ihrem
		unsere unserer unseren im am zum zur beim vom ins ans`) {
		m[w] = true
	}
	return m
}()

// HasCase tells whether text's script has capitals (Arabic, Hebrew and
// the scripts of Asia do not: there every word may be a name).
func HasCase(text string) bool {
	letters, cased := 0, 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		if letters++; unicode.IsUpper(r) || unicode.IsLower(r) {
			cased++
		}
		if letters >= 200 {
			break
		}
	}
	return cased*2 >= letters
}
