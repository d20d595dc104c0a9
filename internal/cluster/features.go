package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// terms turns a title and text into weighted terms: stemmed content words,
// with the title's words and proper names counting more, as they carry the
// event while the body's common words carry the topic.
func terms(title, text string, entities []string, o Options) map[string]float64 {
	titleToks, textToks := tokenize(title, 60), tokenize(text, o.MaxWords)
	// Sized for every token a term of its own, so that it never grows.
	tf := make(map[string]float64, len(titleToks)+len(textToks)+len(entities))
	add := func(toks []token, w float64) {
		prev := ""
		for _, tok := range toks {
			key := stem(strings.ToLower(tok.word))
			if stopword[key] || utf8.RuneCountInString(key) < 2 {
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
		for _, e := range entities {
			tf["@"+strings.ToLower(e)] += o.EntityWeight
		}
	}
	return tf
}

type token struct {
	word   string
	proper bool // capitalised inside a sentence: a name
}

// tokenize returns the first limit words of s: only the lead is read, and
// a long text is not split past it.
func tokenize(s string, limit int) []token {
	out := make([]token, 0, min(limit, len(s)/2+1)) // a word and a space at the least
	sentenceStart := true
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		r, _ := utf8.DecodeRuneInString(w)
		out = append(out, token{word: w, proper: unicode.IsUpper(r) && !sentenceStart})
		sentenceStart = false
		start = -1
	}
	for i, r := range s {
		if len(out) >= limit {
			return out
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '.' && start >= 0 && i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\n' {
			if start >= 0 {
				continue
			}
		}
		flush(i)
		if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' {
			sentenceStart = true
		}
	}
	if len(out) < limit {
		flush(len(s))
	}
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
