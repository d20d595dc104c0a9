package quotes

import "strings"

// This file reads characterisations: a subject's verb puts a quoted label
// on its object, "Trump openly admires Putin as a “strong leader,”",
// "Obama condemned the test as “provocative”", "X hailed the vote as
// “fantastic.”" The quotation is the subject's word for the object, so
// the subject said it, whatever the verb (many of them, "admires",
// "hailed", are no cues of the lexicon), and what was said is the object
// with its label. Only quotations nothing else claimed are read so.

// characterizations attributes the quotations that label the object of
// their sentence's verb after "as".
func (f *finder) characterizations() {
	covered := f.coveredSpans()
	for qi := range f.spans {
		if f.spanUsed[qi] || covered[qi] || f.openTok[qi] < 0 || f.closeTok[qi] < 0 {
			continue
		}
		as := f.asBefore(f.openTok[qi])
		if as < 0 {
			continue
		}
		sa, sb, v := f.labellingClause(as)
		if v < 0 {
			continue
		}
		last := f.labelEnd(qi)
		a := attr{sa: sa, sb: sb, ca: v, cb: v + 1, fromAttr: -1, sent: f.toks[v].sent,
			segs: []seg{{f.toks[v+1].s, f.toks[last].e}}}
		f.used[v] = true
		for k := qi; k < len(f.spans) && f.openTok[k] >= 0 && f.openTok[k] <= last; k++ {
			f.spanUsed[k] = true
		}
		f.add(a)
	}
}

// labelEnd is the last token of the label that quotation qi opens: the
// quotation, the quotations listed with it ("as “false” or “pants on
// fire”"), and what qualifies the label right after it ("as “The
// Comeback Kid” for his business success"), to the end of the clause.
func (f *finder) labelEnd(qi int) int {
	last := f.lastTok[qi]
	_, end := f.sentRange(f.toks[last].sent)
	for k := last + 1; k+1 < end; {
		for k < end && k-last <= 4 && f.toks[k].kind != tOpen && (f.isPunct(k, ',') || listGlue[f.word(k)]) {
			k++
		}
		if k >= end || f.toks[k].kind != tOpen || f.toks[k].line != f.toks[last].line {
			break
		}
		last = f.lastTok[f.toks[k].q]
		k = last + 1
	}
	if last+1 < end && f.labelGoesOn(last+1) {
		if e := f.clauseEnd(last+1, end); e > last+1 {
			last = e - 1
		}
		for f.isStop(last) || f.isPunct(last, ',') {
			last-- // the sentence's stop is the writer's
		}
	}
	return last
}

// asBefore is the token of the "as" right before the quotation opening at
// o, past an article ("as a “strong leader”"), in o's sentence; -1 when
// there is none.
func (f *finder) asBefore(o int) int {
	k := o - 1
	if k >= 0 && f.toks[k].kind == tWord && articles[f.word(k)] {
		k--
	}
	if k <= 0 || f.toks[k].q >= 0 || f.word(k) != "as" || f.toks[k].sent != f.toks[o].sent {
		return -1
	}
	return k
}

var articles = wordSet("a an the")

// labellingClause finds, for the "as" at token as, the clause that puts
// the label: its subject [sa, sb) and its verb v, with the verb's object
// between v and as ("Trump has openly hailed [Britain's vote] as"), or
// after "and"/"but" the verb of a second predicate of the sentence's
// subject ("Bush praised Rubio but described [his skills] as"). v is -1
// when the words before "as" are no such clause. The verb is found
// walking back from "as" over the object, since a name after a verb may
// make the verb look part of the subject's phrase ("Trump openly admires
// Putin").
func (f *finder) labellingClause(as int) (sa, sb, v int) {
	s0, _ := f.sentRange(f.toks[as].sent)
	if ls := f.lineStartTok(as); ls > s0 {
		s0 = ls
	}
	for k := as - 2; k > s0 && as-k <= 12 && f.objectWord(k); k-- {
		if !f.labelVerb(k) {
			continue
		}
		p := k - 1
		for p > s0 && f.toks[p].kind == tWord && (auxWords[f.word(p)] && !passiveAux[f.word(p)] || isLyAdverb(f.word(p))) {
			p--
		}
		second := f.word(p) == "and" || f.word(p) == "but"
		if !second {
			p++ // the subject ends right before the adverbs
		}
		x, y := f.subjectNP(s0, p)
		if x < 0 || f.dateLike(x, y) || y != p && !second {
			continue
		}
		return x, y, k
	}
	return -1, -1, -1
}

// objectWord: token k may stand in the object of a labelling verb: a
// word of a noun phrase, not a clause's.
func (f *finder) objectWord(k int) bool {
	t := &f.toks[k]
	if t.q >= 0 || t.kind == tOpen || t.kind == tClose {
		return false
	}
	if t.kind == tPunct {
		c := f.text[t.s]
		return c == '-' || c == '\'' || c == '%' || c == '$'
	}
	w := f.word(k)
	return !thatWords[w] && !relPronouns[w] && !finiteMarkers[w] && !subjPronouns[w] && w != "as"
}

// labelVerb: token v may be the finite verb that puts a label: a lower-
// case word shaped as a past tense or a third person present.
func (f *finder) labelVerb(v int) bool {
	t := &f.toks[v]
	if t.kind != tWord || t.cap || f.used[v] {
		return false
	}
	w := f.word(v)
	return !stopWords[w] && !determiners[w] && !clausePreps[w] && !passiveAux[w] && finiteVerb(w)
}

// finiteVerb: w has the shape of a finite verb: a past tense or a third
// person present ("hailed", "saw", "admires"), not "-ing".
func finiteVerb(w string) bool {
	if irregularPast[w] || cues[w].form == formFinite {
		return true
	}
	if len(w) < 4 || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ous") {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s")
}
