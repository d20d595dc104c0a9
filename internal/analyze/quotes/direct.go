package quotes

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// This file attributes quotations: to a cue after them (“…,” he said /
// “…,” said X / “…” X wrote on Twitter), a cue before them (X said: “…” /
// according to X, “…” / a paragraph ending "X said:"), and joins the parts
// of one quotation split around its cue or continued after it.

// found is an attribution of a quotation.
type found struct {
	sa, sb int // speaker tokens, sa = -1 for the clause's subject
	ca, cb int // cue tokens
	end    int // last token of the attribution
	from   int // attribution that gives the speaker (participles), or -1
	ok     bool
}

func (f *finder) direct() {
	for qi := range f.spans {
		if f.spanUsed[qi] || f.openTok[qi] < 0 {
			continue
		}
		sp := &f.spans[qi]
		if f.namedWithin(qi) {
			continue // "On CBS's “Face the Nation,” Ryan said": a title
		}
		innerComma := endsWithComma(f.text, sp.end)
		var fd found
		if innerComma {
			if fd = f.trailing(qi); !fd.ok {
				fd = f.leading(qi)
			}
		} else {
			if fd = f.leading(qi); !fd.ok {
				fd = f.trailing(qi)
			}
		}
		if !fd.ok {
			continue
		}
		a := attr{sa: fd.sa, sb: fd.sb, ca: fd.ca, cb: fd.cb, direct: true, fromAttr: fd.from,
			sent: f.toks[fd.ca].sent}
		for i := fd.ca; i < fd.cb; i++ {
			f.used[i] = true
		}
		f.spanUsed[qi] = true
		if ms := f.mixedStart(qi, fd); ms >= 0 {
			// The quotation ends a sentence of reported speech: "The
			// bill's failure was “heartbreaking,” she said."
			a.direct = false
			a.segs = []seg{{f.toks[ms].s, f.toks[f.lastTok[qi]].e}}
		} else {
			a.segs = append(a.segs, f.quoteSegs(qi)...)
		}
		// Parts that follow without a cue of their own belong to it:
		// “We cannot,” he said, “and will not.” / “…,” he added. “…”
		last := fd.end
		if f.lastTok[qi] > last {
			last = f.lastTok[qi]
		}
		for nx := qi + 1; nx < len(f.spans); nx++ {
			if !f.follows(last, nx) {
				break
			}
			if g := f.trailing(nx); g.ok {
				break
			}
			if _, _, _, _, _, ok := f.leadingCue(nx); ok {
				break
			}
			if f.stopBetween(last, f.openTok[nx]) && f.cueLater(nx) {
				break // “…,” Warren said. “You squeezed …” to drive up …, she said.
			}
			f.spanUsed[nx] = true
			a.segs = append(a.segs, f.quoteSegs(nx)...)
			last = f.lastTok[nx]
		}
		if len(a.segs) == 0 {
			continue // marks with nothing between: “,”
		}
		f.add(a)
		f.continuation(len(f.attrs)-1, last)
	}
}

// namedWithin: quotation qi reads as a title ("Face the Nation") and
// stands inside a phrase of the sentence, right after a preposition or a
// possessive: a name, not words someone said.
func (f *finder) namedWithin(qi int) bool {
	o := f.openTok[qi]
	if o <= 0 || f.toks[o-1].kind != tWord || f.toks[o-1].q >= 0 || f.toks[o-1].sent != f.toks[o].sent {
		return false
	}
	w := f.word(o - 1)
	return (clausePreps[w] || stem(w) != "") && f.titleLike(qi)
}

// stopBetween: a full stop stands among the tokens between last and o.
func (f *finder) stopBetween(last, o int) bool {
	for i := last + 1; i < o; i++ {
		if f.isStop(i) && f.toks[i].q < 0 {
			return true
		}
	}
	return false
}

// cueLater: a cue of its own follows quotation qi later in its sentence,
// past words of the writer's ("“…” to drive up the stock price, she said").
func (f *finder) cueLater(qi int) bool {
	e := f.lastTok[qi]
	_, end := f.sentRange(f.toks[e].sent)
	for k := e + 1; k < end && f.toks[k].line == f.toks[e].line; k++ {
		if f.toks[k].kind == tOpen {
			return false
		}
		if c, ok := f.cueAt(k); ok && (c.form == formFinite || c.form == formAccording) {
			return true
		}
	}
	return false
}

// mixedStart is the first token of the words before quotation qi in its
// sentence when the cue follows the quotation and those words are more
// than an introduction ("Yet, “…”"); else -1.
func (f *finder) mixedStart(qi int, fd found) int {
	o := f.openTok[qi]
	if fd.ca < o {
		return -1
	}
	a, _ := f.sentRange(f.toks[o].sent)
	ls := f.lineStartTok(o)
	if ls > a {
		a = ls
	}
	for i := o - 1; i > a; i-- {
		if f.isPunct(i, '(') || f.isDash(i) || f.isPunct(i, ';') {
			a = i + 1 // "(“I want my dues back,” wrote …)"
			break
		}
	}
	words := 0
	for i := a; i < o; i++ {
		t := &f.toks[i]
		if t.q >= 0 {
			continue // "words like “maybe” and “perhaps”, he said"
		}
		if t.kind == tWord && !introWords[f.word(i)] {
			words++
		}
		if f.isPunct(i, ':') {
			return -1
		}
	}
	if words < 2 {
		return -1
	}
	return a
}

// continuation adds the paragraphs that carry on a quotation without a
// cue of their own: a paragraph that is one quotation, right after the
// attributed one.
func (f *finder) continuation(ai, last int) {
	for {
		// to the end of the attribution's paragraph
		for last+1 < len(f.toks) && f.toks[last+1].line == f.toks[last].line {
			if f.toks[last+1].q >= 0 {
				return
			}
			last++
		}
		nx := -1
		if last+1 < len(f.toks) && f.toks[last+1].kind == tOpen && f.toks[last+1].line != f.toks[last].line {
			nx = int(f.toks[last+1].q)
		}
		if nx < 0 || f.spanUsed[nx] || !f.spans[nx].lineStart || f.openTok[nx] != last+1 || !f.sameMarks(nx) {
			return
		}
		end := f.lastTok[nx]
		// the paragraph is the quotation, maybe with a final stop
		if end+1 < len(f.toks) && f.toks[end+1].line == f.toks[end].line {
			if !(f.toks[end+1].kind == tPunct && f.isStop(end+1) && (end+2 >= len(f.toks) || f.toks[end+2].line != f.toks[end].line)) {
				return
			}
		}
		if g := f.trailing(nx); g.ok {
			return
		}
		if f.wordsIn(f.openTok[nx], end) < 3 || endsWithColon(f.text, f.spans[nx].end) {
			return
		}
		f.spanUsed[nx] = true
		a := &f.attrs[ai]
		a.segs = append(a.segs, f.quoteSegs(nx)...)
		last = end
	}
}

// sameMarks: quotation nx, opening a paragraph, has the marks of the
// last double-marked quotation before it. A paragraph opened by other
// marks ("“…,” she said.¶"Trump walked …") quotes someone else, as a
// text quoting an article that quotes people does.
func (f *finder) sameMarks(nx int) bool {
	k := nx - 1
	for k >= 0 && f.spans[k].single {
		k--
	}
	return k < 0 || f.openKind(k) == f.openKind(nx)
}

// openKind is the kind of quotation k's opening mark (see markKind).
func (f *finder) openKind(k int) int {
	sp := &f.spans[k]
	r, size := utf8.DecodeRuneInString(f.text[sp.open:])
	if size < sp.osz && (r == '\'' || r == '`') {
		r += 1 << 20 // '' as a double mark
	}
	return markKind(r)
}

// quoteSegs are the words of quotation qi, without its marks and a final
// comma.
func (f *finder) quoteSegs(qi int) []seg {
	sp := &f.spans[qi]
	out := make([]seg, 0, len(sp.segs))
	for _, s := range sp.segs {
		s.s, s.e = trimSeg(f.text, s.s, s.e)
		if s.e > s.s {
			out = append(out, s)
		}
	}
	if n := len(out); n > 0 {
		e := out[n-1].e
		for e > out[n-1].s && (f.text[e-1] == ',' || f.text[e-1] == ' ') {
			e--
		}
		out[n-1].e = e
		if e <= out[n-1].s {
			out = out[:n-1]
		}
	}
	return out
}

// trimSeg trims white space off text[s:e].
func trimSeg(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	return s, e
}

// wordsIn counts the words among tokens [a, b].
func (f *finder) wordsIn(a, b int) int {
	n := 0
	for i := a; i <= b && i < len(f.toks); i++ {
		if f.toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// endsSentence: the quotation's words end with a full stop, an
// exclamation or a question mark.
func endsSentence(text string, e int) bool {
	for e > 0 && text[e-1] == ' ' {
		e--
	}
	return endsWithPeriod(text, e) || e > 0 && (text[e-1] == '!' || text[e-1] == '?')
}

// endsWithPeriod: the quotation's words end a sentence with a full stop.
func endsWithPeriod(text string, e int) bool {
	for e > 0 && text[e-1] == ' ' {
		e--
	}
	return e > 0 && (text[e-1] == '.' || strings.HasSuffix(text[:e], "…"))
}

func endsWithColon(text string, e int) bool {
	for e > 0 && text[e-1] == ' ' {
		e--
	}
	return e > 0 && text[e-1] == ':'
}

// endsWithComma: the quotation's words end with a comma (“…,” he said).
func endsWithComma(text string, e int) bool {
	for e > 0 && text[e-1] == ' ' {
		e--
	}
	return e > 0 && text[e-1] == ','
}

// follows tells whether quotation nx comes right after token last in the
// same paragraph, with nothing but punctuation or the rest of the
// attribution's sentence between.
func (f *finder) follows(last, nx int) bool {
	o := f.openTok[nx]
	if o < 0 || o <= last || f.spanUsed[nx] {
		return false
	}
	line := f.toks[last].line
	if f.toks[o].line != line {
		return false
	}
	// a quotation that closes its own sentence ("“Disarm hate.” In New
	// York …") ends the attribution's sentence as a stop after it does
	ended := f.closesSentence(last)
	for i := last + 1; i < o; i++ {
		t := &f.toks[i]
		if t.kind == tPunct {
			if f.isStop(i) {
				ended = true
			}
			continue
		}
		if ended || t.q >= 0 {
			return false
		}
		if _, ok := f.cueAt(i); ok && (thatWords[f.word(i+1)] || thatWords[f.word(i+2)]) {
			// "…,” Sanders said, going on to say that … “…”": the
			// quotation belongs to reported speech of its own
			return false
		}
		// words of the attribution's sentence: "he said on Monday."
		if i-last > 40 {
			return false
		}
	}
	return true
}

// closesSentence: token i closes a quotation whose words end with a
// full stop, an exclamation or a question mark.
func (f *finder) closesSentence(i int) bool {
	t := &f.toks[i]
	return t.kind == tClose && t.q >= 0 && endsSentence(f.text, f.spans[t.q].end)
}

// trailing finds the cue after quotation qi: “…,” he said / “…,” said X /
// “…” X wrote on Twitter / “…,” according to X. It looks only in the
// quotation's paragraph, right after its closing mark.
func (f *finder) trailing(qi int) found {
	end := f.lastTok[qi]
	if f.closeTok[qi] < 0 {
		return found{}
	}
	j := end + 1
	if j >= len(f.toks) || f.toks[j].line != f.toks[end].line {
		return found{}
	}
	if fd := f.signature(j, end); fd.ok {
		return fd
	}
	j = f.pastCueComma(j, end)
	if j >= len(f.toks) || f.toks[j].line != f.toks[end].line || f.toks[j].kind != tWord || f.toks[j].q >= 0 {
		return found{}
	}
	hi := f.paraEnd(j)
	if fd := f.auxInverted(j, hi); fd.ok {
		return fd
	}
	if c, ok := f.cueAt(j); ok && (c.form == formFinite || c.form == formAccording) {
		return f.invertedCue(j, hi, c)
	}
	return f.subjectCue(qi, j, hi)
}

// signature reads a quotation signed after a dash, “…” ― Karen Bobadilla:
// the dash is the cue and the name the speaker. j is the token after the
// quotation's last, end.
func (f *finder) signature(j, end int) found {
	n := len(f.toks)
	if !f.isDash(j) || j+1 >= n || f.toks[j+1].line != f.toks[end].line || !f.toks[j+1].cap || f.toks[j+1].q >= 0 {
		return found{}
	}
	k := j + 1
	for k < n && f.toks[k].line == f.toks[j].line && f.toks[k].q < 0 {
		k++
	}
	if a, b := f.rightNP(j+1, k); a >= 0 && (b == k || f.isPunct(b, ',') || f.isPunct(b, '.') || f.isPunct(b, '(')) && f.toks[a].cap {
		return found{sa: a, sb: b, ca: j, cb: j + 1, end: b - 1, from: -1, ok: true}
	}
	return found{}
}

// pastCueComma passes the comma or dash between a quotation and its cue,
// where the cue may begin: “…,” he said / «…», — заявил Лавров.
func (f *finder) pastCueComma(j, end int) int {
	if f.isPunct(j, ',') || f.isDash(j) {
		j++
		if f.isDash(j) && f.isPunct(j-1, ',') && j+1 < len(f.toks) && f.toks[j+1].line == f.toks[end].line {
			j++
		}
	}
	return j
}

// paraEnd is the end of token j's paragraph, or the next quotation in it:
// a trailing cue never reaches past either.
func (f *finder) paraEnd(j int) int {
	hi := j
	for hi < len(f.toks) && f.toks[hi].line == f.toks[j].line && f.toks[hi].q < 0 {
		hi++
	}
	return hi
}

// auxInverted reads an inverted cue after an auxiliary, as French and
// Italian put it: "a déclaré Emmanuel Macron", "ha detto".
func (f *finder) auxInverted(j, hi int) found {
	if f.toks[j].kind != tWord || f.toks[j].cap || !auxWords[f.word(j)] || j+1 >= hi {
		return found{}
	}
	if c, ok := f.cueAt(j + 1); ok && c.form == formFinite {
		pe := f.cuePhrase(j+1, hi, c)
		if a, b := f.rightNP(pe, hi); a >= 0 {
			return found{sa: a, sb: b, ca: j, cb: pe, end: b - 1, from: -1, ok: true}
		}
	}
	return found{}
}

// invertedCue reads a cue right after the quotation with its speaker
// after it: “…,” said Devine / “…,” according to X. Without a speaker
// phrase there is no attribution.
func (f *finder) invertedCue(j, hi int, c cueInfo) found {
	pe := f.cuePhrase(j, hi, c)
	a, b := f.rightNP(pe, hi)
	if a < 0 {
		return found{}
	}
	return found{sa: a, sb: b, ca: j, cb: pe, end: b - 1, from: -1, ok: true}
}

// subjectCue reads the speaker before the cue, from token j: “…,” he said
// / “…,” Russian Foreign Minister Sergei Lavrov said. The speaker's
// appositive may be long ("Scott Pruitt, the Republican attorney general
// of Oklahoma, one of the states suing the EPA, said"), so the cue is
// looked for up to 30 tokens on.
func (f *finder) subjectCue(qi, j, hi int) found {
	for c := j + 1; c < hi && c-j <= 30; c++ {
		if f.isPunct(c, '(') {
			// "Rep. Gwen Moore (D-Wis.) said": a stop inside the
			// parenthesis ends nothing
			if k := f.closeParen(c, hi); k > c {
				c = k
				continue
			}
		}
		if f.isStop(c) || f.toks[c].kind != tWord && f.toks[c].kind != tPunct {
			break
		}
		ci, ok := f.cueAt(c)
		if !ok || !f.finiteAfterSubject(c, hi, ci) {
			continue
		}
		a, b, sawBe, nj := f.trailingSpeaker(c, j)
		j = nj
		if a != j || sawBe {
			if a >= 0 {
				break
			}
			continue
		}
		fd, done := f.trailingTail(qi, a, b, c, hi, ci)
		if done {
			return fd
		}
		break
	}
	return found{}
}

// finiteAfterSubject: the cue at token c may follow its subject: a finite
// verb, or a base form that is no noun before a finite cue ("the
// congressional report said": "report" is a noun).
func (f *finder) finiteAfterSubject(c, hi int, ci cueInfo) bool {
	if ci.form == formAccording || ci.form == formPart {
		return false
	}
	return !((ci.form == formBase || nounLike[f.word(c)]) && f.finiteCueWithin(c+1, hi, 3))
}

// trailingSpeaker is the speaker phrase [a, b) of the cue at token c,
// which should begin at j, the first word after the quotation; j moves to
// the head of a long phrase whose front cannot be told ("Fight for $15
// organizing director Kendall Fells told"). sawBe tells a passive.
func (f *finder) trailingSpeaker(c, j int) (a, b int, sawBe bool, nj int) {
	a, b, sawBe = f.leftNP(c, j, false)
	if a != j && !sawBe {
		// "a spokesman for committee Democrats said"
		if e, _ := f.skipAuxBack(c-1, j, false); f.npSpan(j, e+1) {
			a, b = j, e+1
		} else if a > j && f.looseNP(j, a) {
			j = a
		}
	}
	return a, b, sawBe, j
}

// trailingTail checks what follows the cue at token c with the speaker
// [a, b) and returns the attribution, or done = false when the cue is no
// attribution of quotation qi: a base form with a subject it does not
// agree with, a cue that leads the next quotation ("“….” He adds, “…”"),
// or one whose sentence goes on with its own object or clause ("“…”
// Huckabee called the program “…”"): only time, place or a new clause may
// follow.
func (f *finder) trailingTail(qi, a, b, c, hi int, ci cueInfo) (fd found, done bool) {
	if ci.form == formBase && !f.baseAgrees(a, b, c) {
		return found{}, false
	}
	pe := f.cuePhrase(c, hi, ci)
	se := pe
	for se < hi && !f.isStop(se) && f.toks[se].kind != tOpen {
		se++
	}
	if f.leadsNext(qi, pe, ci) {
		return found{}, false
	}
	if endsWithPeriod(f.text, f.spans[qi].end) && !f.adjunctTail(pe, se) && !tailPreps[f.word(pe)] && !isLyAdverb(f.word(pe)) ||
		pe < se && (thatWords[f.word(pe)] || subjPronouns[f.word(pe)] || possessives[f.word(pe)]) {
		return found{}, false
	}
	return found{sa: a, sb: b, ca: c, cb: pe, end: pe - 1, from: -1, ok: true}, true
}

// leadsNext: the cue phrase ending at pe, after quotation qi, is
// followed by another quotation of its paragraph that it introduces: the
// object of a verb of voicing right after it ("“…,” the crowd chanted
// “…”"; but "told “Fox and Friends”" names a show), or one after a
// colon, or after a comma or a dash when qi ended its sentence ("“….” He
// adds, “…”"). After a comma that closes qi the cue splits one quotation
// instead: "“We cannot,” he said, “and will not.”"
func (f *finder) leadsNext(qi, pe int, ci cueInfo) bool {
	if pe >= len(f.toks) {
		return false
	}
	object := ci.utter && f.toks[pe].kind == tOpen
	colon := f.isPunct(pe, ':')
	if colon || f.isPunct(pe, ',') || f.isDash(pe) {
		pe++
	}
	if pe >= len(f.toks) || f.toks[pe].kind != tOpen || f.toks[pe].line != f.toks[f.lastTok[qi]].line {
		return false
	}
	return object || colon || !endsWithComma(f.text, f.spans[qi].end)
}

// closeParen is the token of the ")" that closes the "(" at token i
// within a few tokens before hi, or i when none does.
func (f *finder) closeParen(i, hi int) int {
	for k := i + 1; k < hi && k-i <= 8; k++ {
		if f.isPunct(k, ')') {
			return k
		}
		if f.toks[k].q >= 0 {
			break
		}
	}
	return i
}

// finiteCueWithin: a finite cue stands among the n tokens from i.
func (f *finder) finiteCueWithin(i, hi, n int) bool {
	for k := i; k < hi && k < i+n; k++ {
		if ci, ok := f.cueAt(k); ok && ci.form == formFinite {
			return true
		}
	}
	return false
}

var possessives = wordSet("his her their its our my your")

// tailPreps may open what follows a trailing cue ("he said of Trump").
var tailPreps = wordSet("of about as in at on to after before during while when because since following")

// looseNP: tokens [i, j) may be the front of a long speaker phrase.
func (f *finder) looseNP(i, j int) bool {
	if j-i > 8 {
		return false
	}
	for k := i; k < j; k++ {
		t := &f.toks[k]
		if t.q >= 0 || t.kind == tOpen || t.kind == tClose {
			return false
		}
		if t.kind == tPunct {
			switch f.text[t.s] {
			case '$', '-', '&', '\'', '(', ')', '/':
				continue
			}
			return false
		}
		w := f.word(k)
		if thatWords[w] || subjPronouns[w] || cues[w].form != 0 || stopWords[w] && !npLead[w] {
			return false
		}
	}
	return true
}

// pluralSubject: a subject that takes a base-form verb ("they say",
// "officials say", "I think").
func (f *finder) pluralSubject(a, b int) bool {
	w := f.word(b - 1)
	if b-a == 1 {
		switch w {
		case "they", "we", "i", "you":
			return true
		case "he", "she", "it":
			return false
		}
	}
	h := f.headOf(a, b)
	for i := a; i <= h; i++ {
		if f.word(i) == "and" {
			return true // "Mr. Grassley and Mr. Leahy say"
		}
	}
	// "Developers in Congress say": the head before the prepositional
	// phrase tells the number
	w = f.word(h)
	return len(w) > 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's' || groupWords[w] || pluralNouns[w]
}

// pluralNouns are plural without an "-s".
var pluralNouns = wordSet("people police staff personnel clergy military crew public media")

// leadingCue finds the cue phrase [c, pe) that introduces quotation qi
// from before it; k is the last token before the quotation's mark (past
// a colon, a comma or "that") and lo where the cue's clause may begin.
func (f *finder) leadingCue(qi int) (c, pe, k, lo int, ci cueInfo, ok bool) {
	o := f.openTok[qi]
	k = o - 1
	if k < 0 {
		return
	}
	if f.toks[k].line != f.toks[o].line {
		// "Cruz continued:" closing the paragraph before
		if !f.isPunct(k, ':') {
			return
		}
	} else if f.isPunct(k, ':') || f.isPunct(k, ',') || f.isDash(k) {
		// "said:", "said,"
	} else {
		k++ // nothing to skip
	}
	k--
	if k >= 0 && f.toks[k].kind == tWord && thatWords[f.word(k)] {
		if e := f.lastTok[qi]; e+1 < len(f.toks) && f.toks[e+1].kind == tWord && f.toks[e+1].sent == f.toks[e].sent {
			// "saying that “race still determines too much” in America,
			// including …": the quotation is part of reported speech
			return
		}
		k--
	}
	if k < 0 || f.toks[k].q >= 0 || f.toks[k].kind != tWord {
		return
	}
	lo = f.lineStartTok(k)
	sa, _ := f.sentRange(f.toks[k].sent)
	if sa > lo {
		lo = sa
	}
	for c = k; c >= lo && k-c <= 9; c-- {
		var found bool
		ci, found = f.cueAt(c)
		if !found {
			w := f.word(c)
			if thatWords[w] || subjPronouns[w] && c < k {
				return
			}
			continue
		}
		pe = f.cuePhrase(c, k+1, ci)
		if ci.form != formAccording && pe <= k && !f.leadAdjunct(pe, k, f.isPunct(o-1, ':')) && !(c == lo && ci.form == formFinite) {
			return
		}
		if ci.weak && ci.form != formAccording && !f.isPunct(o-1, ':') && f.wordsIn(o, f.lastTok[qi]) < 4 {
			return // "called it “shameful”": reported speech around a quoted word
		}
		if f.wordAfter(qi) && !f.utteredObject(ci, pe, o) {
			return // "argued that “liberals” allowed …": the quotation is part of it
		}
		return c, pe, k, lo, ci, true
	}
	return
}

// leading finds the cue before quotation qi: X said: “…” / X told
// reporters “…” / according to X, “…” / a paragraph ending "X said:".
func (f *finder) leading(qi int) found {
	c, pe, k, lo, ci, ok := f.leadingCue(qi)
	if !ok {
		return found{}
	}
	switch ci.form {
	case formAccording:
		a, b := f.rightNP(pe, k+1)
		if a < 0 || b != k+1 {
			return found{}
		}
		return found{sa: a, sb: b, ca: c, cb: pe, end: k, from: -1, ok: true}
	case formPart:
		if a, b := f.ofNameBefore(c, lo); a >= 0 {
			return found{sa: a, sb: b, ca: c, cb: pe, end: k, from: -1, ok: true}
		}
		// "…, saying “…”": the clause's subject speaks
		if from := f.attrInSentence(f.toks[c].sent, c); from >= 0 {
			return found{sa: -1, sb: -1, ca: c, cb: pe, end: k, from: from, ok: true}
		}
		a, b := f.subjectNP(lo, c)
		if a < 0 {
			return found{}
		}
		return found{sa: a, sb: b, ca: c, cb: pe, end: k, from: -1, ok: true}
	}
	if c == lo && ci.form == formFinite && pe <= k {
		// "Said Comey, “…”"
		a, b := f.rightNP(pe, k+1)
		if a < 0 || b != k+1 {
			return found{}
		}
		return found{sa: a, sb: b, ca: c, cb: pe, end: k, from: -1, ok: true}
	}
	a, b, sawBe := f.leftNP(c, lo, false)
	if a < 0 && !sawBe {
		// "a message that said, “…”"
		if p, _ := f.skipAuxBack(c-1, lo, false); p > lo && (relPronouns[f.word(p)] || f.word(p) == "that") {
			q := p - 1
			if f.isPunct(q, ',') {
				q--
			}
			if q >= lo {
				a, b = f.npBack(q, lo)
			}
		}
	}
	if a < 0 && !sawBe {
		// "he supported Obama and said, “…”": the clause's subject
		if p, _ := f.skipAuxBack(c-1, lo, false); p >= lo && (f.word(p) == "and" || f.word(p) == "but") {
			if from := f.attrInSentence(f.toks[c].sent, c); from >= 0 {
				return found{sa: -1, sb: -1, ca: c, cb: pe, end: k, from: from, ok: true}
			}
			if a, b = f.subjectNP(lo, p); a < 0 {
				a, b = f.verbSubject(p-1, lo)
			}
		}
	}
	if a < 0 || sawBe {
		return found{}
	}
	if ci.form == formBase && !f.baseAgrees(a, b, c) {
		return found{}
	}
	return found{sa: a, sb: b, ca: c, cb: pe, end: k, from: -1, ok: true}
}

// baseAgrees: the base-form cue at token c may have the subject [a, b):
// a plural one ("officials say"), or any after a verb carrying it on
// ("went on to say") or, for a cue that is no other word as often, after
// a modal or "do" ("he would say", "she could only quip").
func (f *finder) baseAgrees(a, b, c int) bool {
	return f.pluralSubject(a, b) || f.carriedOn(c) || !cues[f.word(c)].weak && f.modalBefore(c, b)
}

// modalBefore: a modal or a form of "do" stands before the cue at token
// c, past adverbs, after the subject ending at b.
func (f *finder) modalBefore(c, b int) bool {
	for k := c - 1; k >= b && k >= 0; k-- {
		w := f.word(k)
		if modals[w] {
			return true
		}
		if !isLyAdverb(w) && !auxWords[w] {
			return false
		}
	}
	return false
}

var modals = wordSet(`would will could can may might must should shall did does do would’ve wouldn’t won’t couldn’t
can’t didn’t doesn’t don’t wouldn't won't couldn't can't didn't doesn't don't`)

// verbSubject is the subject right before the finite verb at token v,
// opening its clause after a comma ("…, I laughed and said"), when the
// sentence's subject cannot be told from its start; -1, -1 when none.
func (f *finder) verbSubject(v, lo int) (int, int) {
	if v-1 < lo || f.toks[v].cap || !finiteVerb(f.word(v)) && !irregularPast[f.word(v)] {
		return -1, -1
	}
	x, y := f.npBack(v-1, lo)
	if x < 0 || y != v || x > lo && !f.isPunct(x-1, ',') {
		return -1, -1
	}
	return x, y
}

// carriedOn: the base-form cue at token c follows "went on to",
// "continued to": the finite verb before it agrees with any subject ("The
// email went on to say").
func (f *finder) carriedOn(c int) bool {
	if f.word(c-1) != "to" {
		return false
	}
	switch f.word(c - 2) {
	case "on", "continued", "continues", "proceeded":
		return true
	}
	return false
}

// ofNameBefore is the name right before the participle at token c,
// after "of", that the participle tells of: "footage of Trump saying",
// "a video of Clinton asking" show that person speaking, not the
// sentence's subject. It returns -1, -1 when there is none.
func (f *finder) ofNameBefore(c, lo int) (int, int) {
	p := c - 1
	if p <= lo || !f.toks[p].cap || f.toks[p].kind != tWord || f.toks[p].q >= 0 {
		return -1, -1
	}
	a := p
	for a-1 > lo && a > p-3 && f.toks[a-1].cap && f.toks[a-1].kind == tWord && f.toks[a-1].q < 0 {
		a--
	}
	// "the Department of Justice saying": "of" inside a name
	if f.word(a-1) != "of" || a-2 < lo || f.toks[a-2].cap || f.dateLike(a, c) {
		return -1, -1
	}
	return a, c
}

// wordAfter: a word of the same sentence follows quotation qi directly.
func (f *finder) wordAfter(qi int) bool {
	e := f.lastTok[qi]
	if e+1 >= len(f.toks) || f.toks[e+1].line != f.toks[e].line || f.toks[e+1].kind != tWord {
		return false
	}
	if w := f.word(e + 1); (adjunctPreps[w] || tailPreps[w]) && f.quoteEndsPhrase(qi) {
		// "“let’s not get ahead of ourselves,” before predicting"; but
		// "reported “2,521 shooting incidents” in the city" goes on
		return false
	}
	_, ok := f.cueAt(e + 1)
	return !ok && !endsSentence(f.text, f.spans[qi].end)
}

// quoteEndsPhrase: quotation qi ends with its own punctuation (a comma,
// a stop, an exclamation or question mark), so that a phrase after it is
// the writer's, not the quotation's clause going on.
func (f *finder) quoteEndsPhrase(qi int) bool {
	return endsWithComma(f.text, f.spans[qi].end) || endsSentence(f.text, f.spans[qi].end)
}

// utteredObject: the cue phrase ending at pe is a verb of voicing words
// ("chanted", "yelled") and the quotation opening at token o is its
// object, right after it or past a comma: the quotation is what was
// voiced, and the words after it are the writer's ("chanted “What
// curfew?” and kept marching").
func (f *finder) utteredObject(ci cueInfo, pe, o int) bool {
	if !ci.utter {
		return false
	}
	if pe < o && f.isPunct(pe, ',') {
		pe++
	}
	return pe == o
}

// leadAdjunct: the tokens [i, k] between a cue phrase and its quotation
// are a time or place phrase ("said on Monday:", "told lawmakers in Kyiv").
func (f *finder) leadAdjunct(i, k int, colon bool) bool {
	if colon && f.isPunct(i, ',') && i < k {
		i++ // "told his audience, to rowdy applause:"
	}
	w := f.word(i)
	if !adjunctPreps[w] && !weekdays[w] && !timeNouns[w] && w != "yesterday" && w != "today" {
		return false
	}
	if npLead[f.word(k)] || npInner[f.word(k)] {
		return false // "said the “…”" is reported speech with a quoted phrase
	}
	return f.adjunctsOnly(i, k+1)
}

// adjunctsOnly: tokens [i, j) are time and place phrases that may stand
// between a cue and its quotation ("on Jan. 27", "in Brussels").
func (f *finder) adjunctsOnly(i, j int) bool {
	if j-i > 8 {
		return false
	}
	for k := i; k < j; k++ {
		t := &f.toks[k]
		if t.kind != tWord {
			if t.kind == tPunct && (f.text[t.s] == ',' || f.text[t.s] == '-') {
				continue
			}
			return false
		}
		w := f.word(k)
		if thatWords[w] || subjPronouns[w] || cues[w].form != 0 && k > i {
			return false
		}
		if t.cap || adjunctPreps[w] || npLead[w] || isNumber(w) || timeNouns[w] || mediaNouns[w] || npInner[w] {
			continue
		}
		if k > i && (npLead[f.word(k-1)] || adjunctPreps[f.word(k-1)]) {
			continue // "at a briefing", "in Brussels"
		}
		return false
	}
	return true
}

// attrInSentence is the latest attribution whose cue is in sentence s
// before token c, or -1.
func (f *finder) attrInSentence(s int32, c int) int {
	if s < 0 || int(s) >= len(f.sentAttrs) {
		return -1
	}
	best, bestCue := -1, -1
	for _, i := range f.sentAttrs[s] {
		a := &f.attrs[i]
		if a.ca < c && a.ca > bestCue && !f.nestedIn(s, int(i)) {
			best, bestCue = int(i), a.ca
		}
	}
	if best >= 0 && f.attrs[best].fromAttr >= 0 {
		return f.attrs[best].fromAttr
	}
	return best
}

// nestedIn: the cue of attribution i lies inside what another
// attribution of sentence s reports ("Clinton told the audience that she
// believes …, saying …": "believes" is Clinton's words, and "saying" is
// Clinton's, not the believer's).
func (f *finder) nestedIn(s int32, i int) bool {
	at := f.toks[f.attrs[i].ca].s
	for _, j := range f.sentAttrs[s] {
		if int(j) == i {
			continue
		}
		for _, sg := range f.attrs[j].segs {
			if sg.s <= at && at < sg.e {
				return true
			}
		}
	}
	return false
}

// leftovers attributes the quotations no cue claimed, when their shape
// says they are speech: a quotation after "X barked:" (a colon after a
// clause with a subject), a sentence-long quotation in a paragraph whose
// speaker is known (it goes on with that speaker), or a quotation right
// after a verb of a sentence whose subject is named ("protesters chanted
// “…”"). Titles and short phrases stay unattributed.
func (f *finder) leftovers() {
	covered := f.coveredSpans()
	f.ends = f.ends[:0]
	for i := range f.attrs {
		a := &f.attrs[i]
		f.ends = append(f.ends, endRef{a.segs[len(a.segs)-1].e, int32(i)})
	}
	sort.Slice(f.ends, func(i, j int) bool {
		if f.ends[i].e != f.ends[j].e {
			return f.ends[i].e < f.ends[j].e
		}
		return f.ends[i].i < f.ends[j].i
	})
	for qi := range f.spans {
		if f.spanUsed[qi] || covered[qi] || f.openTok[qi] < 0 {
			continue
		}
		o := f.openTok[qi]
		words := f.wordsIn(o, f.lastTok[qi])
		if words < 3 || f.titleLike(qi) {
			continue
		}
		a := attr{sa: -1, sb: -1, direct: true, fromAttr: -1, sent: f.toks[o].sent}
		s0, _ := f.sentRange(f.toks[o].sent)
		ls := f.lineStartTok(o)
		if s0 < ls {
			s0 = ls
		}
		switch {
		case o > 0 && f.isPunct(o-1, ':'):
			// "Trump barked: “…”"
			k := o - 1
			lo := f.lineStartTok(k)
			sa, _ := f.sentRange(f.toks[k].sent)
			if sa > lo {
				lo = sa
			}
			x, y := f.subjectNP(lo, k)
			if x < 0 || k == y {
				continue
			}
			a.sa, a.sb, a.ca, a.cb, a.byShape = x, y, k-1, k, true
			if k-y <= 4 {
				a.ca = y // "Trump barked:"
			}
		case o == s0 && words >= 4:
			// a sentence of its own: the paragraph's speaker goes on
			from := f.lastAttrBefore(o)
			if from < 0 {
				continue
			}
			src := &f.attrs[from]
			a.fromAttr, a.ca, a.cb = from, src.ca, src.cb
			if src.fromAttr >= 0 {
				a.fromAttr = src.fromAttr
			}
		case o > s0 && f.toks[o-1].kind == tWord && !f.toks[o-1].cap && verbBefore(f.word(o-1)) && !f.langStop(f.word(o-1)):
			// "the crowd chanted “…”"
			x, y := f.subjectNP(s0, o-1)
			if x < 0 || o-1-y > 3 {
				continue
			}
			a.sa, a.sb, a.ca, a.cb, a.byShape = x, y, o-1, o, true
		case o > s0 && words >= 3 && f.speechLike(qi):
			// "Rubio bemoaned a climate in which people “literally hate
			// each other”": the subject of the sentence is quoted
			x, y := f.subjectNP(s0, o)
			if x < 0 || !f.nameOrPronoun(x, y) {
				continue
			}
			a.sa, a.sb, a.ca, a.cb, a.byShape = x, y, y, y, true
			// the verb after the subject stands as the cue: "Kall compared"
			v := y
			for v < o && f.toks[v].kind == tWord && (auxWords[f.word(v)] || isLyAdverb(f.word(v))) {
				v++
			}
			if v < o && f.toks[v].kind == tWord && !f.toks[v].cap && verbBefore(f.word(v)) {
				a.ca, a.cb = v, v+1
			}
		default:
			continue
		}
		a.segs = f.quoteSegs(qi)
		if len(a.segs) == 0 {
			continue
		}
		f.spanUsed[qi] = true
		f.add(a)
	}
}

// verbBefore: a lower-case word before a quotation that may be the verb
// introducing it (not "the", "of", "a").
func verbBefore(w string) bool {
	return !npLead[w] && !npInner[w] && !determiners[w] && !stopWords[w] && !possessives[w] && !thatWords[w] && !adjunctPreps[w] && !isNumber(w)
}

// coveredSpans marks the quotations that lie inside the content of an
// attribution already found.
func (f *finder) coveredSpans() []bool {
	cov := make([]bool, len(f.spans))
	for i := range f.attrs {
		for _, sg := range f.attrs[i].segs {
			qi := sort.Search(len(f.spans), func(k int) bool { return f.spans[k].inner0 >= sg.s })
			for ; qi < len(f.spans) && f.spans[qi].inner0 < sg.e; qi++ {
				cov[qi] = true
			}
		}
	}
	return cov
}

// lastAttrBefore is the attribution whose content ends last before token
// o, in o's paragraph or, when o opens its paragraph, the one before; -1
// when there is none.
func (f *finder) lastAttrBefore(o int) int {
	line := f.toks[o].line
	ls := f.lineStartTok(o)
	lo := f.toks[ls].s
	if ls == o && ls > 0 {
		p := f.lineStartTok(ls - 1)
		lo = f.toks[p].s
		line = f.toks[ls-1].line
		if p > 0 && f.toks[p].kind == tOpen {
			lo = f.toks[f.lineStartTok(p-1)].s // two quotation paragraphs in a row
		}
	}
	_ = line
	pos := f.toks[o].s
	best, bestEnd := -1, -1
	// f.ends holds the attributions found before leftovers, by the end of
	// their words; leftovers come in text order, so the last is the latest.
	if k := sort.Search(len(f.ends), func(k int) bool { return f.ends[k].e > pos }) - 1; k >= 0 {
		best, bestEnd = int(f.ends[k].i), f.ends[k].e
	}
	if n := len(f.attrs); n > len(f.ends) {
		a := &f.attrs[n-1]
		if e := a.segs[len(a.segs)-1].e; e <= pos && e > bestEnd {
			best, bestEnd = n-1, e
		}
	}
	if best < 0 || bestEnd < lo {
		return -1
	}
	return best
}

// endRef is where an attribution's words end.
type endRef struct {
	e int
	i int32
}

// titleLike: the quotation reads as a title ("The Late Show with Stephen
// Colbert"): most words capitalised and no stop at its end.
func (f *finder) titleLike(qi int) bool {
	o, e := f.openTok[qi], f.lastTok[qi]
	caps, words := 0, 0
	for i := o; i <= e; i++ {
		t := &f.toks[i]
		if t.kind != tWord {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	end := f.spans[qi].end
	for end > 0 && (f.text[end-1] == ' ' || f.text[end-1] == ',') {
		end--
	}
	stop := end > 0 && (strings.ContainsRune(".!?", rune(f.text[end-1])) || strings.HasSuffix(f.text[:end], "…"))
	return !stop && caps*10 >= words*6
}

// speechLike: the words of quotation qi read as someone speaking: a first
// or second person, or a whole sentence.
func (f *finder) speechLike(qi int) bool {
	if speechLikeAll {
		return true
	}
	if endsWithPeriod(f.text, f.spans[qi].end) || strings.HasSuffix(strings.TrimRight(f.text[:f.spans[qi].end], " ,"), "!") || strings.HasSuffix(strings.TrimRight(f.text[:f.spans[qi].end], " ,"), "?") {
		return true
	}
	for i := f.openTok[qi]; i <= f.lastTok[qi]; i++ {
		if firstSecond[f.word(i)] {
			return true
		}
	}
	return false
}

const speechLikeAll = true

var firstSecond = wordSet("i we you my our me us your i’m we’re i'm we're i’ve we’ve i'll we'll i’ll we’ll")

// nameOrPronoun: the phrase [a, b) names someone: a pronoun or a
// capitalised name (possibly after titles).
func (f *finder) nameOrPronoun(a, b int) bool {
	if b-a == 1 && subjPronouns[f.word(a)] {
		return true
	}
	return f.toks[b-1].cap && b-a <= 6
}
