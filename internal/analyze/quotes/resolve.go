package quotes

import (
	"sort"
	"strings"
)

// This file is the fallback resolution used when no Resolver is given or
// it cannot resolve: titles stripped from names, surnames completed from
// an earlier full name, pronouns and role descriptions ("the minister")
// pointed at the latest speaker or subject that fits.

// Kinds of named things.
const (
	kPerson = 1
	kOrg    = 2
	kGroup  = 3 // several people: "Lee and Jayapal", "officials"
	kOther  = 4
)

// mention is a name in the text, outside quotations.
type mention struct {
	pos     int    // byte offset
	name    string // the name without titles
	last    string // its last word (the surname of a person)
	words   int
	kind    int
	subject bool // stands as a clause's subject
	ra, rb  int  // token range of the title words before the name
}

// cand is a speaker already resolved, for pronouns that follow.
type cand struct {
	pos  int
	name string
	kind int
	ra   int // title tokens, as in mention
	rb   int
}

// indexMentions records the capitalised names outside quotations.
func (f *finder) indexMentions() {
	toks := f.toks
	f.mentions = make([]mention, 0, len(toks)/16+4)
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.kind != tWord || !t.cap || t.q >= 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			u := &toks[j]
			if u.kind != tWord || u.q >= 0 || u.s-toks[j-1].e > 1 || u.line != toks[j-1].line {
				break
			}
			if u.cap {
				j++
				continue
			}
			w := f.word(j)
			if (w == "of" || nameParticles[w]) && j+1 < len(toks) && toks[j+1].kind == tWord && toks[j+1].cap && toks[j+1].q < 0 {
				j += 2
				continue
			}
			break
		}
		f.addMention(i, j)
		i = j
	}
}

// addMention records the name run [a, b).
func (f *finder) addMention(a, b int) {
	start := a
	// Sentence openers are no part of a name: "But Lavrov", "The Kremlin".
	for a < b {
		if f.fl(a)&(lxStop|lxInner|lxCue) != 0 || f.fl(a)&lxLead != 0 && (f.word(a) == "the" || f.word(a) == "a" || f.word(a) == "an") {
			a++
			continue
		}
		break
	}
	if a >= b {
		return
	}
	subject := false
	prev := start - 1
	if prev < 0 || f.toks[prev].sent != f.toks[start].sent || f.isPunct(prev, ',') || f.toks[prev].kind == tWord && clauseOpeners[f.word(prev)] {
		subject = true
	}
	if b < len(f.toks) {
		nx := &f.toks[b]
		switch {
		case nx.kind == tWord && !nx.cap && !npInner[f.word(b)] && f.word(b) != "and" && f.toks[b].sent == f.toks[b-1].sent:
		case nx.kind == tPunct && f.text[nx.s] == ',':
		default:
			subject = false
		}
	}
	if strings.HasSuffix(f.word(b-1), "’s") || strings.HasSuffix(f.word(b-1), "'s") {
		subject = false
	}
	na, nb, ra, rb := f.stripTitles(a, b)
	if na < 0 {
		return
	}
	m := mention{pos: f.toks[a].s, name: f.text[f.toks[na].s:f.toks[nb-1].e], words: nb - na, subject: subject, ra: ra, rb: rb}
	m.last = f.text[f.toks[nb-1].s:f.toks[nb-1].e]
	m.kind = f.nameKind(na, nb, ra < rb)
	if f.names != nil {
		// only the people and organisations the recogniser found, by
		// the names it gives them: a pronoun points at none else
		if m.name, m.kind = f.checkSpeaker(m.name, m.kind); m.name == "" {
			return
		}
		m.words = strings.Count(m.name, " ") + 1
		m.last = lastWord(m.name)
	}
	if m.kind == kPerson && (start > 0 && f.word(start-1) == "the" || f.word(start) == "the") {
		m.kind = kOther // "the Sunshine State"
	}
	if m.kind == kPerson && strings.HasSuffix(m.last, "’s") {
		m.last = strings.TrimSuffix(m.last, "’s")
		m.name = strings.TrimSuffix(m.name, "’s")
	}
	if m.kind == kPerson && m.words >= 2 {
		if f.bySurname == nil {
			f.bySurname = map[string][]int32{}
		}
		f.bySurname[m.last] = append(f.bySurname[m.last], int32(len(f.mentions)))
	}
	f.mentions = append(f.mentions, m)
}

// scanLimit bounds how far back a pronoun or a title looks for its
// antecedent.
const scanLimit = 100

// mentionsBefore is the number of mentions that begin before at.
func (f *finder) mentionsBefore(at int) int {
	return sort.Search(len(f.mentions), func(k int) bool { return f.mentions[k].pos >= at })
}

var clauseOpeners = wordSet("and but while when as because that after before since though although so if where whereas")

// stripTitles finds the name in a capitalised phrase [a, b): the words
// after the last title ("U.S. Secretary of State Antony Blinken" ->
// "Antony Blinken"). It returns the name's range and the titles' range.
func (f *finder) stripTitles(a, b int) (na, nb, ra, rb int) {
	last := -1
	for i := a; i < b; i++ {
		if f.isRole(i, a, b) || i+1 < b && f.toks[i+1].cap && stem(f.word(i)) != "" && !f.anyOrg(i+1, b) {
			last = i // a title, or a possessive: "Media Research Center’s Bozell"
		}
	}
	// A lower-case descriptor before the final name: "federal prosecutor
	// Glen Kopp", "Democratic pollster Geoff Garin".
	r := b
	for r > a && f.toks[r-1].kind == tWord && (f.toks[r-1].cap || nameParticles[f.word(r-1)]) {
		r--
	}
	if r > a && r < b && f.toks[r-1].kind == tWord && !f.toks[r-1].cap && r-1 > last {
		if w := f.word(r - 1); !npInner[w] && !npLead[w] && w != "and" && !f.anyOrg(r, b) {
			last = r - 1
		}
	}
	if last < 0 {
		return a, b, a, a
	}
	na = last + 1
	// "Secretary of State Antony Blinken", "Ambassador of Ukraine to Turkey
	// Vasyl Bodnar"; but "officials familiar with …" names nobody
	for na < b && f.toks[na].kind == tWord && !f.toks[na].cap {
		if w := f.word(na); !npInner[w] && w != "to" && !nameParticles[w] {
			return -1, -1, a, b
		}
		na++
	}
	if na > a && f.word(na-1) == "of" {
		// "Secretary of State", "Secretary of Homeland Security"
		for na < b && deptWords[f.word(na)] && b-na > 1 {
			na++
		}
	}
	if r > na && r < b {
		na = r // the name is the final run of capitalised words
	}
	if na < b && na > a && !f.toks[na-1].cap && b-na >= 3 {
		na++ // "to Turkey Vasyl Bodnar"
	}
	if na >= b {
		return -1, -1, a, b
	}
	return na, b, a, last + 1
}

// anyOrg: a word of [a, b) names an organisation.
func (f *finder) anyOrg(a, b int) bool {
	for i := a; i < b; i++ {
		if f.fl(i)&lxOrg != 0 {
			return true
		}
	}
	return false
}

// isRole tells whether token i of the phrase [a, b) is a title.
func (f *finder) isRole(i, a, b int) bool {
	if f.fl(i)&lxRole == 0 {
		w := f.word(i)
		if k := strings.IndexByte(w, '-'); k > 0 && roleWords[w[:k]] && roleWords[w[k+1:]] {
			return true // Secretary-General
		}
		return false
	}
	switch f.word(i) {
	case "general", "major", "justice", "speaker", "head", "chair", "leader", "member", "members", "host", "author":
		// "General Motors", "Major League": only after another title or
		// before a full name.
		if i > a && f.fl(i-1)&lxRole != 0 {
			return true
		}
		return b-i >= 3 && f.toks[i].cap
	case "foreign", "defense", "interior", "finance":
		return i+1 < b && f.fl(i+1)&lxRole != 0
	}
	return true
}

// nameKind classifies the name [a, b).
func (f *finder) nameKind(a, b int, titled bool) int {
	for i := a; i < b; i++ {
		if f.fl(i)&lxOrg != 0 {
			return kOrg
		}
	}
	first := f.raw(a)
	if b-a == 1 {
		if isAllCaps(first) && len(first) > 1 {
			return kOrg // NATO, CNN
		}
		if titled {
			return kPerson
		}
		return kOther
	}
	if f.fl(a)&lxNotFirst != 0 {
		return kOther
	}
	if b-a > 4 {
		return kOther
	}
	for i := a; i < b; i++ {
		if isAllCaps(f.raw(i)) && len(f.raw(i)) > 2 {
			return kOther
		}
		if hasDigit(f.raw(i)) {
			return kOther
		}
	}
	return kPerson
}

func isAllCaps(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			n++
		}
	}
	return n > 0
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// fullName completes a surname with the full name the text gives for it,
// the nearest before at, else the first after.
func (f *finder) fullName(sur string, at int) string {
	list := f.bySurname[sur]
	if len(list) == 0 {
		return ""
	}
	k := sort.Search(len(list), func(k int) bool { return f.mentions[list[k]].pos >= at })
	if k > 0 {
		return f.mentions[list[k-1]].name
	}
	return f.mentions[list[0]].name
}

// resolvePhrase turns the speaker phrase [a, b) into the fullest name the
// text gives, or the phrase as written when it names nobody.
func (f *finder) resolvePhrase(a, b int) (string, int) {
	at := f.toks[a].s
	// Several speakers: "Lee and Jayapal", "Pramila Jayapal and Barbara Lee".
	if f.coordinated(a, b) {
		var parts []string
		s := a
		for i := a; i <= b; i++ {
			if i == b || f.word(i) == "and" || f.isPunct(i, ',') || f.word(i) == "&" {
				if i > s {
					n, _ := f.resolvePhrase(s, i)
					parts = append(parts, n)
				}
				s = i + 1
			}
		}
		switch len(parts) {
		case 0:
		case 1:
			return parts[0], kPerson
		default:
			return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1], kGroup
		}
	}
	w := f.word(a)
	if st := stem(w); b-a == 1 && subjPronouns[st] {
		w = st // "he’s"
	}
	if b-a == 1 && subjPronouns[w] {
		return f.pronoun(w, at, f.raw(a))
	}
	if b-a == 1 && subjectForm[w] != "" {
		return f.pronoun(subjectForm[w], at, f.raw(a)) // "according to him"
	}
	for i := a + 1; i < b-1; i++ {
		if f.word(i) == "to" && !f.toks[i-1].cap {
			// "advisers to Mr. Obama": the advisers speak
			k := kOther
			if groupWords[f.word(i-1)] {
				k = kGroup
			}
			return f.plain(a, b), k
		}
	}
	if (!f.toks[a].cap || w == "the" || w == "a" || w == "an") && !f.titledName(a, b) {
		return f.description(a, b, at)
	}
	// A capitalised name, maybe with titles, possessive or a trailing
	// "of Breitbart California".
	e := b
	for i := a + 1; i < b; i++ {
		if f.word(i) == "of" && f.nameLike(a, i) && !f.hasRole(a, i) {
			e = i // "Joel Pollak of Breitbart California"
			break
		}
	}
	na, nb, ra, rb := f.stripTitles(a, e)
	if na < 0 {
		return f.plain(a, b), kOther
	}
	kind := f.nameKind(na, nb, ra < rb)
	name := f.text[f.toks[na].s:f.toks[nb-1].e]
	if nb-na == 1 && kind != kOrg {
		if full := f.fullName(f.raw(na), at); full != "" {
			return full, kPerson
		}
		if ra < rb {
			kind = kPerson
		}
	}
	if kind == kOther && ra == rb {
		// no title: an organisation or place keeps its whole name
		return f.plain(a, b), kOther
	}
	return name, kind
}

// subjectForm maps an object pronoun to its subject.
var subjectForm = map[string]string{"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}

// titledName: a name after lower-case titles, "former Rep. George
// Miller", "federal prosecutor Glen Kopp".
func (f *finder) titledName(a, b int) bool {
	if !f.toks[b-1].cap || f.toks[b-1].kind != tWord {
		return false
	}
	na, nb, ra, rb := f.stripTitles(a, b)
	return na > a && ra < rb && f.nameKind(na, nb, true) == kPerson
}

func (f *finder) hasRole(a, b int) bool {
	for i := a; i < b; i++ {
		if f.isRole(i, a, b) {
			return true
		}
	}
	return false
}

// coordinated: the phrase joins names of people with "and" ("Lee and
// Jayapal", "NATO Secretary General Jens Stoltenberg and US President Joe
// Biden"), not words of one organisation's name ("Procter and Gamble").
func (f *finder) coordinated(a, b int) bool {
	parts := 0
	s := a
	for i := a; i <= b; i++ {
		if i < b && f.word(i) != "and" && f.word(i) != "&" && !f.isPunct(i, ',') {
			continue
		}
		if i < b && f.word(i) != "and" && f.word(i) != "&" && parts == 0 && i+1 < b && !f.toks[i+1].cap {
			return false // "Smith, a Democrat"
		}
		if i == s || !f.toks[s].cap {
			return false
		}
		na, nb, ra, rb := f.stripTitles(s, i)
		if na < 0 {
			return false
		}
		k := f.nameKind(na, nb, ra < rb)
		if k != kPerson && !(nb-na == 1 && f.fullName(f.raw(na), f.toks[a].s) != "") {
			return false
		}
		parts++
		s = i + 1
	}
	return parts >= 2
}

// plain is the phrase as written, without a leading "the" before a name
// and with a sentence-initial article lower-cased ("a senior official").
func (f *finder) plain(a, b int) string {
	w := f.word(a)
	if (w == "the") && a+1 < b && f.toks[a+1].cap && f.toks[b-1].cap {
		a++ // "the Russian Foreign Ministry", not "the Vermont senator"
		w = f.word(a)
	}
	s := f.text[f.toks[a].s:f.toks[b-1].e]
	if f.toks[a].cap && (w == "the" || w == "a" || w == "an" || w == "another" || w == "his" || w == "her" || w == "their" || w == "its" || w == "one" || w == "some" || w == "many" || w == "several") && a+1 < b && !f.toks[a+1].cap {
		s = w + s[len(w):]
	}
	return s
}

// description resolves "the minister", "the secretary" to the latest
// person the text gave that title, and keeps other phrases as written.
func (f *finder) description(a, b int, at int) (string, int) {
	w := f.word(a)
	if (w == "the") && b-a <= 4 {
		// "the minister", "the Vermont senator"
		if head := f.word(b - 1); roleWords[head] && !f.toks[b-1].cap {
			if n := f.byRole(head, at); n != "" {
				return n, kPerson
			}
		}
	}
	// "the Russian Foreign Ministry": a name after the article
	if w == "the" && a+1 < b && f.toks[a+1].cap {
		allCap := true
		for i := a + 1; i < b; i++ {
			if !f.toks[i].cap && !npInner[f.word(i)] {
				allCap = false
			}
		}
		if allCap {
			n, k := f.resolvePhrase(a+1, b)
			if k == kOther {
				k = kOrg
			}
			return n, k
		}
	}
	k := kOther
	if groupWords[f.word(b-1)] {
		k = kGroup
	}
	return f.plain(a, b), k
}

// byRole finds the latest person before at whose titles include role.
func (f *finder) byRole(role string, at int) string {
	match := func(ra, rb int) bool {
		for i := ra; i < rb; i++ {
			w := f.word(i)
			if full, ok := titleAbbrevs[w]; ok {
				w = full
			}
			if w == role || strings.HasPrefix(w, role+"-") || strings.HasSuffix(w, "-"+role) {
				return true
			}
		}
		return false
	}
	// a speaker with that title first, else any person named with it
	for k := len(f.cands) - 1; k >= 0 && k >= len(f.cands)-scanLimit; k-- {
		c := &f.cands[k]
		if c.pos < at && c.kind == kPerson && match(c.ra, c.rb) {
			return c.name
		}
	}
	best := ""
	top := f.mentionsBefore(at)
	for k := top - 1; k >= 0 && k >= top-scanLimit; k-- {
		m := &f.mentions[k]
		if m.kind == kPerson && match(m.ra, m.rb) {
			best = m.name
			if m.words == 1 {
				if full := f.fullName(m.last, at); full != "" {
					best = full
				}
			}
			break
		}
	}
	return best
}

// titleAbbrevs spell out abbreviated titles, so that "the senator" finds
// "Sen. Bernie Sanders".
var titleAbbrevs = map[string]string{
	"sen.": "senator", "sen": "senator", "rep.": "congressman", "rep": "congressman", "gov.": "governor",
	"gov": "governor", "gen.": "general", "pres.": "president", "amb.": "ambassador", "sec.": "secretary",
	"lt.": "lieutenant", "col.": "colonel", "adm.": "admiral", "prof.": "professor", "dr.": "doctor",
}

// pronoun resolves he, she, they, it to the latest fitting speaker or
// subject before at.
func (f *finder) pronoun(w string, at int, raw string) (string, int) {
	want := kPerson
	gender := gUnknown
	switch w {
	case "he", "er", "il", "él", "он":
		gender = gMale
	case "she", "elle", "ella", "она":
		gender = gFemale
	}
	// fits: a person of the pronoun's gender, or of no known gender
	fits := func(name string, ra, rb int) bool {
		g := f.genderOf(name, ra, rb)
		return gender == gUnknown || g == gUnknown || g == gender
	}
	switch w {
	case "they", "ils", "elles", "ellos", "они", "sie":
		want = kGroup
	case "it":
		want = kOrg
	case "we", "i", "you":
		return raw, kOther
	}
	bestPos, best := -1, ""
	for k := len(f.cands) - 1; k >= 0 && k >= len(f.cands)-scanLimit; k-- {
		c := &f.cands[k]
		if c.pos < at && (c.kind == want || want == kGroup && c.kind == kOrg) && (want != kPerson || fits(c.name, c.ra, c.rb)) {
			bestPos, best = c.pos, c.name
			break
		}
	}
	top := f.mentionsBefore(at)
	fallback := "" // a one-word subject that may be a person: "Lavrov arrived."
	for k := top - 1; k >= 0 && k >= top-scanLimit; k-- {
		m := &f.mentions[k]
		if m.pos <= bestPos {
			break
		}
		if !m.subject {
			continue
		}
		if want == kPerson && fallback == "" && m.kind == kOther && m.words == 1 && f.mayBePerson(m) && fits(m.name, m.ra, m.rb) {
			fallback = m.name
		}
		if m.kind == want || want == kGroup && m.kind == kOrg {
			name := m.name
			if m.kind == kPerson && m.words == 1 {
				if full := f.fullName(m.last, at); full != "" {
					name = full
				}
			}
			if want == kPerson && !fits(name, m.ra, m.rb) {
				continue
			}
			best = name
			break
		}
	}
	if best == "" && fallback != "" {
		return fallback, kPerson
	}
	if best == "" {
		return w, kOther
	}
	return best, want
}

// mayBePerson: a one-word name that is not known as a place, an
// organisation or an acronym.
func (f *finder) mayBePerson(m *mention) bool {
	w := strings.ToLower(m.name)
	return !notFirstName[w] && !orgWords[w] && !isAllCaps(m.name) && !places[w]
}

// places are common one-word place names that stand as subjects ("Moscow
// said", "Washington insists").
var places = wordSet(`washington moscow kyiv kiev beijing london paris berlin brussels tokyo tehran jerusalem
ankara damascus baghdad cairo delhi ottawa canberra rome madrid warsaw minsk vienna geneva pyongyang seoul
america russia ukraine china britain france germany europe israel iran iraq syria turkey japan india canada
mexico poland nato congress`)
