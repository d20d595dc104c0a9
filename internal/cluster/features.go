package cluster

import (
	"strings"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/anchors"
	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/places"
	"github.com/chorusnews/chorus/internal/words"
)

// features are what an article is compared by: its words and its anchors,
// of which those in shared link languages (all when shared is nil).
type features struct {
	words, anchors map[string]float64
	shared         map[string]bool
	ordinals       uint16 // bit n: the lead says "n-th" (first to fifteenth)
}

func featuresOf(d Doc, o Options) features {
	f := features{words: terms(d, o)}
	if o.CrossWeight > 0 {
		f.anchors = anchorsOf(d, o)
	}
	if o.OrdinalClash < 1 && d.Published.IsZero() {
		f.ordinals = leadOrdinals(d, o.MaxWords)
	}
	return f
}

// leadOrdinals returns the ordinals (first to fifteenth) that the first
// limit words of an article say, as bits: the lead says which occurrence
// the report is of ("the second flight"); later ordinals are as often of
// something else.
func leadOrdinals(d Doc, limit int) uint16 {
	lex := words.For(d.Language)
	var bits uint16
	words.Scan(d.Title+"\n"+d.Text, limit, func(t words.Token) bool {
		n, ok := anchors.NumberedOrdinal(t.Lower)
		if !ok && !t.Number {
			n = lex.Ordinal(t.Lower)
		}
		if n > 0 && n < 16 {
			bits |= 1 << n
		}
		return true
	})
	return bits
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
func termOf(lex *words.Lexicon, lower string) string {
	if lex.Lang() == "en" || lex.Lang() == "" {
		key := stem(lower)
		if stopword[key] || utf8.RuneCountInString(key) < 2 {
			return ""
		}
		return key
	}
	if lex.Stop(lower) || lex.Month(lower) != 0 || utf8.RuneCountInString(lower) < 2 {
		return ""
	}
	if _, ok := lex.Weekday(lower); ok {
		return ""
	}
	return lex.Stem(lower)
}

type token struct {
	word   string // lower case, as words.Scan gives it
	proper bool   // capitalised inside a sentence: a name
}

// tokenize returns the first limit words of s: only the lead is read, and
// a long text is not split past it.
func tokenize(s string, limit int) []token {
	out := make([]token, 0, min(limit, len(s)/2+1)) // a word and a space at the least
	words.Scan(s, limit, func(t words.Token) bool {
		out = append(out, token{word: t.Lower, proper: t.Cap && !t.SentenceStart})
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
			w = strings.TrimSuffix(strings.TrimSuffix(w, suf), "e")
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

// anchorsOf returns an article's language-independent terms: what two
// reports of one event in different languages still share. They are the
// phonetic keys of its names (Prigozhin, Prigoschin and Пригожин alike),
// its figures with their decimal sign read as its language writes it
// (7,8 in French is 7.8 in English), match scores and the days of the
// month it names (26 janvier, 26. Januar, January 26 alike).
func anchorsOf(d Doc, o Options) map[string]float64 {
	lex := words.For(d.Language)
	decimal, group := lex.Separators()
	caseless := !anchors.HasCase(d.Text)
	tf := map[string]float64{}
	var before, prev words.Token
	text := d.Title + "\n" + d.Text
	words.Scan(text, o.AnchorWords, func(t words.Token) bool {
		defer func() { before, prev = prev, t }()
		if t.Number {
			if n, ok := anchors.NumberedOrdinal(t.Lower); ok {
				tf[anchors.OrdinalTerm(n)]++
				return true
			}
			if v, ok := anchors.Figure(t.Lower, decimal, group); ok {
				tf[anchors.FigureTerm(v)]++
			}
			if prev.Number && t.Start-prev.End == 1 && strings.ContainsAny(text[prev.End:t.Start], "-:–") {
				tf[anchors.ScoreTerm(prev.Lower, t.Lower)]++
			}
			if m := anchors.Month(lex, prev); m != 0 {
				if day, ok := anchors.DayOfMonth(t.Lower); ok {
					tf[anchors.DayTerm(m, day)]++
				}
			}
			return true
		}
		if prev.Number {
			if m := anchors.Month(lex, t); m != 0 {
				if day, ok := anchors.DayOfMonth(prev.Lower); ok {
					tf[anchors.DayTerm(m, day)]++
				}
				return true
			}
		}
		if n := lex.Ordinal(t.Lower); n != 0 {
			tf[anchors.OrdinalTerm(n)]++
			return true
		}
		if !(t.Cap || caseless) || lex.Stop(t.Lower) || anchors.Month(lex, t) != 0 {
			return true
		}
		// Places have a name in every language (Moskau, Moscou, Москва);
		// other names sound alike in all (Prigoschin, Prigojine).
		if p, ok := places.Lookup(text[t.Start:t.End], d.Language); ok {
			tf[anchors.PlaceTerm(p.ID)]++
			return true
		}
		if t.SentenceStart && !caseless {
			return true // a capital that says nothing
		}
		if anchors.NounCaps(d.Language) && anchors.CommonNounAfter(before, prev, t) {
			return true
		}
		if k := names.Key(t.Lower, d.Language); k != "" {
			tf[k]++
		}
		return true
	})
	return tf
}
