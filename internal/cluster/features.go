package cluster

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/places"

	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/words"
)

// features are what an article is compared by: its words and its anchors,
// of which those in shared link languages (all when shared is nil).
type features struct {
	words, anchors map[string]float64
	shared         map[string]bool
}

func featuresOf(d Doc, o Options) features {
	f := features{words: terms(d, o)}
	if o.CrossWeight > 0 {
		f.anchors = anchors(d, o)
	}
	return f
}

// count adds the features' terms to document frequencies. Anchors and
// words never share a term: anchors carry a sign ("#7.8", "@06-06", "k:")
// that no word does.
func (f features) count(df map[string]int) {
	for t := range f.words {
		df[t]++
	}
	for t := range f.anchors {
		df[t]++
	}
}

// keepShared keeps of each article's anchors those that articles of
// another language have too. An anchor only one language uses links no
// two languages. It still counts in the weight of the others: an article
// whose one shared anchor is a figure among twenty names is not linked by
// that figure alone.
func keepShared(docs []Doc, fs []features) {
	langs := map[string]string{} // anchor → its one language, "*" for several
	for i, f := range fs {
		for t := range f.anchors {
			// An article of a language not known counts as a language of
			// its own beside a known one, not beside another unknown.
			switch l, ok := langs[t]; {
			case !ok:
				langs[t] = docs[i].Language
			case l != docs[i].Language:
				langs[t] = "*"
			}
		}
	}
	for i := range fs {
		fs[i].shared = map[string]bool{}
		for t := range fs[i].anchors {
			if langs[t] == "*" {
				fs[i].shared[t] = true
			}
		}
	}
}

// terms turns an article into weighted terms: stemmed content words of
// its language, with the title's words and proper names counting more, as
// they carry the event while the body's common words carry the topic.
func terms(d Doc, o Options) map[string]float64 {
	lex := words.For(d.Language)
	titleToks, textToks := tokenize(d.Title, 60), tokenize(d.Text, o.MaxWords)
	// Sized for every token a term of its own, so that it never grows.
	tf := make(map[string]float64, len(titleToks)+len(textToks)+len(d.Entities))
	add := func(toks []token, w float64) {
		prev := ""
		for _, tok := range toks {
			key := termOf(lex, tok.word)
			if key == "" {
				prev = ""
				continue
			}
			weight := w
			if tok.proper {
				weight *= o.ProperWeight
			}
			tf[key] += weight
			// Pairs of adjacent content words ("drone strike", "jobs
			// report") tell one event from another on the same topic.
			if prev != "" && o.PairWeight > 0 {
				tf[prev+" "+key] += w * o.PairWeight
			}
			prev = key
		}
	}
	add(titleToks, o.TitleWeight)
	add(textToks, 1)
	if o.EntityWeight > 0 {
		for _, e := range d.Entities {
			tf["@"+strings.ToLower(e)] += o.EntityWeight
		}
	}
	return tf
}

// termOf returns the term a word counts as, "" for a word that carries no
// content: a stop word of its language, a month or weekday name, a single
// letter. English keeps its light stemmer and news stop words, measured
// on AllSides; other languages take Snowball's.
func termOf(lex *words.Lexicon, word string) string {
	lower := strings.ToLower(word)
	if lex.Lang() == "en" || lex.Lang() == "" {
		key := stem(lower)
		if stopword[key] || utf8.RuneCountInString(key) < 2 {
			return ""
		}
		return key
	}
	lower = unquote(lower)
	if lex.Stop(lower) || lex.Month(lower) != 0 || utf8.RuneCountInString(lower) < 2 {
		return ""
	}
	if _, ok := lex.Weekday(lower); ok {
		return ""
	}
	return lex.Stem(lower)
}

type token struct {
	word   string
	proper bool // capitalised inside a sentence: a name
}

// tokenize returns the first limit words of s: only the lead is read, and
// a long text is not split past it.
func tokenize(s string, limit int) []token {
	out := make([]token, 0, min(limit, len(s)/2+1)) // a word and a space at the least
	words.Scan(s, limit, func(t words.Token) bool {
		out = append(out, token{word: s[t.Start:t.End], proper: t.Cap && !t.SentenceStart})
		return true
	})
	return out
}

var unquoter = strings.NewReplacer("’", "", "'", "", ".", "")

// unquote drops apostrophes and full stops ("u.s." → "us"). Most words
// have none, and looking costs far less than the replacer.
func unquote(w string) string {
	if strings.IndexByte(w, '\'') < 0 && strings.IndexByte(w, '.') < 0 && !strings.Contains(w, "’") {
		return w
	}
	return unquoter.Replace(w)
}

// stem strips the commonest English inflections; enough to match
// "sanctions"/"sanctioned"/"sanction" without a full stemmer.
func stem(w string) string {
	w = unquote(w)
	if strings.HasSuffix(w, "s") && len(w) > 4 && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
		w = strings.TrimSuffix(w, "s")
		if strings.HasSuffix(w, "ie") {
			w = strings.TrimSuffix(w, "ie") + "y"
		} else if strings.HasSuffix(w, "e") && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xe")) {
			w = strings.TrimSuffix(w, "e")
		}
	}
	for _, suf := range []string{"ing", "ed"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			w = strings.TrimSuffix(w, suf)
			if strings.HasSuffix(w, "e") {
				w = strings.TrimSuffix(w, "e")
			}
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

var stopword = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been before being below between both but by
		can could did do does doing down during each even ever few for from further had has have having he her here hers herself him
		himself his how i if in into is it its itself just may me might more most much must my myself no nor not now of off on once
		only or other our ours out over own said same says she should since so some still such than that the their theirs them then
		there these they this those though through to too under until up upon us very was we were what when where whether which while
		who whom whose why will with within without would yet you your say told tell new one two year years week day days time like get
		make made people last first according report reported news just told also monday tuesday wednesday thursday friday saturday sunday
		mr mrs ms dr`) {
		m[stem(w)] = true
	}
	return m
}()

// anchors returns an article's language-independent terms: what two
// reports of one event in different languages still share. They are the
// phonetic keys of its names (Prigozhin, Prigoschin and Пригожин alike),
// its figures with their decimal sign read as its language writes it
// (7,8 in French is 7.8 in English), match scores and the days of the
// month it names (26 janvier, 26. Januar, January 26 alike).
func anchors(d Doc, o Options) map[string]float64 {
	lex := words.For(d.Language)
	decimal, group := lex.Separators()
	caseless := !hasCase(d.Text)
	tf := map[string]float64{}
	var prev words.Token
	text := d.Title + "\n" + d.Text
	words.Scan(text, o.AnchorWords, func(t words.Token) bool {
		defer func() { prev = t }()
		if t.Number {
			if n, ok := numberedOrdinal(t.Lower); ok {
				tf[fmt.Sprintf("#%d.", n)]++
				return true
			}
			if v, ok := figure(t.Lower, decimal, group); ok {
				tf["#"+v]++
			}
			// "2-1", "2:0": a score
			if prev.Number && t.Start-prev.End == 1 && strings.ContainsAny(text[prev.End:t.Start], "-:–") {
				tf["#"+prev.Lower+"-"+t.Lower]++
			}
			if m := monthName(lex, prev); m != 0 {
				if day, ok := dayOfMonth(t.Lower); ok {
					tf[fmt.Sprintf("@%02d-%02d", m, day)]++
				}
			}
			return true
		}
		if prev.Number {
			if m := monthName(lex, t); m != 0 {
				if day, ok := dayOfMonth(prev.Lower); ok {
					tf[fmt.Sprintf("@%02d-%02d", m, day)]++
				}
				return true
			}
		}
		if n := lex.Ordinal(t.Lower); n != 0 {
			tf[fmt.Sprintf("#%d.", n)]++
			return true
		}
		if !(t.Cap || caseless) || lex.Stop(t.Lower) || monthName(lex, t) != 0 {
			return true
		}
		// Places have a name in every language (Moskau, Moscou, Москва);
		// other names sound alike in all (Prigoschin, Prigojine).
		if p, ok := places.Lookup(text[t.Start:t.End], d.Language); ok {
			tf["p:"+p.ID]++
			return true
		}
		if t.SentenceStart && !caseless {
			return true // a capital that says nothing
		}
		if nounCaps[d.Language] && commonNounAfter(lex, prev, t) {
			return true
		}
		if k := names.Key(t.Lower, d.Language); k != "" {
			tf[k]++
		}
		return true
	})
	return tf
}

// nounCaps are the languages that write every noun with a capital.
var nounCaps = map[string]bool{"de": true, "lb": true}

// commonNounAfter tells, in a language that capitalises nouns, a word that
// reads as a common noun by the word before it: an article or an
// adjective ("die Zentralbank", "der russischen Regierung"). Names rarely
// follow either ("sagte Lagarde", "von Prigoschin"); an all-capitals word
// is an acronym, kept.
func commonNounAfter(lex *words.Lexicon, prev, t words.Token) bool {
	if prev.Lower == "" || prev.Number || prev.Cap {
		return false
	}
	if germanArticles[prev.Lower] {
		return true
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

// numberedOrdinal reads an ordinal written in figures: "2nd", "15th",
// "15ª", "2e", "2ème".
func numberedOrdinal(w string) (int, bool) {
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

// hasCase tells whether text's script has capitals (Arabic, Hebrew and
// the scripts of Asia do not: there every word may be a name).
func hasCase(text string) bool {
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

// figure returns a number's value as English writes it ("7,8" in a
// language with a decimal comma is "7.8"; "8.500" there is "8500"), or
// false for numbers too common to tell events apart: single digits.
func figure(raw, decimal, group string) (string, bool) {
	s := raw
	if group == "." || group == "," {
		// "8.500": a group sign followed by three digits
		if i := strings.LastIndex(s, group); i >= 0 && len(s)-i-1 == 3 && !strings.Contains(s, decimal) {
			s = strings.ReplaceAll(s, group, "")
		}
	}
	s = strings.ReplaceAll(s, decimal, ".")
	if strings.Count(s, ".") > 1 {
		return "", false // a date or a version: 22.03.2024
	}
	if strings.ContainsAny(s, ",") {
		s = strings.ReplaceAll(s, ",", "")
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if len(s) < 2 {
		return "", false
	}
	return s, true
}

// monthName returns the month a word names in its language (or, failing
// that, in any language), 0 when none.
func monthName(lex *words.Lexicon, t words.Token) int {
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

func dayOfMonth(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= 31
}
