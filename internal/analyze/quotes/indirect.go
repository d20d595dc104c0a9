package quotes

import "strings"

// This file finds reported speech sentence by sentence: "X said (that) …",
// "X told reporters …", "according to X, …", "…, X said.", "…, said X.",
// "…, adding that …", "As X noted, …", "it was reported that …".

func (f *finder) indirect() {
	f.labels()
	for s := range f.sents {
		a, end := f.sentWords(int32(s))
		for c := a; c < end; c++ {
			if f.speechNounAt(c) {
				f.nounComplement(c, a, end, int32(s))
				continue
			}
			ci, ok := f.cueAt(c)
			if !ok {
				continue
			}
			f.indirectAt(c, ci, a, end, int32(s))
		}
	}
}

// speechNouns name something said or held true; followed by "that" they
// take its content: "Nervo's conclusion that …", "the claim that …".
var speechNouns = wordSet(`statement statements claim claims assertion assertions argument arguments warning warnings
insistence acknowledgment acknowledgement admission allegation allegations accusation accusations suggestion
promise pledge vow prediction predictions belief beliefs conclusion finding findings message notion narrative
contention complaint complaints denial announcement assurance assurances pronouncement pronouncements recognition
concern concerns fear fears hope hopes conviction charge charges remark remarks comment comments testimony
argument insistence reminder declaration confirmation estimate assessment view`)

// speechNounAt: token i is a speech noun followed by "that", outside any
// quotation.
func (f *finder) speechNounAt(i int) bool {
	if i+1 >= len(f.toks) || f.toks[i+1].e-f.toks[i+1].s != len("that") {
		return false
	}
	t := &f.toks[i]
	if t.kind != tWord || t.q >= 0 || t.cap || f.word(i+1) != "that" {
		return false
	}
	return speechNouns[f.word(i)]
}

// nounComplement reads "X's statement that …", "the claim that …": the
// clause after "that" is what was said or held, and the possessor, when
// the noun has one, said it. A clause too short to be a statement ("the
// statement that he made") is a relative clause, no content.
func (f *finder) nounComplement(c, a, end int, s int32) {
	cs := c + 2
	if cs >= end || !f.clauseOpens(cs, end) {
		return
	}
	ce := f.clauseEnd(cs, end)
	if introWords[f.word(a)] {
		// "Despite media pronouncements that Clinton won, the poll
		// moved little": the introductory phrase ends at its comma
		for k := cs; k < ce; k++ {
			if f.isPunct(k, ',') && f.toks[k].q < 0 {
				ce = k
				break
			}
		}
	}
	if f.wordsIn(cs, ce-1) < 5 {
		return
	}
	sa, sb := -1, -1
	// the possessor before the noun and its modifiers: "Nervo's
	// conclusion", "Trump's repeated claims"
	p := c - 1
	for p >= a && c-p <= 3 && f.toks[p].kind == tWord && !f.toks[p].cap && stem(f.word(p)) == "" && !determiners[f.word(p)] && !stopWords[f.word(p)] {
		p--
	}
	switch {
	case p >= a && f.toks[p].kind == tWord && stem(f.word(p)) != "":
		sa, sb = f.npBack(p, a)
	case p > a:
		// "Republicans have expressed concern that …": the clause's
		// subject holds it
		sa, sb = f.subjectNP(a, p+1)
	}
	f.emit(c, c+1, sa, sb, -1, cs, ce, s, sa < 0)
}

// indirectAt tries the cue at token c of the sentence [a, end).
func (f *finder) indirectAt(c int, ci cueInfo, a, end int, s int32) {
	if f.otherSense(c, end) {
		return
	}
	pe := f.cuePhrase(c, end, ci)
	if f.routedAt(c, pe, ci, a, end, s) {
		return
	}
	if f.nounBefore(c, a) {
		return // "the Kremlin’s demands that …", "the written reply"
	}
	sa, sb, from, agentless, ok := f.indirectSpeaker(c, pe, ci, a, end, s)
	if !ok || !f.cueAgrees(c, ci, a, sa, sb) {
		return
	}
	// Where the content is: before the speaker ("…, X said."), or after
	// the cue.
	if sa >= 0 && sa > a && (f.isPunct(sa-1, ',') || f.isDash(sa-1)) && sa-1 > a && f.word(pe) != "to" && f.adjunctTail(pe, end) {
		f.emitBefore(c, pe, ci, sa, sb, from, a, end, s, agentless)
		return
	}
	// "As X noted, …"
	if sa > a && f.word(sa-1) == "as" && pe < end && f.isPunct(pe, ',') {
		f.emit(c, pe, sa, sb, from, pe+1, end, s, agentless)
		return
	}
	f.emitAfter(c, pe, ci, sa, sb, from, end, s, agentless)
}

// otherSense: the cue at c, with the particle after it, is a verb of
// another sense, not of saying ("contending with low morale", "blasts off
// to space").
func (f *finder) otherSense(c, end int) bool {
	if c+1 >= end || f.toks[c+1].kind != tWord {
		return false
	}
	p, ok := otherSenses[stemOf(f.word(c))]
	return ok && f.word(c+1) == p
}

// otherSenses are cues by their stem with the particle that gives them a
// sense other than saying.
var otherSenses = map[string]string{"contend": "with", "blast": "off", "sound": "off"}

// stemOf is a verb form without its inflection: "contending" → "contend",
// "blasts" → "blast".
func stemOf(w string) string {
	for _, suf := range [...]string{"ing", "ed", "s"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 3 {
			return b
		}
	}
	return w
}

// routedAt hands the cue at token c to the reading its form asks for and
// tells whether it did: a participle clause of the sentence's speaker
// ("…, going on to say that …", "continuing to insist that …", "…,
// saying …"), a question ("asked whether …") or "according to X".
func (f *finder) routedAt(c, pe int, ci cueInfo, a, end int, s int32) bool {
	if ci.form == formBase && c-2 >= a && f.word(c-1) == "to" {
		switch {
		case c-3 >= a && f.word(c-2) == "on" && f.word(c-3) == "going":
			f.participle(c-3, pe, ci, a, end, s)
			return true
		case f.word(c-2) == "continuing":
			f.participle(c-2, pe, ci, a, end, s)
			return true
		}
	}
	if f.word(c) == "asked" && (c == a || askedAfter[f.word(c-1)]) {
		f.askedWhether(c, a, end, s)
		return true
	}
	switch ci.form {
	case formAccording:
		f.according(c, pe, a, end, s)
		return true
	case formPart:
		f.participle(c, pe, ci, a, end, s)
		return true
	}
	return false
}

// indirectSpeaker finds who speaks through the cue phrase [c, pe): the
// phrase before it, [sa, sb), or the attribution from whose speaker it
// shares; agentless for "it was reported that …", where nobody is named.
// ok is false when there is none, or when the cue, inverted after the
// content ("…, said Smith."), was emitted here.
func (f *finder) indirectSpeaker(c, pe int, ci cueInfo, a, end int, s int32) (sa, sb, from int, agentless, ok bool) {
	sa, sb, sawBe := f.leftNP(c, a, true)
	from = -1
	if sawBe {
		// "it was reported that …": nobody named; other passives ("he was
		// asked") are not speech of the subject.
		if sa < 0 || sb-sa != 1 || f.word(sa) != "it" || ci.form != formFinite {
			return
		}
		agentless = true
	}
	if sa < 0 {
		sa, sb, from, ok = f.speakerNotBefore(c, pe, ci, a, end, s)
		return
	}
	return sa, sb, from, agentless, true
}

// speakerNotBefore finds the speaker of a cue with no phrase right before
// it: the antecedent of a relative ("Smith, who said …", "victims'
// families, many of whom say …"), the subject of a first verb ("… said X
// and added Y"), or the speaker after an inverted cue ("…, said Smith.",
// emitted here: ok is false then).
func (f *finder) speakerNotBefore(c, pe int, ci cueInfo, a, end int, s int32) (sa, sb, from int, ok bool) {
	p, _ := f.skipAuxBack(c-1, a, false)
	from = -1
	switch {
	case p >= a && (f.relativeAt(p, a) || f.word(p) == "whom" && f.word(p-1) == "of"):
		q := p - 1
		if f.word(p) == "whom" {
			q = p - 3 // past "many of"
		}
		if f.isPunct(q, ',') {
			q--
		}
		if q < a {
			return -1, -1, -1, false
		}
		sa, sb = f.npBack(q, a)
		return sa, sb, from, sa >= 0
	case p >= a && (f.word(p) == "and" || f.word(p) == "but"):
		if from = f.attrInSentence(s, c); from >= 0 {
			return -1, -1, from, true
		}
		sa, sb = f.subjectNP(a, p)
		return sa, sb, -1, sa >= 0
	case p >= a && p > a && (f.isPunct(p, ',') || f.isDash(p)) && ci.form == formFinite:
		ra, rb := f.rightNP(pe, end)
		if ra >= 0 && (rb >= end || f.isPunct(rb, ',') || f.isPunct(rb, '(') || invertedNext[f.word(rb)]) {
			f.emit(c, pe, ra, rb, -1, a, p, s, false)
		}
	}
	return -1, -1, -1, false
}

// cueAgrees: the cue at token c goes with its speaker [sa, sb): a base
// form agrees with it, and a cue that is as often a noun is no noun of
// the phrase ("32% of Republican claims", "Russian security demands
// that …").
func (f *finder) cueAgrees(c int, ci cueInfo, a, sa, sb int) bool {
	if ci.form == formBase && sa >= 0 && !f.baseAgrees(sa, sb, c) {
		return false
	}
	if sa > a && nounLike[f.word(c)] && strings.HasSuffix(f.word(c), "s") && clausePreps[f.word(sa-1)] {
		return false
	}
	return !(sa >= 0 && nounLike[f.word(c)] && !f.toks[sb-1].cap && !subjPronouns[f.word(sb-1)] && !speakerNouns[f.word(f.headOf(sa, sb))])
}

// emitBefore records what was said before the speaker of a post-posed
// cue, from the sentence's start a: "…, X said." The cue may stand inside
// what was said ("In his state, Christie said, offenders are sent to
// treatment"), and a quotation opening the sentence goes on after it.
func (f *finder) emitBefore(c, pe int, ci cueInfo, sa, sb, from, a, end int, s int32, agentless bool) {
	ce := sa - 1
	if ce <= a {
		return
	}
	if ci.weak && (!f.tailIsClause(a, ce) || pe < end && !f.isPunct(pe, ',')) {
		return
	}
	// "The difference now, he told me on Friday, is that …"
	if k := f.pastAdjunctTo(pe, end); k < end && f.isPunct(k, ',') && f.clauseAfter(k+1, end) {
		f.emit2(c, pe, sa, sb, from, a, ce, k+1, end, s)
		return
	}
	n := len(f.attrs)
	f.emit(c, pe, sa, sb, from, a, ce, s, agentless)
	if len(f.attrs) > n && f.toks[a].kind == tOpen {
		// "“People were celebrating” before the incident, she said.
		// “And it was so peaceful.”": the quotation goes on
		f.joinAfter(n, end)
	}
}

// emitAfter records what was said after the cue phrase [c, pe), up to
// the end of its clause, when the words there are speech.
func (f *finder) emitAfter(c, pe int, ci cueInfo, sa, sb, from, end int, s int32, agentless bool) {
	rest := f.chargedObject(c, pe, end)
	cs := f.contentAfter(c, pe, ci, sa, sb, rest, end, agentless)
	if cs < 0 {
		return
	}
	end = f.clauseEnd(cs, end)
	end = f.namingEnd(c, cs, end)
	end = f.evaluativeEnd(c, cs, end)
	if x, y := f.gapAntecedent(sa, cs); x >= 0 && !f.insideReported(s, x) {
		// the relative's antecedent is the subject of what was said
		f.emit2(c, pe, sa, sb, from, x, y, cs, f.relativeEnd(sa, cs, end), s)
		return
	}
	f.emit(c, pe, sa, sb, from, cs, end, s, agentless)
}

// gapAntecedent finds the subject of what was said when the cue stands in
// a relative clause whose pronoun is that subject: "legislation that
// Democrats said is crucial", "Flournoy, who aides claimed has limited
// access". The words from cs open with a finite verb, the speaker at sa
// follows the relative pronoun, and the noun phrase before that pronoun
// is returned as [x, y); -1, -1 when the cue is not in such a clause.
func (f *finder) gapAntecedent(sa, cs int) (int, int) {
	if sa < 2 || !f.subjectGap(cs) || !gapRelatives[f.word(sa-1)] {
		return -1, -1
	}
	p := sa - 2
	if f.isPunct(p, ',') {
		p--
	}
	if p < 0 || f.toks[p].kind != tWord || f.toks[p].sent != f.toks[cs].sent {
		return -1, -1
	}
	lo, _ := f.sentRange(f.toks[cs].sent)
	x, y := f.npBack(p, lo)
	if x < 0 || y != p+1 {
		return -1, -1
	}
	x = f.pastVerbs(x, y)
	if x+1 < y && clausePreps[f.word(x)] {
		x++ // "met with Ana Ruiz": the verb's preposition
	}
	if f.attachmentOpen(x, y) {
		return -1, -1
	}
	return x, y
}

// attachmentOpen: the noun phrase [x, y) before a relative pronoun is
// one of several the relative clause may belong to: it holds a
// preposition or follows one, or a conjunction ("legislation on election
// and campaign finance reforms that …", "airstrikes on three targets in
// Syria that …"). Which one is the subject cannot be told from the words.
func (f *finder) attachmentOpen(x, y int) bool {
	if x > 0 && f.toks[x-1].kind == tWord {
		w := f.word(x - 1)
		if w == "and" || w == "or" || clausePreps[w] && !(f.verbAt(x-2) && f.personRelativeAt(y)) {
			return true // "directed at Flournoy, who …" has one phrase only
		}
	}
	for k := x; k < y; k++ {
		if clausePreps[f.word(k)] && !f.toks[k].cap {
			return true
		}
	}
	return false
}

// pastVerbs is where the noun phrase [x, y) begins past any verb the
// phrase finder took in ("the military struck three targets" → "three
// targets", "to block a rule change" → "a rule change").
func (f *finder) pastVerbs(x, y int) int {
	for k := y - 2; k >= x; k-- {
		w := f.word(k)
		if irregularPast[w] || finiteMarkers[w] || verbLike(w) && !f.toks[k].cap || f.verbAfterTo(k) {
			return k + 1 // "to block a rule change": a verb and its object
		}
	}
	return x
}

// verbAfterTo: the word at k is a verb after "to" ("to block"), not
// the start of a noun phrase ("to the Senate").
func (f *finder) verbAfterTo(k int) bool {
	w := f.word(k)
	return k > 0 && f.word(k-1) == "to" && !f.toks[k].cap && !determiners[w] && !npLead[w] && !possessives[w] && !isNumber(w)
}

// relativeEnd is where the content of a cue inside a relative clause set
// off by a comma ends: at the comma that closes the clause, after which
// the writer's sentence goes on ("the vote, which she said was a mistake,
// was a major factor").
func (f *finder) relativeEnd(sa, cs, end int) int {
	if !f.isPunct(sa-2, ',') {
		return end
	}
	for k := cs; k < end; k++ {
		if f.isPunct(k, ',') && k+1 < end && f.verbAt(k+1) {
			return k
		}
	}
	return end
}

// personRelativeAt: a "who" opens the relative clause at k, after its
// comma or not.
func (f *finder) personRelativeAt(k int) bool {
	if f.isPunct(k, ',') {
		k++
	}
	return k < len(f.toks) && f.word(k) == "who"
}

// verbAt: token k is a verb form a preposition may follow ("directed",
// "struck", "is").
func (f *finder) verbAt(k int) bool {
	if k < 0 || f.toks[k].kind != tWord || f.toks[k].cap {
		return false
	}
	w := f.word(k)
	return verbLike(w) || irregularPast[w] || finiteMarkers[w]
}

// gapRelatives open a relative clause whose subject may be left out
// after a cue ("which the office says could prevent …").
var gapRelatives = wordSet("that which who")

// subjectGap: the words at cs open with a finite verb and no subject, as
// after a cue in a relative clause whose pronoun is the subject.
func (f *finder) subjectGap(cs int) bool {
	t := &f.toks[cs]
	if t.kind != tWord || t.cap {
		return false
	}
	w := f.word(cs)
	return finiteMarkers[w] && w[0] != '\'' && !strings.HasPrefix(w, "’")
}

// contentAfter is where what was said begins after the cue phrase [c, pe)
// whose speaker is [sa, sb), looking from rest; -1 when the words there
// are not what was said.
func (f *finder) contentAfter(c, pe int, ci cueInfo, sa, sb, rest, end int, agentless bool) int {
	cs, strong := f.contentStart(rest, end)
	if !strong {
		cs, strong = f.pastCueAdverb(cs, end)
	}
	if cs >= end {
		return -1
	}
	if !strong && f.prepositionAt(cs) {
		// "said after the convention he would …": past the adjunct
		if cs = f.pastAdjunct(cs, end); cs < 0 {
			return -1
		}
	}
	if !strong && f.otherPrepAt(cs) {
		cs = f.pastAdjunctComma(cs, end)
	}
	if !strong && (f.timeOnly(cs, end) || !namingVerbs[f.word(c)] && !f.contentLike(cs, end)) {
		// "responded to Kuleba's remarks", "reiterated Washington's
		// stance on …": what it was about, not what was said
		return -1
	}
	if ci.weak && !strong && !agentless {
		strong = f.weakCueTakes(c, pe, sa, sb, cs, end)
	}
	if (ci.weak || agentless) && !strong {
		return -1
	}
	return cs
}

// otherPrepAt: token i is a preposition of a language other than English
// (English prepositions are clausePreps, whose adjuncts pastAdjunct
// passes).
func (f *finder) otherPrepAt(i int) bool {
	return f.lang != "" && f.lang != "en" && f.toks[i].kind == tWord && !f.toks[i].cap && otherPreps[f.word(i)]
}

// otherPreps open an adverbial of place, time or means in the languages
// the finder reads besides English.
var otherPreps = wordSet(`auf in im am an bei beim mit nach vor seit aus durch über unter gegen während laut vom zum zur
dans sur pour avec par lors après avant devant pendant selon depuis chez en au aux
en con por para tras durante ante desde sobre según
in nel nella nei negli con per durante dopo prima davanti secondo
em no na nos nas com por durante após antes perante segundo
op bij met na voor tijdens volgens tegen
в во на по после перед при из-за
w we na po przed podczas przy z ze`)

// pastAdjunctComma is where what was said begins after an adverbial that
// opens the words after a cue in a language other than English: after
// the comma that closes it ("sagt auf den Aufnahmen, man werde …"). The
// adverbial is the cue's, not what was said. cs when no comma closes a
// short adverbial.
func (f *finder) pastAdjunctComma(cs, end int) int {
	for k := cs + 1; k < end && k-cs <= 10; k++ {
		if f.isPunct(k, ',') {
			if k+1 < end && f.toks[k+1].kind != tPunct {
				return k + 1
			}
			return cs
		}
		if f.toks[k].kind != tWord || thatWords[f.word(k)] {
			return cs
		}
	}
	return cs
}

// pastCueAdverb passes an adverb in -ly between the cue and its "that"
// ("argued insistently that …"): the adverb is the cue's. A "that" before
// a finite verb is the subject of what was said ("said publicly that was
// unlikely"). Elsewhere an adverb at cs stays with the words it modifies
// ("called for immediately deducting …").
func (f *finder) pastCueAdverb(cs, end int) (int, bool) {
	if cs+2 >= end || !isLyAdverb(f.word(cs)) || f.word(cs+1) != "that" {
		return cs, false
	}
	if f.subjectGap(cs + 2) {
		return cs + 1, false
	}
	return cs + 2, true
}

// weakCueTakes tells whether the weak cue phrase [c, pe), with no "that"
// or colon after it, reports the words from cs: a quotation near, a whole
// clause ("polls show Trump is trailing"), a demand ("called for more
// school investment"), the object of an evaluative cue after a named
// subject, or what a record shows.
func (f *finder) weakCueTakes(c, pe, sa, sb, cs, end int) bool {
	w := f.word(c)
	switch {
	case f.quoteNear(cs, end) || f.clauseOpens(cs, end) || f.relativeObject(cs, end):
		return true
	case f.demand(c, pe):
		return end-cs >= 2
	case regardVerbs[w] && f.asAfterObject(cs, end):
		return true // "described the country as beset by …"
	case evaluative[w]:
		return sa >= 0 && f.nameOrPronoun(sa, sb) && end-cs >= 2
	case evidential[w]:
		return sa >= 0 && speakerNouns[f.word(f.headOf(sa, sb))] && end-cs >= 3
	}
	return false
}

// relativeObject: the words from cs are a short noun phrase whose
// relative clause says what it is ("repeating a refrain that has become
// common", "points out another bill that made available $622 million"):
// the object is what was said, as a whole.
func (f *finder) relativeObject(cs, end int) bool {
	for k := cs + 1; k < end && k-cs <= 8; k++ {
		if f.toks[k].kind != tWord {
			return false
		}
		w := f.word(k)
		if thatWords[w] {
			return f.relativeThat(cs, k, end)
		}
		if subjPronouns[w] || finiteMarkers[w] || verbLike(w) || relPronouns[w] {
			return false // a clause of its own before the "that"
		}
	}
	return false
}

// evaluative cues report what someone said of a thing by naming the
// thing: "Clinton cited derogatory comments Trump had made". As weak cues
// (they are as often nouns, "the attacks") they take such an object only
// after a named or pronoun subject.
var evaluative = wordSet(`condemned condemns criticized criticizes blamed blames defended defends rejected rejects
questioned questions cited cites mentioned mentions endorsed endorses proposed proposes pledged pledges
slammed slams blasted blasts praised praises denounced denounces dismissed dismisses lauded lauds applauded applauds
commended commends touted touts hailed hails welcomed welcomes decried decries bemoaned bemoans lambasted lambastes
chided chides scolded scolds`)

// chargedVerbs charge someone with something: "accused Clinton of being
// too cozy with Wall Street". What was said is the one charged with the
// charge.
var chargedVerbs = wordSet("accuse accused accuses accusing")

// chargedObject is where the content of the cue at c begins when the cue
// phrase passed the one charged before "of" (pe): at that object; else
// pe.
func (f *finder) chargedObject(c, pe, end int) int {
	if !chargedVerbs[f.word(c)] || pe >= end || f.word(pe) != "of" || pe == c+1 {
		return pe
	}
	return c + 1
}

// regardVerbs tell how someone sees or shows a thing, with "as": "see
// Clinton as the candidate most likely to …", "described the push as
// nearly impossible".
var regardVerbs = wordSet(`describe described describes describing portray portrayed portrays portraying
characterize characterized characterizes characterizing depict depicted depicts depicting cast casts casting
paint painted paints painting see sees saw seeing view views viewed viewing regard regards regarded regarding`)

// asAfterObject: a short object from cs is followed by "as" ("the country
// as", "Mr. Kerry's determination as").
func (f *finder) asAfterObject(cs, end int) bool {
	for k := cs + 1; k < end && k-cs <= 8; k++ {
		t := &f.toks[k]
		if t.kind != tWord {
			return false
		}
		w := f.word(k)
		if w == "as" {
			return k+1 < end
		}
		if thatWords[w] || finiteMarkers[w] || relPronouns[w] {
			return false
		}
	}
	return false
}

// askedAfter open a clause of "asked" whose subject is the one asked:
// "when asked whether …".
var askedAfter = wordSet("when if after as once")

// questionWords open the question that was asked.
var questionWords = wordSet("if whether what who whom how why when where which about")

// askedWhether reads "Asked (by X) whether …, Y said": the question is what
// was said, by the one who asked when the text names them, else by no one
// it names.
func (f *finder) askedWhether(c, a, end int, s int32) {
	k := c + 1
	sa, sb := -1, -1
	if f.word(k) == "by" {
		// "Asked by Stephanopoulos whether …"
		x, y := f.rightNP(k+1, end)
		if x < 0 {
			return
		}
		sa, sb, k = x, y, y
	}
	// past a medium or time: "Asked on Fox News who …"
	for m := k; m < end && m-k <= 5; m++ {
		if questionWords[f.word(m)] && !f.toks[m].cap {
			k = m
			break
		}
	}
	if !questionWords[f.word(k)] {
		return
	}
	e := f.clauseEnd(k, end)
	for m := k + 1; m < e; m++ {
		if f.isPunct(m, ',') && f.toks[m].q < 0 {
			e = m // the main clause follows: "…, he said"
			break
		}
	}
	if f.wordsIn(k, e-1) < 3 {
		return
	}
	f.emit(c, c+1, sa, sb, -1, k, e, s, sa < 0)
}

// evidential cues tell what a record shows: "a new poll shows Sanders
// with 47 percent", "video of the incident shows him with his hands up".
// With a record for subject they take what follows, clause or not.
var evidential = wordSet("show shows showed showing find finds found indicate indicates indicated suggest suggests suggested")

// demand: the cue phrase [c, pe) demands what follows it: "called for",
// "called on (Obama to …)".
func (f *finder) demand(c, pe int) bool {
	w := f.word(pe - 1)
	return pe-c == 2 && (w == "for" || w == "on") && strings.HasPrefix(f.word(c), "call")
}

// timeOnly: the words [cs, end) only tell when ("said Friday", "said
// last week"), which is no content.
func (f *finder) timeOnly(cs, end int) bool {
	for k := cs; k < end; k++ {
		w := f.word(k)
		if f.toks[k].kind != tWord {
			if f.isPunct(k, ',') {
				continue
			}
			return false
		}
		if !weekdays[w] && !timeNouns[w] && !months[w] && !isNumber(w) && !timeWords[w] {
			return false
		}
	}
	return true
}

var timeWords = wordSet("on at in last this next yesterday today tonight earlier later afternoon morning evening night")

// clauseOpens tells whether the words from cs, which no "that"
// introduces, open a clause: a subject (a pronoun, or a short noun phrase)
// and its finite verb ("Trump is trailing", "he backed", "the numbers
// were"), as after a weak cue ("polls show …") it must.
func (f *finder) clauseOpens(cs, end int) bool {
	k := cs
	switch w := f.word(cs); {
	case subjPronouns[contracted(w)]:
		return true // "they're": a subject and its verb
	case clauseSubjects[w] || subjPronouns[w]:
		k = cs + 1
	default:
		for k < end && k-cs < 5 && f.toks[k].kind == tWord && (f.toks[k].cap || npLead[f.word(k)] || determiners[f.word(k)] || k > cs && !verbLike(f.word(k)) && !finiteMarkers[f.word(k)] && !strings.HasSuffix(f.word(k), "s")) {
			k++
		}
		if k == cs {
			return false
		}
	}
	for k < end && f.toks[k].kind == tWord && (auxWords[f.word(k)] && !finiteMarkers[f.word(k)] || isLyAdverb(f.word(k))) {
		k++ // "he also backed"
	}
	if k >= end || f.toks[k].kind != tWord || f.toks[k].cap {
		return false
	}
	w := f.word(k)
	return finiteMarkers[w] || irregularPast[w] || len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

// irregularPast are common past tenses without "-ed": "documents show he
// took a loss".
var irregularPast = wordSet(`took made gave went came got knew saw told thought found left felt kept ran won lost paid
sent spent brought bought held led met fell rose grew began became broke chose drove fought forgot hid hit hurt let
meant put quit read said sold set shot shut sat stood stole struck swore taught threw understood woke wore wrote`)

// contentLike tells whether the words from cs, which no "that" or colon
// introduces, may be what was said: never a prepositional phrase ("to
// Kuleba's remarks"), nor a noun phrase that names a stance or a topic
// rather than words ("Washington's stance on …", "the importance of …").
func (f *finder) contentLike(cs, end int) bool {
	w := f.word(cs)
	if st := contracted(w); st != "" {
		w = st // "they're"
	}
	switch {
	case f.toks[cs].kind == tOpen || clauseSubjects[w] || subjPronouns[w]:
		return true
	case f.toks[cs].kind != tWord || f.prepositionAt(cs):
		return false
	}
	// a noun phrase headed by a topic noun, with no verb of its own
	// before a "that": "Washington's stance on the Russian demand that …"
	for k := cs; k < end && k-cs <= 6; k++ {
		if f.toks[k].kind != tWord || f.toks[k].q >= 0 {
			return true
		}
		w := f.word(k)
		if finiteMarkers[w] || thatWords[w] {
			return true
		}
		if clausePreps[w] {
			// the topic noun heads a short phrase: "Washington's stance
			// on", not "Clinton's advantage obscures concerns about"
			return k == cs || k-cs > 3 || !topicNouns[f.word(k-1)] || f.finiteBeforeThat(k+1, end)
		}
	}
	return true
}

// contracted is w without a contracted auxiliary ("they're" -> "they"),
// or "".
func contracted(w string) string {
	for _, suf := range [...]string{"’re", "'re", "’ll", "'ll", "’ve", "'ve", "’d", "'d", "’m", "'m"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return ""
}

// finiteBeforeThat: an auxiliary or a form of be or have stands among the
// words from i, before any "that" ("praise from Putin would not …").
func (f *finder) finiteBeforeThat(i, end int) bool {
	for k := i; k < end && k-i <= 12; k++ {
		w := f.word(k)
		if thatWords[w] || f.isStop(k) {
			return false
		}
		if finiteMarkers[w] {
			return true
		}
	}
	return false
}

// prepositionAt: token i is a preposition, not "to" before a verb ("vowed
// to form", but "responded to Kuleba's remarks", "to the press").
func (f *finder) prepositionAt(i int) bool {
	w := f.word(i)
	if !clausePreps[w] {
		return false
	}
	if w == "to" && i+1 < len(f.toks) {
		n := f.word(i + 1)
		return n == "" || f.toks[i+1].cap || determiners[n] || npLead[n] || possessives[n] || objPronouns[n] || isNumber(n) || stem(n) != ""
	}
	return true
}

// pastAdjunct is where what was said begins after an adjunct that opens
// the words after a cue: after a "that" ("says at a campaign stop in
// Toledo, Ohio, that …"), at a clause's subject pronoun ("said after the
// convention he would …") or at a quotation after a comma; -1 when none
// comes.
func (f *finder) pastAdjunct(cs, end int) int {
	for k := cs + 1; k < end && k-cs <= 16; k++ {
		t := &f.toks[k]
		if t.kind == tOpen && f.isPunct(k-1, ',') {
			return k // "says of Clinton, “If she gets the chance …”"
		}
		if t.q >= 0 || f.isStop(k) {
			return -1
		}
		w := f.word(k)
		switch {
		case thatWords[w]:
			return k + 1
		case clauseSubjects[w] && !t.cap && w != "this" && w != "these" && w != "those":
			return k
		case cues[w].form != 0:
			return -1
		}
	}
	return -1
}

// clausePreps open a prepositional phrase, never a clause.
var clausePreps = wordSet(`to of for at from with in on about into by over under against toward towards upon via
per despite during after before without within among amid between through across around`)

// topicNouns head a noun phrase that tells what someone's words were
// about, not the words: "reiterated Washington's stance on", "stressed the
// importance of".
var topicNouns = wordSet(`stance stances position positions view views opinion opinions importance need support
opposition commitment commitments concern concerns call calls message point points case argument arguments
criticism praise objection objections approach policy line`)

// finiteMarkers are auxiliaries and forms of be and have: a clause's verb
// ("the document is", "Moscow has set out", "prices would rise").
var finiteMarkers = wordSet(`is are was were am has have had will would can could may might must shall should do does
did isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t won’t wouldn’t can’t couldn’t doesn’t don’t didn’t isn't
aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't doesn't don't didn't ’s 's ’re 're ’ll 'll
’d 'd`)

// nounBefore: the word before the cue makes it a noun ("Russia’s
// demands", "the written reply", "its claims").
func (f *finder) nounBefore(c, a int) bool {
	p := c - 1
	if p < a || f.toks[p].kind != tWord {
		return false
	}
	w := f.word(p)
	if st := stem(w); st != "" {
		return !subjPronouns[st] && !stopWords[st] // "he’s said" is no possessive
	}
	return strings.HasSuffix(w, "s’") || determiners[w]
}

var determiners = wordSet(`the a an his her its their our my your this these those new written recent earlier public such
any no some every each further latest similar repeated`)

// invertedNext may follow the speaker of "…, said Smith": "…, said
// Smith on Monday", "…, said Smith, who …".
var invertedNext = wordSet(`on in at during after before via last this yesterday today tonight monday tuesday
wednesday thursday friday saturday sunday who earlier later`)

// contentStart finds where what was said begins after a cue phrase ending
// at i: after "that" or a colon, past an adjunct ("said on Monday that").
// strong tells that a "that", a colon or a quotation introduces it.
func (f *finder) contentStart(i, end int) (int, bool) {
	if i >= end {
		return i, false
	}
	if f.isPunct(i, ':') || f.isPunct(i, ',') && i+1 < end && f.toks[i+1].kind == tOpen {
		return i + 1, true
	}
	if thatWords[f.word(i)] {
		if f.demonstrativeThat(i, end) {
			return i, true // "saying that officer “will not be …”"
		}
		return i + 1, true
	}
	if f.toks[i].kind == tOpen {
		return i, true
	}
	if f.isPunct(i, ',') && i+1 < end && thatWords[f.word(i+1)] {
		return i + 2, true // German ", dass", Spanish ", que"
	}
	// "said at a news briefing on Jan. 26 that …", "tweeted in the early
	// morning hours that …", "told one of his young protégés that …"
	for k := i; k < end && k-i <= 16; k++ {
		t := &f.toks[k]
		if t.kind == tWord && thatWords[f.word(k)] {
			if f.relativeThat(i, k, end) {
				break
			}
			if f.adjunctsOnly(i, k) || f.gapBeforeThat(i, k) {
				return k + 1, true
			}
			break
		}
		if t.kind != tWord && !f.isPunct(k, ',') && !(t.kind == tPunct && (f.text[t.s] == '-' || f.text[t.s] == '.')) {
			break
		}
	}
	if f.isPunct(i, ',') {
		return i + 1, false
	}
	return i, false
}

// relativeThat: the "that" at k, after the words [i, k) that follow the
// cue, is a relative pronoun and no complementizer: a noun stands before
// it and a verb with no subject of its own follows ("thanked him for his
// efforts that led to …", "promised to destroy anything that got in the
// way"). What was said does not begin after it.
func (f *finder) relativeThat(i, k, end int) bool {
	if k == i || k+1 >= end || f.toks[k-1].kind != tWord || f.toks[k+1].kind != tWord || f.toks[k+1].cap {
		return false
	}
	if f.word(k) != "that" {
		return false
	}
	w := f.word(k + 1)
	return relativeVerbs[w] || irregularPast[w] && !subjPronouns[w] || verbLike(w) && strings.HasSuffix(w, "ed")
}

// relativeVerbs open the verb phrase of a subject relative ("efforts that
// have led", "a plan that would cut"); forms of "be" are left out, as a
// demonstrative "that" may be the subject of what was said ("told
// reporters that was a mistake").
var relativeVerbs = wordSet(`has have had will would could can may might must should did does led`)

// demonstrativeThat: the "that" at i determines the singular count noun
// after it, the subject of what was said, and introduces nothing ("said
// that officer will not be disciplined", "said that report was wrong"):
// such a noun has no subject without a determiner.
func (f *finder) demonstrativeThat(i, end int) bool {
	if i+2 >= end || f.word(i) != "that" || f.toks[i+1].kind != tWord || f.toks[i+1].cap || !countNouns[f.word(i+1)] {
		return false
	}
	if f.toks[i+2].kind == tOpen {
		return true
	}
	w := f.word(i + 2)
	return finiteMarkers[w] || irregularPast[w]
}

// countNouns are singular nouns of people and records that never stand
// as a subject without a determiner.
var countNouns = wordSet(`officer official spokesman spokeswoman spokesperson aide adviser source man woman person
report study poll survey statement letter memo document ruling decision lawsuit complaint agency company group
candidate lawmaker senator governor mayor president leader judge prosecutor witness suspect`)

// gapBeforeThat: tokens [i, k) before a "that" are a prepositional or
// noun phrase, with no verb or clause of their own ("in the early morning
// hours", "one of his young protégés on a regular basis").
func (f *finder) gapBeforeThat(i, k int) bool {
	w := f.word(i)
	if !adjunctPreps[w] && !npLead[w] && !npInner[w] && !f.toks[i].cap {
		return false
	}
	for m := i; m < k; m++ {
		if f.toks[m].kind != tWord {
			continue
		}
		w := f.word(m)
		if subjPronouns[w] || cues[w].form != 0 || verbLike(w) || passiveAux[w] || auxWords[w] && w != "also" || relPronouns[w] {
			return false
		}
	}
	return true
}

const cutParticiple = true

// quoteNear: a quotation opens within the first words of the content
// ("called him “a liar”").
func (f *finder) quoteNear(cs, end int) bool {
	for i := cs; i < end && i-cs <= 10; i++ {
		if f.toks[i].kind == tOpen {
			return true
		}
	}
	return false
}

// namingVerbs name what someone or something is: "called him “a
// liar”". What they said ends with the quotation.
var namingVerbs = wordSet(`call called calls calling describe described describes describing label labeled labelled
labels labeling dub dubbed dubs branded brand brands branding term termed deem deemed`)

// namingEnd ends the content of a naming verb at token c with the first
// quotation in it.
func (f *finder) namingEnd(c, cs, end int) int {
	if !namingVerbs[f.word(c)] {
		return end
	}
	switch f.word(c + 1) {
	case "for", "on", "out", "off", "in", "back", "up":
		return end // "called for", "called on"
	}
	for i := cs; i < end && i-cs <= 12; i++ {
		if f.toks[i].kind != tOpen {
			continue
		}
		e := f.lastTok[f.toks[i].q] + 1
		// a list of names: "a “nasty guy,” an “anchor baby” and “sick.”"
		for e < end {
			k := e
			for k < end && k-e <= 4 && f.toks[k].kind != tOpen && (f.isPunct(k, ',') || listGlue[f.word(k)]) {
				k++
			}
			if k >= end || f.toks[k].kind != tOpen {
				break
			}
			e = f.lastTok[f.toks[k].q] + 1
		}
		if e < end && !f.labelGoesOn(e) {
			return e
		}
		return end
	}
	return end
}

// labelGoesOn: the words at token e, right after a quoted label, qualify
// the label rather than start the writer's own ("a “rush to judgment”
// because …", "a “blueprint” for how …"): the content keeps them.
func (f *finder) labelGoesOn(e int) bool {
	return f.toks[e].kind == tWord && labelTails[f.word(e)]
}

var labelTails = wordSet("because for of to that who which since")

// evaluativeEnd ends the object of an evaluative cue at c ("endorsed
// Trump in early June") before the time phrase after it: the object is
// what was said of, the time is the writer's.
func (f *finder) evaluativeEnd(c, cs, end int) int {
	if !evaluative[f.word(c)] || f.toks[cs].kind != tWord {
		return end
	}
	for j := cs + 1; j < end; j++ {
		if f.toks[j].q < 0 && f.timeFrom(j, end) {
			return j
		}
	}
	return end
}

var listGlue = wordSet("and or a an the as who is was his her their also even")

// clauseEnd cuts reported content before a new clause of the writer's: ",
// but he …", "; …".
func (f *finder) clauseEnd(cs, end int) int {
	for i := cs + 2; i+1 < end; i++ {
		if f.toks[i].q >= 0 {
			continue
		}
		if f.isPunct(i, ';') || f.writerAside(i) {
			return i
		}
		if f.commaBefore(i) && f.writerClause(i) {
			return i - 1
		}
		// "said he was “outraged”, arguing that …": a participle opens
		// speech of its own
		if f.commaBefore(i) {
			if ci, ok := f.cueAt(i); ok && (ci.form == formPart || ci.form == formFinite && !ci.weak && !f.toks[i].cap) {
				// ", arguing that …", ", told his advisers …": the
				// speaker's next verb
				return i - 1
			}
			if cutParticiple && i-cs >= 5 && !f.toks[i].cap && strings.HasSuffix(f.word(i), "ing") && verbLike(f.word(i)) {
				return i - 1 // "…, engaging in what analysts described as …"
			}
		}
		// "called Trump “crazy” and said …": a second verb with its own cue
		if w := f.word(i); w == "and" || w == "but" {
			j := i + 1
			for j < end && (auxWords[f.word(j)] || isLyAdverb(f.word(j))) {
				j++
			}
			if ci, ok := f.cueAt(j); ok && ci.form != formAccording && (!ci.weak || j > i+1 || thatWords[f.word(j+1)]) {
				// "but did not elaborate"; not "federal and state law"
				return i
			}
			if j < end && f.secondPredicate(cs, i, j) {
				return i // (a verb past the sentence's end is none of its own)
			}
		}
	}
	return end
}

// writerClause: the words at i, after a comma, add the writer's own
// clause to reported content: "…, but for Republicans …", "…, despite
// some recent suggestions by the news media …", "…, whether a new
// offensive by Turkey …", "…, and he railed against …".
func (f *finder) writerClause(i int) bool {
	switch w := f.word(i); w {
	case "but", "while", "despite", "whether":
		return true
	case "although", "though":
		return clauseSubjects[f.word(i+1)]
	case "and":
		return clauseSubjects[f.word(i+1)] && f.word(i+1) != "there"
	case "which":
		// "…“sarcastic” in his comments, which raised concerns": the
		// writer's remark on what was said
		return f.quotedBefore(i - 1)
	}
	return false
}

// writerAside: token i is a dash after quoted words opening a noun
// phrase of the writer's on what was said: "he was “encouraged” by the
// plan — a modest boost for Obama".
func (f *finder) writerAside(i int) bool {
	return f.isDash(i) && f.text[f.toks[i].s] != '-' && articles[f.word(i+1)] && f.quotedBefore(i)
}

// quotedBefore: a quotation closes within the few tokens before the
// comma at token k.
func (f *finder) quotedBefore(k int) bool {
	for j := k - 1; j >= 0 && k-j <= 5; j-- {
		if f.toks[j].kind == tClose {
			return true
		}
		if f.isStop(j) {
			return false
		}
	}
	return false
}

// writerEnd ends content [cs, end) where the writer's own clause begins
// after a comma (see writerClause): "is promising lower taxes and “jobs,
// jobs, jobs,” but he has also intensified …".
func (f *finder) writerEnd(cs, end int) int {
	for i := cs + 2; i+1 < end; i++ {
		if f.toks[i].q < 0 && f.commaBefore(i) && f.writerClause(i) {
			return i - 1
		}
	}
	return end
}

// commaBefore: a comma stands right before token i, after the words or
// as the last of a quotation that closes there ("has “expanded the
// Republican party,” claiming …").
func (f *finder) commaBefore(i int) bool {
	return f.isPunct(i-1, ',') || i-2 >= 0 && f.toks[i-1].kind == tClose && f.isPunct(i-2, ',')
}

// secondPredicate: the past-tense verb at j, after the "and" at i, has no
// subject of its own and the content [cs, i) before it is a whole clause
// in another tense: it is the speaker's second verb ("said she admires his
// determination and highlighted …"), not a word of what was said ("said
// prices rose and fell").
func (f *finder) secondPredicate(cs, i, j int) bool {
	w := f.word(j)
	if f.toks[j].cap || len(w) < 5 || !strings.HasSuffix(w, "ed") || npParticiples[w] {
		return false
	}
	for k := cs; k < i; k++ {
		v := f.word(k)
		if f.toks[k].q < 0 && (strings.HasSuffix(v, "ed") || irregularPast[v] || v == "was" || v == "were" || v == "had" || v == "did") {
			return false // the content is in the past too
		}
	}
	return f.clauseOpens(cs, i)
}

// adjunctTail: what follows the cue phrase up to the sentence's end is
// only time, place and medium, or a new participle clause (", adding …").
func (f *finder) adjunctTail(i, end int) bool {
	if i >= end {
		return true
	}
	if f.isPunct(i, ',') || f.isDash(i) {
		return true
	}
	w := f.word(i)
	if !adjunctPreps[w] && !timeNouns[w] && !weekdays[w] {
		return false
	}
	for k := i; k < end; k++ {
		if k-i > 14 {
			return false
		}
		w := f.word(k)
		if thatWords[w] || clauseSubjects[w] && k > i {
			return false
		}
		if f.isPunct(k, ',') || f.isDash(k) {
			return true
		}
		if ci, ok := cues[w]; ok && ci.form == formFinite && k > i {
			return false
		}
	}
	return true
}

// pastAdjunctTo passes a time or place phrase after a cue phrase ending
// at pe ("told me on Friday,") and returns the comma after it, or pe.
func (f *finder) pastAdjunctTo(pe, end int) int {
	if pe >= end || !adjunctPreps[f.word(pe)] && !weekdays[f.word(pe)] {
		return pe
	}
	for k := pe + 1; k < end && k-pe <= 6; k++ {
		if f.isPunct(k, ',') {
			if f.adjunctsOnly(pe, k) {
				return k
			}
			return pe
		}
	}
	return pe
}

// clauseAfter: the words [i, end) after a parenthetical cue carry on what
// was said, rather than open a participle (", adding …") or an adjunct.
func (f *finder) clauseAfter(i, end int) bool {
	if end-i < 3 {
		return false
	}
	if f.toks[i].kind == tOpen {
		return true // "…, the lawyers said, “all command …”": the words go on quoted
	}
	w := f.word(i)
	if ci, ok := cues[w]; ok && ci.form == formPart || adjunctPreps[w] && w != "and" || relPronouns[w] || verbLike(w) {
		return false
	}
	if f.toks[i].kind != tWord {
		return false
	}
	return true
}

// emit2 records an attribution whose content is two pieces around the
// cue.
func (f *finder) emit2(c, pe, sa, sb, from, a1, e1, a2, e2 int, s int32) {
	for e1 > a1 && (f.isPunct(e1-1, ',') || f.isDash(e1-1)) {
		e1--
	}
	for e2 > a2 && (f.isPunct(e2-1, ',') || f.isDash(e2-1)) {
		e2--
	}
	if e1 <= a1 || e2 <= a2 {
		return
	}
	at := attr{sa: sa, sb: sb, ca: c, cb: pe, fromAttr: from, sent: s}
	at.segs = []seg{{f.toks[a1].s, f.toks[e1-1].e}, {f.toks[a2].s, f.toks[e2-1].e}}
	for i := c; i < pe; i++ {
		f.used[i] = true
	}
	f.add(at)
}

// tailIsClause: the words before a post-posed weak cue read as a clause.
func (f *finder) tailIsClause(a, e int) bool {
	return e-a >= 3
}

// emit records an attribution with content tokens [cs, ce).
func (f *finder) emit(c, pe, sa, sb, from, cs, ce int, s int32, agentless bool) {
	for cs < ce && (f.isPunct(cs, ',') || f.isPunct(cs, ':') || f.isDash(cs)) {
		cs++
	}
	for ce > cs && (f.isPunct(ce-1, ',') || f.isPunct(ce-1, ':') || f.isDash(ce-1) || f.isPunct(ce-1, '(')) {
		ce--
	}
	if ce <= cs {
		return
	}
	// A quotation that begins inside runs to its end, even past the
	// sentence.
	last := ce - 1
	if q := f.toks[last].q; q >= 0 && f.lastTok[q] > last && f.toks[f.openTok[q]].s >= f.toks[cs].s {
		last = f.lastTok[q]
		ce = last + 1
	}
	start, stop := f.toks[cs].s, f.toks[ce-1].e
	a := attr{sa: sa, sb: sb, ca: c, cb: pe, fromAttr: from, sent: s, agentless: agentless}
	// The content is one quotation: a direct quote.
	if f.toks[cs].kind == tOpen {
		q := f.toks[cs].q
		if f.openTok[q] == cs && f.lastTok[q] == ce-1 && !f.spanUsed[q] {
			a.direct = true
			a.segs = f.quoteSegs(int(q))
			f.spanUsed[q] = true
		}
	}
	if !a.direct {
		a.segs = []seg{{start, stop}}
	}
	if len(a.segs) == 0 {
		return
	}
	if agentless {
		a.sa, a.sb = -1, -1
	}
	for i := c; i < pe; i++ {
		f.used[i] = true
	}
	f.add(a)
}

// relativeAt: token p is a relative pronoun: "who", "which", or "that"
// right after a noun ("a letter from his doctor that says …").
func (f *finder) relativeAt(p, a int) bool {
	w := f.word(p)
	if relPronouns[w] {
		return true
	}
	if w != "that" || p-1 < a || f.toks[p-1].kind != tWord || f.toks[p-1].cap {
		return false
	}
	n := f.word(p - 1)
	return speakerNouns[n] || mediaNouns[n]
}

// according handles "according to X, …" and "…, according to X".
func (f *finder) according(c, pe, a, end int, s int32) {
	src := f.pastFreeRelative(pe, end)
	sa, sb := f.rightNP(src, end)
	if sa < 0 && src < end && objPronouns[f.word(src)] {
		sa, sb = src, src+1 // "according to him"
	}
	if sa < 0 {
		return
	}
	se := sb
	// content before: "…, according to X." A clause before a colon
	// introduces the sentence instead: "It hasn't gone unnoticed:
	// according to recent polls, …"
	words := 0
	for i := a; i < c; i++ {
		if f.toks[i].kind == tWord {
			words++
		}
		if f.isPunct(i, ':') {
			a, words = i+1, 0
		}
	}
	if se < end && !f.isPunct(se, ',') {
		// "According to a new report by Politico, …": the source runs
		// on to the comma
		if se = f.sourceTail(se, end); se > sb {
			sb = se
		}
	}
	if words >= 3 {
		if f.accordingWithin(c, se, end) {
			// "Since last November, according to Human Rights Watch,
			// state security forces have killed …": the source stands
			// inside what it says
			f.emit2(c, pe, sa, sb, -1, a, c, se+1, end, s)
			return
		}
		f.emit(c, pe, sa, sb, -1, a, c, s, false)
		return
	}
	if se < end && f.isPunct(se, ',') {
		f.emit(c, pe, sa, sb, -1, se+1, end, s, false)
	}
}

// pastFreeRelative skips the "what" of "according to what the presidency
// announced": the source is the subject of the free relative, when a cue
// follows it. Returns where the source begins.
func (f *finder) pastFreeRelative(pe, end int) int {
	if pe+1 >= end || !freeRelatives[f.word(pe)] {
		return pe
	}
	sa, sb := f.rightNP(pe+1, end)
	if sa < 0 || sb >= end || f.toks[sb].kind != tWord || cues[f.word(sb)].form == 0 {
		return pe
	}
	return pe + 1
}

// freeRelatives open a free relative ("according to what officials said").
var freeRelatives = wordSet("what")

// accordingWithin: "according to X" at c, its source ending at se, is
// set off by commas within a clause that goes on after it.
func (f *finder) accordingWithin(c, se, end int) bool {
	return f.isPunct(c-1, ',') && se < end && f.isPunct(se, ',') && f.wordsIn(se+1, end-1) >= 3 && !f.clauseAfterIsWriters(se+1)
}

// clauseAfterIsWriters: the words at i after a parenthetical source open
// a clause of the writer's (", but …", ", which …") rather than go on.
func (f *finder) clauseAfterIsWriters(i int) bool {
	w := f.word(i)
	return w == "but" || w == "and" || relPronouns[w] || objectStops[w]
}

// sourceTail passes the words from i that carry on a source phrase ("by
// Politico", "of Indiana voters") up to a comma, and returns the comma's
// token; i when no comma ends them.
func (f *finder) sourceTail(i, end int) int {
	// "results of exit polls conducted for the Associated Press and
	// television networks by Edison Research," is one source
	for k := i; k < end && k-i <= 20; k++ {
		t := &f.toks[k]
		if f.isPunct(k, ',') {
			return k
		}
		if t.q >= 0 && t.kind != tWord || t.kind == tPunct && !f.isPunct(k, '-') && !f.isPunct(k, '&') {
			return i
		}
		if w := f.word(k); thatWords[w] || subjPronouns[w] || cues[w].form != 0 && !nounLike[w] || finiteMarkers[w] {
			return i
		}
	}
	return i
}

// participle handles "…, saying (that) …", "…, adding …": the subject of
// the clause speaks.
func (f *finder) participle(c, pe int, ci cueInfo, a, end int, s int32) {
	p := c - 1
	for p >= a && f.toks[p].kind == tWord && (auxWords[f.word(p)] || isLyAdverb(f.word(p))) {
		p--
	}
	if p < a {
		return
	}
	sa, sb, from := -1, -1, -1
	switch w := f.word(p); {
	case f.commaBefore(p+1) || f.isDash(p) || w == "and" || w == "while" || w == "after" || w == "before" || w == "by" || w == "when" || w == "without" || w == "in" || w == "also":
		from = f.attrInSentence(s, c)
		if from < 0 {
			sa, sb = f.subjectNP(a, p)
			if sa < 0 {
				return
			}
		}
	case passiveAux[w]:
		// "he was saying"
		q := p - 1
		for q >= a && f.toks[q].kind == tWord && (auxWords[f.word(q)] || passiveAux[f.word(q)] || isLyAdverb(f.word(q))) {
			q--
		}
		if q < a {
			return
		}
		sa, sb = f.npBack(q, a)
		if sa < 0 {
			return
		}
	case (!ci.weak || f.quoteNear(pe, end)) && !determiners[w] && f.toks[p].kind == tWord:
		// "released a statement Wednesday saying …", "issued a
		// statement calling the test “a clear violation”"
		from = f.attrInSentence(s, c)
		if from < 0 {
			sa, sb = f.subjectNP(a, p)
			if sa < 0 {
				return
			}
		}
	default:
		return
	}
	cs, strong := f.contentStart(pe, end)
	if cs >= end || ci.weak && !strong && !f.quoteNear(cs, end) && !f.relativeObject(cs, end) {
		return
	}
	end = f.writerEnd(cs, end)
	end = f.namingEnd(c, cs, end)
	f.emit(c, pe, sa, sb, from, cs, end, s, false)
}

// labels finds paragraphs that open with a name and a colon: headlines
// ("Lavrov: No positive answer to the main question") and transcripts
// ("TAPPER: …", "Q: …").
func (f *finder) labels() {
	n := len(f.toks)
	var labelled map[int32]bool // quotations read as transcripts
	for ls := 0; ls < n; {
		le := ls
		for le < n && f.toks[le].line == f.toks[ls].line {
			le++
		}
		if q := f.label(ls, le, labelled); q >= 0 {
			if labelled == nil {
				labelled = map[int32]bool{}
			}
			labelled[q] = true
		}
		ls = le
	}
}

// label reads the paragraph of tokens [ls, le) as a speaker label and what
// follows it. A transcript may stand in quotation marks, each paragraph
// opening with one: "WALLACE: … / "PENCE: …. label returns the quotation of such a
// paragraph it read as a turn, else -1; labelled are those read before,
// which a turn of a later paragraph may share.
func (f *finder) label(ls, le int, labelled map[int32]bool) int32 {
	p, q := ls, int32(-1)
	if t := &f.toks[ls]; t.kind == tOpen {
		if q = t.q; f.spanUsed[q] && !labelled[q] {
			return -1
		}
		p++
	}
	start := p
	for p < le && p-start <= 4 && f.toks[p].kind == tWord && f.toks[p].cap && f.toks[p].q == q {
		if notLabels[f.word(p)] || weekdays[f.word(p)] || months[f.word(p)] {
			return -1
		}
		p++
	}
	if p == start || p >= le || !f.isPunct(p, ':') || f.wordsIn(p+1, le-1) < 3 {
		return -1
	}
	if f.toks[p+1].kind == tWord && f.toks[p+1].q < 0 && strings.HasPrefix(f.word(p+1), "http") {
		return -1
	}
	if q >= 0 && f.toks[le-1].kind == tClose {
		le--
	}
	n := len(f.attrs)
	f.emit(p, p+1, start, p, -1, p+1, le, f.toks[p].sent, false)
	if q >= 0 && len(f.attrs) > n {
		f.spanUsed[q] = true
		f.attrs[n].direct = true
		return q
	}
	return -1
}

// notLabels open paragraphs that are page furniture, not speakers.
var notLabels = wordSet(`related update updated read more photo photos video watch see also note editor editors source
sources image images credit credits click advertisement warning breaking exclusive analysis opinion live listen share
tags tag topics topic category categories posted published filed subscribe follow email contact caption correction
clarification disclosure transcript full text here this that these the what why how when where who which comments
comment reply replies sign log login previous next top bottom menu search home news latest story stories program
programme price prices terms privacy copyright rating ratings summary background timeline recommended trending
please download author by keywords fact facts check bio biography sponsored partner ad ads`)

// joinAfter appends to attribution ai the quotations that follow token
// last in its paragraph without a cue of their own.
func (f *finder) joinAfter(ai, last int) {
	for last+1 < len(f.toks) && f.toks[last+1].kind == tPunct && f.toks[last+1].line == f.toks[last].line && f.toks[last+1].q < 0 {
		last++
	}
	if last+1 >= len(f.toks) || f.toks[last+1].kind != tOpen {
		return
	}
	for nx := int(f.toks[last+1].q); nx < len(f.spans); nx++ {
		if !f.follows(last, nx) {
			break
		}
		if g := f.trailing(nx); g.ok {
			break
		}
		if _, _, _, _, _, ok := f.leadingCue(nx); ok {
			break
		}
		f.spanUsed[nx] = true
		f.attrs[ai].segs = append(f.attrs[ai].segs, f.quoteSegs(nx)...)
		last = f.lastTok[nx]
	}
}
