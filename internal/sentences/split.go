// Package sentences splits article text into sentences. It survives
// abbreviations (U.S., Jan. 26, Sen., Gen., Mr.), initials, decimals,
// ellipses and quotations inside a sentence, and handles the full stops of
// scripts that write them otherwise (。！？).
package sentences

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/words"
)

// Span is one sentence: text[Start:End], trimmed.
type Span struct{ Start, End int }

// Text returns the sentence's text within text.
func (s Span) Text(text string) string { return text[s.Start:s.End] }

// titles never end a sentence: a name always follows them. So does the
// "v." of a court case ("Roe v. Wade").
var titles = set("mr mrs ms mx dr prof sen rep gov gen lt col maj capt cpt sgt adm cmdr rev fr sr jr st hon pres supt insp det atty amb messrs mme mlle hr frau herr dott ing v")

// abbreviations end a sentence only when a sentence plainly starts after
// them.
var abbreviations = set("jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co bros vs etc mt ft approx dept univ ave blvd rd est al ca cf ed eds ph mass calif fla ill penn wash conn ariz colo mich minn tenn ok bzw usw evtl ca inkl zb z.b d.h u.a mrd mio tsd mln")

// numbering abbreviations are abbreviations only before a number ("No. 5",
// "Fig. 2"); "said no. Then…" ends a sentence.
var numbering = set("no nos fig figs vol pp op art nr")

// starters are words that open sentences; after an acronym such as "U.S."
// they tell a sentence end from a name ("U.S. Secretary").
var starters = set("the a an he she it they we i you this that these those there his her their its our in on at but and so yet if when while after before as for however meanwhile still also then now some many most no one two three mr mrs ms dr")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Split returns the sentences of text in order. Line breaks always end a
// sentence: a paragraph, a heading or a list item is never run on.
func Split(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := Trim(text, start, end)
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			emit(i)
		case r == '。' || r == '！' || r == '？':
			j := skipClosers(text, i+size)
			emit(j)
			i = j
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := skipClosers(text, skipRun(text, i+size))
			if endsHere(text, i, j) {
				emit(j)
				i = j
				continue
			}
			i = j
			continue
		}
		i += size
	}
	emit(len(text))
	return out
}

// skipRun passes further stops of the same run ("?!", "...").
func skipRun(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			break
		}
		i += size
	}
	return i
}

// skipClosers passes closing quotes and brackets that belong to the sentence.
func skipClosers(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune("\"'”’»)]」』", r) {
			break
		}
		i += size
	}
	return i
}

// endsHere decides whether the stop at text[i] (its run and closers ending
// at j) ends a sentence.
func endsHere(text string, i, j int) bool {
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			return false // 3.5, U.S.-led, example.com, "end."More
		}
	}
	next := nextWord(text, j)
	if next == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(next)
	opener := unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“‘«„(['¿¡", first) || !unicode.IsLetter(first) && !unicode.IsDigit(first) || unicode.Is(unicode.Han, first)
	if !opener {
		return false
	}
	if text[i] != '.' || j-i > 1 && text[i:i+3] == "..." {
		// "!", "?" and an ellipsis before a capital end the sentence, but a
		// closing quote followed by a lower-case cue never reaches here.
		return true
	}
	if ordinalBefore(text, i) && words.AnyMonth(strings.ToLower(strings.Trim(next, ",.;:"))) != 0 {
		return false // "am 26. Januar", "1. marca": a day, not a sentence end
	}
	prev := wordBefore(text, i)
	lower := strings.ToLower(prev)
	switch {
	case titles[lower]:
		return false
	case numbering[lower]:
		return !unicode.IsDigit(first)
	case abbreviations[lower]:
		// "Jan. 26", "Inc. said": only a plain sentence opener ends it.
		return starters[strings.ToLower(strings.Trim(next, "\"“‘«"))] && !unicode.IsDigit(first)
	case isInitial(prev):
		return false
	case strings.Contains(prev, "."):
		// An acronym: "the U.S. The talks…" ends; "U.S. Secretary" does not.
		return starters[strings.ToLower(strings.Trim(next, "\"“‘«"))]
	}
	return true
}

// ordinalBefore tells a stop right after a number of one or two digits,
// the way German, the Nordic and the Slavic languages write a day.
func ordinalBefore(text string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && text[j] >= '0' && text[j] <= '9'; j-- {
		n++
	}
	return n >= 1 && n <= 2 && (i-n == 0 || !unicode.IsLetter(rune(text[i-n-1])) && text[i-n-1] != '.')
}

// wordBefore returns the run of letters and dots before text[i].
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	return strings.TrimLeft(text[j:i], ".")
}

// isInitial tells a single capital letter: "J. K. Rowling", "George W. Bush".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// nextWord returns the next whitespace-separated token after text[j].
func nextWord(text string, j int) string {
	rest := strings.TrimLeftFunc(text[j:], unicode.IsSpace)
	if k := strings.IndexFunc(rest, unicode.IsSpace); k >= 0 {
		rest = rest[:k]
	}
	return rest
}

// Trim returns the span [s, e) of text without the white space around it.
func Trim(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
