package quotes

import "strings"

// This file finds the phrase that names a speaker next to a cue: to its
// left ("Foreign Minister Sergei Lavrov said", "Smith, a Democrat, said")
// or, inverted, to its right ("said Devine").

// maxNP bounds a speaker phrase, in tokens.
const maxNP = 14

// skipAuxBack walks left from i over auxiliaries, adverbs and short time
// phrases standing between a speaker and the cue ("has also said", "on
// Monday said", "last week told"). passive also passes forms of "be".
func (f *finder) skipAuxBack(i, lo int, passive bool) (int, bool) {
	sawBe := false
	for i >= lo {
		t := &f.toks[i]
		if t.kind != tWord || t.q >= 0 {
			break
		}
		w := f.word(i)
		if !t.cap && (auxWords[w] || isLyAdverb(w)) {
			i--
			continue
		}
		if passive && !t.cap && passiveAux[w] {
			sawBe = true
			i--
			continue
		}
		if j := f.timeBack(i, lo); j < i {
			i = f.releasedBack(j, lo)
			continue
		}
		break
	}
	return i, sawBe
}

// releasedBack passes the participle before a time phrase that dates a
// record: "a Monmouth poll out Monday", "a poll released Wednesday". It
// returns i when there is none.
func (f *finder) releasedBack(i, lo int) int {
	if i >= lo && releasedWords[f.word(i)] && !f.toks[i].cap {
		return i - 1
	}
	return i
}

var releasedWords = wordSet("out released published conducted taken issued filed")

// timeBack passes a time phrase ending at i: "on Monday", "last week",
// "Jan. 26", "on Jan. 26". It returns i when there is none.
func (f *finder) timeBack(i, lo int) int {
	w := f.word(i)
	j := i
	switch {
	case weekdays[w] || w == "today" || w == "yesterday" || w == "tonight":
		j = i - 1
	case timeNouns[w]:
		if i-1 >= lo && (f.word(i-1) == "last" || f.word(i-1) == "this" || f.word(i-1) == "next" || f.word(i-1) == "earlier") {
			j = i - 2
		} else {
			return i
		}
	case isNumber(w) && i-1 >= lo && months[f.word(i-1)]:
		j = i - 2
	case len(w) == 4 && isNumber(w) && i-1 >= lo && (f.word(i-1) == "in" || f.word(i-1) == "since"):
		return i - 2 // "who in 2010 said"
	default:
		return i
	}
	if j >= lo && f.toks[j].kind == tWord {
		switch f.word(j) {
		case "on", "late", "early", "last", "this", "earlier", "since":
			j--
		}
	}
	return j
}

var weekdays = wordSet("monday tuesday wednesday thursday friday saturday sunday")
var timeNouns = wordSet("week month year night morning afternoon evening weekend summer spring fall autumn winter")
var months = wordSet(`jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. january february march april may june july
august september october november december`)

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != ',' && w[i] != '.' {
			return false
		}
	}
	return true
}

// isLyAdverb: "publicly", "reportedly", "angrily" (not "family", "Italy").
func isLyAdverb(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ly") && !notAdverbLy[w]
}

var notAdverbLy = wordSet("family supply assembly ally rally bully italy july only early daily weekly monthly holy belly jelly")

// verbLike tells lower-case words that rather end a noun phrase: "-ed" and
// "-ing" forms ("growing", "attacked").
func verbLike(w string) bool {
	if len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && strings.IndexByte(w, '-') < 0 {
		return !npParticiples[w]
	}
	return false
}

var npParticiples = wordSet(`retired unnamed elected unidentified leading ruling governing ranking united based
longtime outgoing incoming acting presiding sitting reigning visiting concerned affected wounded injured
detained accused armed trained unnamed anonymous-speaking`)

// leftNP finds the speaker phrase that ends just before the cue at c,
// looking no further left than lo. It returns the token range [a, b), or
// a = -1.
func (f *finder) leftNP(c, lo int, passive bool) (a, b int, sawBe bool) {
	if c-3 >= lo && f.word(c-1) == "to" && cues[f.word(c)].form == formBase {
		// "went on to say", "continued to say"
		switch {
		case f.word(c-2) == "on" && (f.word(c-3) == "went" || f.word(c-3) == "goes" || f.word(c-3) == "go"):
			c -= 3
		case f.word(c-2) == "continued" || f.word(c-2) == "continues" || f.word(c-2) == "proceeded":
			c -= 2
		}
	}
	i, sawBe := f.skipAuxBack(c-1, lo, passive)
	if i < lo {
		return -1, -1, sawBe
	}
	// "Jason Sims — a teacher from Mount Pleasant — says"
	if f.isDash(i) && f.text[f.toks[i].s] != '-' {
		for k := i - 1; k > lo && i-k <= 15; k-- {
			if f.isDash(k) && f.text[f.toks[k].s] != '-' {
				a, b := f.npBack(k-1, lo)
				return a, b, sawBe
			}
			if f.toks[k].kind == tPunct && !f.isPunct(k, ',') || f.toks[k].q >= 0 {
				break
			}
		}
	}
	// Appositives: "Smith, a Democrat, said"; "his strategist, Tad Devine, said".
	if f.isPunct(i, ',') {
		a, b := f.apposHead(i, lo)
		if a < 0 && i-1 >= lo && f.toks[i-1].cap || a < 0 && f.isPunct(i-1, ')') {
			// a stray comma: "Gov. John Kasich (R-OH), said"
			j := i - 1
			if f.isPunct(j, ')') {
				for j >= lo && !f.isPunct(j, '(') {
					j--
				}
				j--
			}
			if j >= lo {
				if x, y := f.npBack(j, lo); x >= 0 && f.toks[x].cap && (x == lo || f.isPunct(x-1, ',') && y-x >= 2) {
					return x, y, sawBe
				}
			}
		}
		return a, b, sawBe
	}
	// "Sen. Claire McCaskill (D-Mo.) said"
	if f.isPunct(i, ')') {
		j := i - 1
		for j >= lo && i-j < 10 && !f.isPunct(j, '(') {
			j--
		}
		if j < lo || !f.isPunct(j, '(') {
			return -1, -1, sawBe
		}
		i = j - 1
	}
	a, b = f.npBack(i, lo)
	if x, y := f.participleHead(a, lo); x >= 0 {
		return x, y, sawBe
	}
	return a, b, sawBe
}

// participleHead is the noun phrase that a participle phrase ending in
// the phrase at a modifies, when the participle and its preposition stand
// right before a: "Protesters marching through [the streets] chanted" is
// said by the protesters. It returns -1, -1 when there is none.
func (f *finder) participleHead(a, lo int) (int, int) {
	if a-3 < lo || a < 0 || !clausePreps[f.word(a-1)] {
		return -1, -1
	}
	w := f.word(a - 2)
	if !strings.HasSuffix(w, "ing") || !verbLike(w) || cues[w].form != 0 {
		return -1, -1
	}
	x, y := f.npBack(a-3, lo)
	if x != lo || y != a-2 || f.toks[x].q >= 0 {
		return -1, -1 // only a subject opening its clause
	}
	return x, y
}

// npBack collects a noun phrase ending at token i (inclusive).
func (f *finder) npBack(i, lo int) (int, int) {
	b := i + 1
	a := b
	sawCap := false
walk:
	for ; i >= lo && b-i <= maxNP; i-- {
		switch f.npBackMove(i, lo, a, sawCap) {
		case npTakeName:
			a, sawCap = i, true
		case npTake:
			a = i
		case npPass:
		case npEndWith:
			if a == b {
				a = i
			}
			break walk
		default:
			break walk
		}
	}
	if i >= lo && sawCap && f.toks[i].kind == tWord {
		a = f.dropPrepObject(i, a, b)
	}
	// Never begin with a preposition or a conjunction.
	for a < b && f.toks[a].kind == tWord && (npInner[f.word(a)] || f.word(a) == "and") {
		a++
	}
	if a >= b || !f.hasHead(a, b) {
		return -1, -1
	}
	return a, b
}

// What npBack does with the word before the phrase it has so far.
const (
	npEnd      = iota // the phrase ends after it
	npEndWith         // a pronoun: the phrase ends with it (npBack: if nothing yet)
	npPass            // a link inside the phrase ("and", "for"): go on past it
	npTake            // a word of the phrase
	npTakeName        // a capitalised word of the phrase
)

// npBackMove tells what the word at token i is to the noun phrase that
// starts at a, read backwards from its end; sawCap is whether the phrase
// holds a capitalised word yet.
func (f *finder) npBackMove(i, lo, a int, sawCap bool) int {
	t := &f.toks[i]
	if t.kind != tWord || t.q >= 0 {
		return npEnd
	}
	w := f.word(i)
	if st := stem(w); subjPronouns[st] {
		w = st // "He’s said": the pronoun
	}
	switch {
	case subjPronouns[w]:
		return npEndWith
	case t.cap:
		if (stopWords[w] || npInner[w]) && !npLead[w] {
			return npEnd // But, However, In
		}
		return npTakeName
	case w == "and" || w == "&":
		if f.joinsNames(i, lo, a, sawCap) {
			return npPass
		}
		return npEnd
	case npInner[w] || w == "to" && i-1 >= lo && (roleWords[f.word(i-1)] || groupWords[f.word(i-1)]) && sawCap:
		// "a spokesman for the campaign", "advisers to Mr. Obama"
		if i-1 >= lo && f.toks[i-1].kind == tWord && !stopWords[f.word(i-1)] {
			return npPass
		}
		return npEnd
	case stopWords[w] && !npLead[w], verbLike(w), thatWords[w]:
		return npEnd
	}
	return npTake
}

// joinsNames tells an "and" at token i that joins two names into one
// speaker: "Lee and Jayapal", "Keyworth and Dick Hackborn", "Washington
// and its allies".
func (f *finder) joinsNames(i, lo, a int, sawCap bool) bool {
	return (sawCap || npLead[f.word(a)] && a == i+1) && a == i+1 && i-1 >= lo && f.toks[i-1].kind == tWord && f.toks[i-1].cap
}

// dropPrepObject drops from the phrase [a, b) the words before its name
// when a preposition (at token i) stands before it: they are the
// preposition's object, not the speaker's titles ("In the letter Blinken
// said" -> "Blinken").
func (f *finder) dropPrepObject(i, a, b int) int {
	if w := f.word(i); !npInner[w] && !adjunctPreps[w] {
		return a
	}
	k := b - 1
	for k > a && f.toks[k-1].kind == tWord && (f.toks[k-1].cap || nameParticles[f.word(k-1)]) {
		k--
	}
	for k > a && f.toks[k-1].kind == tWord && !f.toks[k-1].cap && (npLead[f.word(k-1)] || roleWords[f.word(k-1)] || descriptors[f.word(k-1)]) {
		k--
	}
	return k
}

// descriptors are lower-case words that may stand before a name.
var descriptors = wordSet(`longtime veteran fellow retired outgoing incoming acting interim then newly elected
embattled democratic republican conservative liberal progressive independent freshman junior senior
presumptive likely presidential vice-presidential gop congressional republican-led democratic-led
billionaire businessman businesswoman entrepreneur actor actress singer rapper comedian host pastor
rabbi imam priest attorney lawyer doctor dr. professor economist analyst pollster strategist consultant
spokesman spokeswoman spokesperson aide adviser advisor manager director chairman chair ceo founder
president secretary minister senator rep. sen. gov. candidate nominee hopeful rival challenger opponent
congressman congresswoman congressmen congresswomen lawmaker lawmakers leader leaders chief executive
general lieutenant colonel captain sergeant officer commander head deputy assistant associate
former state national international foreign federal u.s. american russian ukrainian german french
british chinese israeli palestinian iranian european official officials expert experts historian
author writer columnist reporter editor correspondent anchor commentator activist organizer
representative delegate member co-founder co-chair vice`)

// hasHead: the phrase has a word that can name someone, not only
// determiners ("the", "many").
func (f *finder) hasHead(a, b int) bool {
	for i := a; i < b; i++ {
		if f.toks[i].kind == tWord && f.fl(i)&(lxLead|lxInner) == 0 {
			return true
		}
	}
	return f.quantifierSubject(a, b)
}

// quantifierSubject: the phrase [a, b) is a quantifier standing alone
// as the subject of the cue right after it ("Another said", "Most say",
// "Several told reporters"): the people counted speak.
func (f *finder) quantifierSubject(a, b int) bool {
	if b-a != 1 || !standAlone[f.word(a)] || b >= len(f.toks) {
		return false
	}
	_, ok := cues[f.word(b)]
	return ok && f.toks[b].kind == tWord
}

var standAlone = wordSet("another others some many several most few one")

// apposHead handles "NAME, APPOSITIVE, cue" and "DESCRIPTION, NAME, cue",
// where the comma at i ends the appositive. It returns the speaker phrase.
// It passes up to three commas: an age ("Smith, 45, a Democrat, said"), a
// place ("a delegate from Houston, Texas, said") or a second appositive.
func (f *finder) apposHead(i, lo int) (int, int) {
	placeComma := -1 // the comma of "in Albany, N.Y.," when one was passed
	second := false  // an appositive was passed, and another stands before it
	for round := 0; round < 3; round++ {
		k, ok := f.apposOpen(i, lo)
		if !ok {
			return -1, -1
		}
		if k < lo || !f.isPunct(k, ',') || k+1 >= i {
			return f.apposFallback(i, lo, second, placeComma)
		}
		segA, segB := k+1, i // the words between the two commas
		if f.nameLike(segA, segB) && k-1 >= lo && !f.toks[k-1].cap {
			// "his chief strategist, Tad Devine, said"
			return segA, segB
		}
		apposLike := f.apposWords(segA, segB, k, lo)
		if !apposLike && f.placeAppos(segA, segB, k, lo) {
			i, placeComma = k, k
			continue
		}
		if !apposLike && !f.participleAppos(segA, k, lo) {
			return -1, -1
		}
		// The head ends before the comma at k.
		j, ok := f.pastParenBack(k-1, lo)
		if !ok {
			return -1, -1
		}
		if j >= lo && f.isPunct(j, ',') {
			i = j
			continue // "Smith, 45, a Democrat, said"
		}
		x, y := f.npBack(j, lo)
		if x-1 > lo && f.isPunct(x-1, ',') && !f.toks[x].cap && npLead[f.word(x)] && f.toks[x-2].cap {
			// a second appositive: "Scott Pruitt, the attorney general
			// of Oklahoma, one of the states suing, said"
			i, second = x-1, true
			continue
		}
		return x, y
	}
	return -1, -1
}

// apposOpen walks back from the comma at i over an appositive to the
// comma that opens it (k, maybe before lo when there is none); ok is
// false when punctuation no appositive holds stands in between. A title
// in quotation marks may ("the co-author of “Going Viral,”").
func (f *finder) apposOpen(i, lo int) (k int, ok bool) {
	k = i - 1
	for k >= lo && i-k <= 26 {
		t := &f.toks[k]
		if t.q >= 0 || t.kind == tOpen || t.kind == tClose {
			k--
			continue
		}
		if t.kind == tPunct {
			ch := f.text[t.s]
			if ch == ',' {
				break
			}
			if ch != '-' && ch != '(' && ch != ')' && ch != '\'' && ch != '&' && ch != '/' && ch != '.' {
				return k, false
			}
		}
		k--
	}
	return k, true
}

// apposFallback is the speaker when no opening comma is left: the name
// before two appositives, or before a place passed ("officials familiar
// with the service in Albany, N.Y., said"); else none.
func (f *finder) apposFallback(i, lo int, second bool, placeComma int) (int, int) {
	if second && i-1 >= lo {
		return f.npBack(i-1, lo) // the name before both appositives
	}
	if placeComma >= 0 {
		return f.npBack(placeComma-1, lo)
	}
	return -1, -1
}

// apposWords: the words [segA, segB) between the commas read as an
// appositive: a number, a description, a relative clause, a party and
// state, or, after a name, words not all capitalised ("Jeff Weaver,
// Sanders' campaign manager, said").
func (f *finder) apposWords(segA, segB, k, lo int) bool {
	first := f.word(segA)
	if isNumber(first) || npLead[first] || relPronouns[first] || first == "whose" || partyState(f.raw(segA)) ||
		!f.toks[segA].cap && (roleWords[first] || descriptors[first] || f.npSpan(segA, segB)) {
		return true
	}
	if k-1 < lo || !f.toks[k-1].cap {
		return false
	}
	for m := segA + 1; m < segB; m++ {
		if f.toks[m].kind == tWord && !f.toks[m].cap && !nameParticles[f.word(m)] {
			return true
		}
	}
	return false
}

// placeAppos: the one word between the commas ends a place after a
// preposition: "a delegate from Houston, Texas,": the place is part of the
// appositive before it.
func (f *finder) placeAppos(segA, segB, k, lo int) bool {
	if segB-segA != 1 || k-1 < lo || !f.toks[k-1].cap || k-2 < lo {
		return false
	}
	p := f.word(k - 2)
	return p == "from" || p == "in" || p == "of" || p == "at"
}

// participleAppos: the words between the commas open with a participle
// ("An Israeli official, speaking on condition of anonymity, said"): an
// appositive only when the head before it opens the clause.
func (f *finder) participleAppos(segA, k, lo int) bool {
	first := f.word(segA)
	if f.toks[segA].cap || !verbLike(first) || !strings.HasSuffix(first, "ing") {
		return false
	}
	x, _ := f.npBack(k-1, lo)
	return x >= 0 && (x == lo || f.isPunct(x-1, ',') && x-1 == lo)
}

// pastParenBack passes a parenthesis ending at token j ("Sen. Claire
// McCaskill (D-Mo.),"); ok is false when it does not open within reach.
func (f *finder) pastParenBack(j, lo int) (int, bool) {
	if j < lo || !f.isPunct(j, ')') {
		return j, true
	}
	m := j - 1
	for m >= lo && j-m < 10 && !f.isPunct(m, '(') {
		m--
	}
	if m < lo {
		return j, false
	}
	return m - 1, true
}

// partyState tells "R-Ky.", "D-Calif": a party and a state after a name.
func partyState(w string) bool {
	return len(w) > 2 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-'
}

// npSpan: tokens [a, b) read as one noun phrase ("a spokesman for
// committee Democrats").
func (f *finder) npSpan(a, b int) bool {
	if b <= a || b-a > maxNP {
		return false
	}
	for i := a; i < b; i++ {
		t := &f.toks[i]
		if t.kind != tWord || t.q >= 0 {
			if t.kind == tPunct && (f.text[t.s] == '-' || f.text[t.s] == '\'' || f.text[t.s:t.e] == "’") {
				continue
			}
			return false
		}
		w := f.word(i)
		if t.cap {
			continue
		}
		if (stopWords[w] && !npLead[w] && !npInner[w]) || thatWords[w] || cues[w].form != 0 || verbLike(w) {
			return false
		}
	}
	return f.hasHead(a, b)
}

// nameLike: the tokens are a capitalised name of two to four words.
func (f *finder) nameLike(a, b int) bool {
	if b-a < 2 || b-a > 5 {
		return false
	}
	for i := a; i < b; i++ {
		t := &f.toks[i]
		if t.kind != tWord {
			return false
		}
		if !t.cap && !nameParticles[f.word(i)] {
			return false
		}
	}
	return true
}

// rightNP collects a speaker phrase starting at token i and ending before
// hi: "said Devine", "said a spokesman for the campaign", "according to
// the Russian Foreign Ministry".
func (f *finder) rightNP(i, hi int) (int, int) {
	a, b := i, i
	sawCap := false
walk:
	for j := i; j < hi && j-i < maxNP; j++ {
		t := &f.toks[j]
		switch {
		case t.q >= 0:
			break walk
		case t.kind != tWord:
			k, ok := f.passInName(j, hi, b)
			if !ok {
				break walk
			}
			j = k
		case t.cap:
			w := f.word(j)
			if (stopWords[w] || npInner[w]) && !npLead[w] || stopWords[stem(w)] {
				break walk // "There’s"
			}
			b = j + 1
			// a capitalised determiner opening the sentence ("The town")
			// is no name
			sawCap = sawCap || !npLead[w]
		default:
			switch f.rightNPMove(i, j, hi, b, sawCap) {
			case npTake:
				b = j + 1
			case npPass:
			case npEndWith:
				b = j + 1
				break walk
			default:
				break walk
			}
		}
	}
	if b <= a || !f.hasHead(a, b) {
		return -1, -1
	}
	return a, b
}

// passInName tells whether the mark at token j, right after the phrase
// so far (ending before b), is passed over within a name: a hyphen or an
// ampersand joining two words, or a bracket such as "(D-Mo.)", which is
// no part of the name. It returns the last token passed.
func (f *finder) passInName(j, hi, b int) (int, bool) {
	t := &f.toks[j]
	if t.kind != tPunct {
		return 0, false
	}
	if (f.text[t.s] == '-' || f.text[t.s] == '&') && b == j && j+1 < hi && f.toks[j+1].kind == tWord {
		return j, true
	}
	if f.text[t.s] == '(' {
		k := j + 1
		for k < hi && k-j < 10 && !f.isPunct(k, ')') {
			k++
		}
		if k < hi && b == j {
			return k, true
		}
	}
	return 0, false
}

// rightNPMove tells what the lower-case word at token j is to the speaker
// phrase that starts at i and ends before b so far.
func (f *finder) rightNPMove(i, j, hi, b int, sawCap bool) int {
	w := f.word(j)
	if subjPronouns[w] && j == i {
		return npEndWith
	}
	switch {
	case w == "of" || w == "for" || w == "at" || w == "from" || nameParticles[w] && j+1 < hi && f.toks[j+1].cap:
		return npPass
	case w == "and":
		if j+1 < hi && f.toks[j+1].cap && b == j && j > i && f.toks[j-1].cap {
			return npPass
		}
		return npEnd
	case npLead[w] || descriptors[w] || roleWords[w]:
		return npTake
	case nounLike[w] && !strings.HasSuffix(w, "s") && j > i && b == j:
		return npTake // "according to a new report", "said the statement"
	case stopWords[w] || npInner[w] || thatWords[w] || verbLike(w) || cues[w].form != 0:
		return npEnd
	case j-i < 6 && (!sawCap || f.capWithin(j+1, hi, 2)):
		return npTake // "German newspaper Bild"
	}
	return npEnd
}

// stem strips a possessive or contracted "’s": "there’s" -> "there".
func stem(w string) string {
	if strings.HasSuffix(w, "’s") {
		return w[:len(w)-len("’s")]
	}
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	return ""
}

// capWithin: a capitalised word comes among the n words from i, with
// only lower-case nouns before it ("newspaper Bild", "news agency Tass").
func (f *finder) capWithin(i, hi, n int) bool {
	for k := i; k < hi && k < i+n; k++ {
		t := &f.toks[k]
		if t.kind != tWord || t.q >= 0 {
			return false
		}
		if t.cap {
			return true
		}
		if w := f.word(k); stopWords[w] || npInner[w] || verbLike(w) || cues[w].form != 0 {
			return false
		}
	}
	return false
}

// subjectNP is the subject of the clause a participle belongs to: the noun
// phrase at the start of the sentence, after an introductory phrase.
func (f *finder) subjectNP(a, c int) (int, int) {
	i := a
	if i < c && f.toks[i].kind == tWord {
		w := f.word(i)
		if introWords[w] || adjunctPreps[w] {
			// skip to after the first comma, or to the first subject
			// ("When he returned he began by saying")
			skipped := false
			for j := i; j < c; j++ {
				if f.isPunct(j, ',') {
					i, skipped = f.pastIntroCommas(j, c), true
					break
				}
			}
			if !skipped {
				for j := i + 1; j < c; j++ {
					if subjPronouns[f.word(j)] || f.toks[j].cap && !months[f.word(j)] && !weekdays[f.word(j)] {
						i = j
						break
					}
				}
			}
		}
	}
	i = f.pastIntroParticiple(i, c)
	for i < c && f.toks[i].kind == tWord && (f.word(i) == "but" || f.word(i) == "and") {
		i++
	}
	if i >= c {
		return -1, -1
	}
	x, y := f.rightNP(i, c)
	// "Worse, the companies …", "On July 6, 2015, Sanders …": a word or a
	// date before a comma opens the sentence; the subject follows it
	for n := 0; n < 2 && x >= 0 && y+1 < c && f.isPunct(y, ',') && (y-x == 1 && f.openerWord(x) || f.dateLike(x, y)); n++ {
		x, y = f.rightNP(y+1, c)
	}
	if x >= 0 && f.dateLike(x, y) {
		return -1, -1
	}
	return x, y
}

// pastIntroCommas is where the subject begins after the comma at token
// j that closes part of an introductory phrase: right after it, unless
// what follows is more of the phrase running to another comma, an
// adjunct ("In Birmingham, Alabama, on Saturday, Trump …") or a phrase
// with no verb after it ("Following a swiftly called, late-afternoon
// meeting, the Council issued …").
func (f *finder) pastIntroCommas(j, c int) int {
	for n := 0; n < 3; n++ {
		k := f.introPartEnd(j+1, c)
		if k < 0 {
			break
		}
		j = k
	}
	return j + 1
}

// introPartEnd is the comma ending the part of an introductory phrase
// that starts at token i, or -1 when the subject starts there.
func (f *finder) introPartEnd(i, c int) int {
	y := i
	if w := f.word(i); !adjunctPreps[w] && !weekdays[w] {
		x, b := f.rightNP(i, c)
		if x < 0 || b >= c || finiteVerb(f.word(b)) || irregularPast[f.word(b)] || finiteMarkers[f.word(b)] || auxWords[f.word(b)] {
			return -1
		}
		y = b
	}
	for k := y; k < c && k-y < 6; k++ {
		if f.isPunct(k, ',') {
			if k+1 < c {
				return k
			}
			return -1
		}
		if f.toks[k].kind != tWord || f.toks[k].q >= 0 {
			return -1
		}
	}
	return -1
}

// pastIntroParticiple passes a participle phrase that opens the
// sentence at i ("Chastened by the analyses, as well as complaints over
// its costs, Trump revised …") up to the comma before the subject: a
// name or a pronoun. It returns i when there is none.
func (f *finder) pastIntroParticiple(i, c int) int {
	if i+1 >= c || f.toks[i].kind != tWord || !verbLike(f.word(i)) || f.isPunct(i+1, ',') {
		return i // "Worse," and "Chastened," alone are openerWord's
	}
	for j := i + 1; j+1 < c; j++ {
		if f.isPunct(j, ',') && (f.toks[j+1].cap || subjPronouns[f.word(j+1)]) {
			return j + 1
		}
	}
	return i
}

// openerWord: token i is an adverb or a participle that opens a sentence
// before a comma ("Worse,", "Chastened,", "Separately,"), not a name.
func (f *finder) openerWord(i int) bool {
	w := f.word(i)
	return introWords[w] || isLyAdverb(w) || verbLike(w) || w == "worse" || w == "better" || w == "instead"
}

// dateLike: the phrase [a, b) only tells a date or a year ("2015", "late
// August", "July 6").
func (f *finder) dateLike(a, b int) bool {
	for i := a; i < b; i++ {
		w := f.word(i)
		if !isNumber(w) && !months[w] && !weekdays[w] && w != "late" && w != "early" && w != "mid" {
			return false
		}
	}
	return b > a
}

var introWords = wordSet(`here even in on at after before when while as although though despite during since but and
however meanwhile still yet also earlier later speaking asked following amid for with without instead so then
last this`)
