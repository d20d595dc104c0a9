package quotes

import (
	"strings"

	"github.com/chorusnews/chorus/internal/news"
)

// This file finds what an article reports of a source's mind and intent
// rather than its words: "Obama plans to send a nominee", "Sanders wants
// voters to recall that …", "a majority of Republicans support
// deportation", "Mr. Thiel declined to comment". News annotation (PolNeAR)
// counts these as attributions; they are reported with Stance
// news.StanceThought, so that a reader of speech can leave them out. The
// verbs of this file that are speech acts ("declined to comment", "vowed
// to …") are reported as speech.

// complement says what a mind verb takes as its content.
type complement uint8

const (
	compInfinitive complement = 1 << iota // "plans to send", "declined to comment"
	compObjectInf                         // "wants voters to know", "expects him to win"
	compClause                            // "fears that …", "hopes he will …"
	compObject                            // "supports the compromise", "opposed it"
	compObjectAs                          // "see Clinton as the candidate …"
)

// mindVerb is one verb form of this file's lexicon.
type mindVerb struct {
	takes complement
	// speech: the verb reports an act of speech ("declined to comment"),
	// not a state of mind.
	speech bool
}

// mindVerbs are the verb forms that report a source's mind or intent with
// a content after them. Base forms are among them: after a plural subject
// or an auxiliary ("they want", "would support") they are finite too, and
// a determiner or a possessive before them makes a noun (see thoughtAt).
var mindVerbs = func() map[string]mindVerb {
	m := map[string]mindVerb{}
	add := func(takes complement, speech bool, forms string) {
		for w := range wordSet(forms) {
			m[w] = mindVerb{takes: takes, speech: speech}
		}
	}
	add(compInfinitive|compObjectInf|compObject, false, "want wants wanted")
	add(compInfinitive, false, `plan plans planned planning intend intends intended intending aim aims aimed
		decide decides decided deciding`)
	add(compInfinitive|compObject, false, "seek seeks sought seeking")
	add(compInfinitive|compObjectInf, false, "expect expects expected expecting")
	add(compInfinitive, true, `decline declines declined declining refuse refuses refused refusing
		threaten threatens threatened threatening agreed agrees offered offers`)
	add(compClause, false, "fear fears feared worry worries worried")
	add(compInfinitive|compClause, false, "hope hopes hoped hoping")
	add(compObject, false, `support supports supported supporting oppose opposes opposed opposing
		favor favors favored favoring favour favours favoured favouring prefer prefers preferred
		backed backing`)
	add(compObjectAs, false, "see sees saw seeing view views viewed viewing regard regards regarded")
	// an endorsement is made in words
	add(compObject, true, "endorse endorses endorsed endorsing")
	return m
}()

// thoughts reads each sentence, after the cues of speech have taken
// theirs, for the verbs left: a raising verb ("the team appeared
// paralyzed"), a verb that reports speech or a stance by its topic
// ("referring to …", "voted against …") and a mind verb with a source
// before it and a content after it.
func (f *finder) thoughts() {
	if f.names != nil {
		return // the rules are English
	}
	for s := range f.sents {
		a, end := f.sentWords(int32(s))
		for c := a; c < end; c++ {
			if t := &f.toks[c]; t.kind != tWord || t.q >= 0 || t.cap || f.used[c] || f.fl(c)&lxMind == 0 {
				continue
			}
			if f.raising(c, a, end, int32(s)) || f.topicAt(c, a, end, int32(s)) || f.stanceNounAt(c, a, end, int32(s)) {
				continue
			}
			if v, ok := mindVerbs[f.word(c)]; ok {
				f.thoughtAt(c, v, a, end, int32(s))
			}
		}
	}
}

// thoughtWords are the words the thoughts step looks up, lexicon by
// lexicon, so that one look-up of a token's flags (lxMind) turns the
// other words away.
func thoughtWords() [][]string {
	return [][]string{keysOf(raisingVerbs), keysOf(passiveRegard), keysOf(mindVerbs), keysOf(topicVerbs), keysOf(stanceNouns)}
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for w := range m {
		out = append(out, w)
	}
	return out
}

// thoughtAt reads the mind verb at token c of the sentence [a, end): its
// source, then its content.
func (f *finder) thoughtAt(c int, v mindVerb, a, end int, s int32) {
	if f.nounBefore(c, a) || f.nounAfterQuantity(c, a) {
		return // "his plans to", "the support", "36 percent support"
	}
	if f.insideReported(s, c) || f.governedBy(c, a) {
		// "said they wanted to endorse Sanders", "is hoping voters see
		// her as …": the wish or the view is part of another one's words
		// or mind
		return
	}
	sa, sb := f.mindSource(c, a)
	if sa < 0 || !f.mindHolder(sa, sb) {
		return
	}
	cs, ce := f.mindContent(c+1, v, end)
	if cs < 0 {
		return
	}
	n := len(f.attrs)
	f.emit(c, c+1, sa, sb, -1, cs, ce, s, false)
	if len(f.attrs) > n {
		f.attrs[n].thought = !v.speech
	}
}

// mindSource is the source of the mind verb at c: the noun phrase before
// it, or the antecedent of "who" ("Sanders, who wants …"). A passive ("is
// expected to") names nobody, and "it" before "seems" is nobody.
func (f *finder) mindSource(c, a int) (int, int) {
	c = f.pastNegation(c, a)
	sa, sb, sawBe := f.leftNP(c, a, true)
	if sawBe && !strings.HasSuffix(f.word(c), "ing") {
		return -1, -1 // "is expected to": passive; but "is seeking"
	}
	if sa >= 0 {
		if w := f.word(sa); sb-sa == 1 && (w == "it" || w == "there" || w == "this" || w == "that") {
			return -1, -1
		}
		if !sawBe && strings.HasSuffix(f.word(c), "ing") && f.objectOfVerb(sa, a) {
			return -1, -1 // "filed legal papers opposing …": the papers oppose
		}
		return sa, sb
	}
	p, _ := f.skipAuxBack(c-1, a, true)
	if p <= a || !relPronouns[f.word(p)] || f.word(p) == "which" {
		return -1, -1
	}
	q := p - 1
	if f.isPunct(q, ',') {
		q--
	}
	if q < a {
		return -1, -1
	}
	return f.npBack(q, a)
}

// mindHolder: the phrase [sa, sb) can name one who holds a view or an
// intent: not a word of the verb group or a preposition the phrase
// finder took for one ("in" of "are in favor of").
func (f *finder) mindHolder(sa, sb int) bool {
	if f.nameOrPronoun(sa, sb) {
		return true
	}
	h := f.word(sb - 1)
	return !stopWords[h] && !clausePreps[h] && !finiteMarkers[h]
}

// objectOfVerb: the phrase starting at sa is the object of a verb before
// it ("filed legal papers"), not a subject.
func (f *finder) objectOfVerb(sa, a int) bool {
	if sa-1 < a || f.toks[sa-1].kind != tWord || f.toks[sa-1].cap {
		return false
	}
	w := f.word(sa - 1)
	return verbLike(w) || irregularPast[w]
}

// pastNegation is the first token of the verb group ending at the verb
// c: before a negated auxiliary ("don’t want", "cannot support"), which
// the phrase finder would take for a noun.
func (f *finder) pastNegation(c, a int) int {
	for c-1 >= a {
		w := f.word(c - 1)
		if w != "cannot" && !strings.HasSuffix(w, "n't") && !strings.HasSuffix(w, "n’t") {
			break
		}
		c--
	}
	return c
}

// mindContent is the content [cs, ce) of a mind verb, read from the token
// k after it: an infinitive phrase with its "to" ("to comment on the data
// program"), an object and its infinitive ("voters to know that …"), a
// clause after "that" or none, or an object noun phrase. cs is -1 when
// none of these the verb takes stands there.
func (f *finder) mindContent(k int, v mindVerb, end int) (int, int) {
	for k < end && f.toks[k].kind == tWord && !f.toks[k].cap && isLyAdverb(f.word(k)) {
		k++ // "declined repeatedly to"
	}
	if k >= end || f.toks[k].kind != tWord && f.toks[k].kind != tOpen {
		return -1, -1
	}
	switch {
	case v.takes&compInfinitive != 0 && f.infinitiveAt(k, end):
		return k, f.clauseEnd(k, end)
	case v.takes&compObjectInf != 0 && f.objectInfinitive(k, end):
		return k, f.clauseEnd(k, end)
	case v.takes&compClause != 0 && thatWords[f.word(k)] && k+1 < end:
		return k + 1, f.clauseEnd(k+1, end)
	case v.takes&compClause != 0 && f.clauseOpens(k, end):
		return k, f.clauseEnd(k, end)
	case v.takes&compObjectAs != 0 && f.toks[k].kind == tWord && !f.prepositionAt(k) && f.asAfterObject(k, end):
		return k, f.clauseEnd(k, end)
	case v.takes&compObject != 0 && !f.prepositionAt(k) && !thatWords[f.word(k)] && !particles[f.word(k)]:
		if e := f.objectEnd(k, end); e > k+1 || f.toks[k].cap && e > k {
			return k, e // "supported the bill", "endorsed Clinton"
		}
	}
	return -1, -1
}

// infinitiveAt: token k is "to" before a verb ("to send"), not the
// preposition ("to the press").
func (f *finder) infinitiveAt(k, end int) bool {
	return k+1 < end && f.word(k) == "to" && !f.prepositionAt(k)
}

// objectInfinitive: a short noun phrase from k is followed by an
// infinitive ("voters to know", "him to win").
func (f *finder) objectInfinitive(k, end int) bool {
	for j := k; j < end && j-k <= 4; j++ {
		if f.toks[j].kind != tWord || f.toks[j].q >= 0 {
			return false
		}
		if f.word(j) == "to" {
			return j > k && f.infinitiveAt(j, end)
		}
		if w := f.word(j); thatWords[w] || verbLike(w) || finiteMarkers[w] {
			return false
		}
	}
	return false
}

// objectEnd ends an object noun phrase from k where a clause of the
// writer's begins: a comma, a subordinating word, a relative pronoun.
func (f *finder) objectEnd(k, end int) int {
	for j := k; j < end; j++ {
		if f.toks[j].q >= 0 {
			continue
		}
		if f.toks[j].kind == tPunct && !f.isPunct(j, '-') && !f.isPunct(j, '.') {
			return j
		}
		if j > k && (objectStops[f.word(j)] || f.timeFrom(j, end)) {
			return j
		}
	}
	return end
}

// nounAfterQuantity: the word before c makes it a noun: "36 percent
// support", "a base of support".
func (f *finder) nounAfterQuantity(c, a int) bool {
	if c-1 < a {
		return false
	}
	w := f.word(c - 1)
	return w == "percent" || w == "%" || isNumber(w) || w == "of" || f.isPunct(c-1, '%')
}

// governedBy: a verb of saying or of the mind stands before c in its
// sentence ("Clinton is hoping voters see her as …", "Sanders has made
// clear that he expects …"): the view at c is part of that one, and
// belongs to its subject, if to anyone.
func (f *finder) governedBy(c, a int) bool {
	for k := c - 1; k >= a; k-- {
		if f.isPunct(k, ';') || f.isPunct(k, ':') || f.isPunct(k, ',') || f.isDash(k) || f.word(k) == "and" {
			return false // another clause
		}
		if t := &f.toks[k]; t.kind == tWord && t.q < 0 && !t.cap && f.reportingVerb(k) {
			return true
		}
	}
	return false
}

// insideReported: token c lies inside what an attribution of sentence s
// found before reports ("criticized Clinton’s email use, which an FBI
// investigation said was …": the words there are that speaker's, and
// another reading of them would only stand in for it).
func (f *finder) insideReported(s int32, c int) bool {
	if s < 0 || int(s) >= len(f.sentAttrs) {
		return false
	}
	at := f.toks[c].s
	for _, j := range f.sentAttrs[s] {
		for _, sg := range f.attrs[j].segs {
			if sg.s <= at && at < sg.e {
				return true
			}
		}
	}
	return false
}

// particles after a verb make another verb of it: "backed down".
var particles = wordSet("down away off out up")

// namedObject: attribution a reports one name as the object of a verb or
// a noun of stance ("endorsed Clinton", "their support for Sanders"): one
// word, but a whole content.
func (f *finder) namedObject(a *attr, text string) bool {
	if !startsUpper(text) {
		return false
	}
	if _, ok := stanceNouns[f.word(a.ca)]; ok {
		return a.cb == a.ca+2 // "their support for Sanders"
	}
	v, ok := mindVerbs[f.word(a.ca)]
	return ok && v.takes&compObject != 0 && a.cb == a.ca+1
}

// timeFrom: the words from j tell when, and end an object: "endorsed
// Trump in early June", "Mr. Rubio on Tuesday", "Mrs. Clinton this
// month".
func (f *finder) timeFrom(j, end int) bool {
	w := f.word(j)
	if weekdays[w] || w == "yesterday" || w == "today" || w == "tonight" {
		return true
	}
	n := f.word(j + 1)
	switch w {
	case "this", "last", "next", "earlier":
		return timeNouns[n] || weekdays[n] || months[n]
	case "on", "in", "at", "since":
		if j+1 < end && (n == "early" || n == "late" || n == "mid") {
			n = f.word(j + 2)
		}
		return weekdays[n] || months[n] || len(n) == 4 && isNumber(n)
	}
	return false
}

// objectStops open a clause after an object: "opposed it because …".
var objectStops = wordSet(`because after when while since although though if before until unless but whereas
so despite`)

// stance is the Stance of attribution a's quote: a thought when this
// file found it as one, or when its cue is a verb of thinking ("believes",
// "fears that").
func (f *finder) stance(a *attr) string {
	if a.thought || a.cb > a.ca && cues[f.word(a.ca)].think {
		return news.StanceThought
	}
	return ""
}

// raisingVerbs report how a thing seems or what is expected of it, with
// the thing as their grammatical subject: "the Trump team appeared
// paralyzed", "All three candidates are expected to speak". The writer
// or someone unnamed holds the view; its content is the subject with what
// follows the verb.
var raisingVerbs = wordSet("seem seems seemed appear appears appeared")

// raising reads "X seems Y" and "X is expected to Y" at token c of the
// sentence [a, end), and tells whether it found one.
func (f *finder) raising(c, a, end int, s int32) bool {
	verb, k := f.raisedVerb(c, a, end)
	if verb < 0 {
		return false
	}
	for k < end && f.toks[k].kind == tWord && isLyAdverb(f.word(k)) {
		k++ // "seemed increasingly likely"
	}
	if k >= end || f.toks[k].kind != tWord || f.prepositionAt(k) || stopWords[f.word(k)] && !f.infinitiveAt(k, end) {
		return false // "appeared on Fox", "seems that"
	}
	if f.infinitiveAt(k, end) && f.reportingVerb(k+1) {
		// "Obama seemed to recognize the significance …": the annotation
		// gives the subject's recognition, not how it seemed
		return false
	}
	sa, sb := f.raisedSubject(verb, a)
	if sa < 0 || f.insideReported(s, c) {
		return false
	}
	ce := f.clauseEnd(k, end)
	n := len(f.attrs)
	f.emit2(c, c+1, -1, -1, -1, sa, sb, k, ce, s)
	if len(f.attrs) == n {
		return false
	}
	f.attrs[n].thought = true
	return true
}

// raisedVerb reads the verb group at c of a raising construction: the
// token whose subject X is (the verb, or the "be" of a passive) and the
// first token of what is said of X; verb is -1 when there is none.
// "X seems …", "X is (widely) expected to …".
func (f *finder) raisedVerb(c, a, end int) (verb, k int) {
	w := f.word(c)
	if raisingVerbs[w] {
		return c, c + 1
	}
	if !passiveRegard[w] {
		return -1, -1
	}
	b := c - 1
	for b >= a && isLyAdverb(f.word(b)) {
		b-- // "is widely expected"
	}
	if b < a || !passiveAux[f.word(b)] {
		return -1, -1
	}
	if !f.infinitiveAt(c+1, end) {
		return -1, -1
	}
	return b, c + 1
}

// passiveRegard are participles that, after "be" and before an
// infinitive, tell a view of their subject held by someone unnamed.
var passiveRegard = wordSet("expected")

// raisedSubject is the subject of the verb at v: the noun phrase before
// it, or a relative pronoun standing for it ("de Blasio, who appeared to
// capitulate"), which is all the annotation takes.
func (f *finder) raisedSubject(v, a int) (int, int) {
	p, _ := f.skipAuxBack(v-1, a, false)
	if p >= a && relPronouns[f.word(p)] {
		return p, p + 1
	}
	sa, sb, sawBe := f.leftNP(v, a, false)
	if sawBe || sa < 0 {
		return -1, -1
	}
	if w := f.word(sa); sb-sa == 1 && (w == "it" || w == "there") {
		return -1, -1 // "it seems that": no subject of its own
	}
	return sa, sb
}

// reportingVerb: token i is a verb of saying or of the mind.
func (f *finder) reportingVerb(i int) bool {
	w := f.word(i)
	if _, ok := mindVerbs[w]; ok {
		return true
	}
	return f.fl(i)&lxCue != 0 && cues[w].form != 0
}
