// Package entities recognises the people, organisations and places an
// article names, merges the forms it uses for each ("Blinken", "Antony
// Blinken", "U.S. Secretary of State Antony Blinken") and resolves a
// speaker phrase to the fullest name the article gives ("he" → "Antony
// Blinken").
//
// Recognition is rule-based: capitalised sequences are split and typed with
// a hand-written lexicon (countries, capitals, cities, regions, well-known
// organisations, titles, given names) and cues in and around them (titles
// before names, "Ministry" or "University" at the end, "the city of …",
// verbs of saying after). It costs a single pass over the tokens and map
// look-ups; no regular expressions.
package entities

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/chorusnews/chorus/internal/anchors"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/words"
)

// Index is what recognition found in one article.
type Index struct {
	text  string
	sents []sentences.Span
	ms    []mention // in text order
	ents  []entity
	// byKey finds an entity by its key ("p:first|last" for persons,
	// "c:" and the canonical name for the lexicon's, "place:" and the
	// place table's id for places it knows, "x:"+crossKey for names in
	// other scripts, "k:"+NameKey for the rest), bySurname the persons by
	// last name.
	byKey     map[string]int
	bySurname map[string][]int
	lang      string
}

type form struct {
	text  string
	count int
	ntok  int
	pos   int
}

type entity struct {
	name   string
	typ    news.EntityType
	canon  string
	place  string // the place table's id, when a mention had one
	count  int
	forms  []form
	gender byte
	first  string
	last   string
	pos    int // first mention
	merged int // index of the entity it was merged into, -1
}

// tokenBuffers recycles the token slices of finished calls: the tokens are
// the largest allocation of a call and no result refers to them.
var tokenBuffers = sync.Pool{New: func() any { return new([]token) }}

// Find recognises the entities of text; sents are its sentences
// (sentences.Split(text) when nil); lang is its language (ISO 639-1), ""
// when unknown.
func Find(text string, sents []sentences.Span, lang string) *Index {
	if sents == nil {
		sents = sentences.Split(text)
	}
	r := &recognizer{text: text, buf: make([]byte, 0, 64), lang: lang, foreign: lang != "" && lang != "en"}
	if r.foreign {
		r.words = words.For(lang)
		r.nouns, r.suffixes = anchors.NounCaps(lang), suffixesAfterApostrophe[lang]
	}
	toks := tokenBuffers.Get().(*[]token)
	defer func() {
		*toks = r.toks[:0]
		tokenBuffers.Put(toks)
	}()
	r.toks = tokenize(text, lowerCopy(text), sents, (*toks)[:0])
	r.markHeadlines(sents)
	r.ms = make([]mention, 0, len(r.toks)/8+4)
	r.scan()
	for i := range r.toks {
		if r.toks[i].is(fCaseless) {
			r.scanCaseless()
			break
		}
	}
	sort.SliceStable(r.ms, func(i, j int) bool { return r.ms[i].s < r.ms[j].s })
	x := &Index{text: text, sents: sents, ms: r.ms, lang: lang}
	x.link()
	return x
}

// link groups the mentions into entities: full names of persons first,
// then the other certain mentions in text order, then the uncertain ones
// where they name an entity found already.
func (x *Index) link() {
	x.byKey = map[string]int{}
	x.bySurname = map[string][]int{}
	x.linkFullNames()
	x.linkCertain()
	x.linkUncertain()
	x.demoteShapeOnlyPersons()
	x.mergeAcronyms()
	x.name()
}

// linkFullNames makes an entity of each person named with two names or
// more, so that single names can join them.
func (x *Index) linkFullNames() {
	for i := range x.ms {
		m := &x.ms[i]
		if m.typ != news.Person || m.ntok < 2 || m.has(mWeak) {
			continue
		}
		x.join(m, x.personKey(m))
	}
}

// linkCertain links the rest of the certain mentions, in text order;
// single names join the person whose surname they are.
func (x *Index) linkCertain() {
	for i := range x.ms {
		m := &x.ms[i]
		if m.ent >= 0 || m.has(mWeak) {
			continue
		}
		single := m.t1-m.t0 == 1 || m.ntok == 1
		if (m.typ == news.Person || m.typ == news.OtherEntity) && single {
			if x.joinSingle(m) {
				continue
			}
			if m.typ == news.Person {
				m.first = ""
				x.join(m, x.personKey(m))
				continue
			}
		}
		if m.typ == news.Person && m.ntok >= 2 {
			continue // done by linkFullNames
		}
		x.join(m, x.otherKey(m))
	}
}

// linkUncertain counts the uncertain mentions only where they name an
// entity found already.
func (x *Index) linkUncertain() {
	for i := range x.ms {
		m := &x.ms[i]
		if m.ent >= 0 {
			continue
		}
		if m.typ == news.Person && m.ntok >= 2 {
			if e, ok := x.byKey[x.personKey(m)]; ok {
				x.assign(m, e)
			}
			continue
		}
		if m.t1-m.t0 == 1 && m.canon == "" && x.joinSingle(m) {
			continue
		}
		if e, ok := x.byKey[x.otherKey(m)]; ok {
			x.assign(m, e)
		}
	}
}

// demoteShapeOnlyPersons makes something else of a person known by the
// shape of the name only, never titled, never named alone, never said to
// speak: "Planned Parenthood".
func (x *Index) demoteShapeOnlyPersons() {
	evidence := make([]bool, len(x.ents))
	for i := range x.ms {
		m := &x.ms[i]
		if m.ent >= 0 && (m.has(mPerson) || m.subj > 0 || m.t1-m.t0 == 1) {
			evidence[m.ent] = true
		}
	}
	for i := range x.ents {
		if x.ents[i].typ == news.Person && !evidence[i] && x.weakShape(i) {
			x.ents[i].typ = news.OtherEntity
		}
	}
}

func (x *Index) personKey(m *mention) string { return personKey(m.first, m.last) }
func (x *Index) otherKey(m *mention) string  { return otherKey(x.text, m, x.lang) }

// newEntity makes an entity of m, found under key.
func (x *Index) newEntity(m *mention, key string) int {
	e := entity{typ: m.typ, canon: m.canon, place: m.place, first: m.first, last: m.last, pos: m.s, merged: -1}
	x.ents = append(x.ents, e)
	i := len(x.ents) - 1
	x.byKey[key] = i
	if m.typ == news.Person {
		x.bySurname[m.last] = append(x.bySurname[m.last], i)
	}
	return i
}

// assign makes m a mention of entity e, counting its surface form.
func (x *Index) assign(m *mention, e int) {
	m.ent = e
	ent := &x.ents[e]
	ent.count++
	if ent.gender == 0 && m.gender != 0 {
		ent.gender = m.gender
	}
	if m.typ == news.Person && ent.typ != news.Person && m.ntok > 1 {
		ent.typ = news.Person
	}
	surface := x.text[m.s:m.e]
	for i := range ent.forms {
		if ent.forms[i].text == surface {
			ent.forms[i].count++
			return
		}
	}
	ent.forms = append(ent.forms, form{text: surface, count: 1, ntok: m.ntok, pos: m.s})
}

// join assigns m to the entity under key, making it when there is none.
func (x *Index) join(m *mention, key string) {
	e, ok := x.byKey[key]
	if !ok {
		e = x.newEntity(m, key)
	}
	x.assign(m, e)
}

// joinSingle assigns a one-word name to the person whose surname or
// given name it is, and tells whether it found one.
func (x *Index) joinSingle(m *mention) bool {
	if m.last == "" {
		m.last = nameKey(x.text[m.s:m.e])
	}
	e := x.surname(m.last, m.s)
	if n := len(m.last); e < 0 && n > 4 && m.last[n-1] == 's' && genitiveS[x.lang] {
		e = x.surname(m.last[:n-1], m.s) // "Prigoschins Leute"
	}
	if e < 0 {
		e = x.givenName(m)
	}
	if e >= 0 {
		x.assign(m, e)
	}
	return e >= 0
}

// givenName finds the person a lone given name stands for ("Hillary" →
// Hillary Clinton): the one with that first name mentioned nearest before,
// else the first after; -1 when the word is no given name or no such
// person is named.
func (x *Index) givenName(m *mention) int {
	k := m.last
	if lex.given[k] == 0 {
		return -1
	}
	best := -1
	for i := range x.ents {
		e := &x.ents[i]
		if e.typ != news.Person || e.first != k || e.merged >= 0 {
			continue
		}
		switch {
		case best < 0:
			best = i
		case e.pos < m.s && (x.ents[best].pos > m.s || e.pos > x.ents[best].pos):
			best = i
		case e.pos > m.s && x.ents[best].pos > m.s && e.pos < x.ents[best].pos:
			best = i
		}
	}
	if best >= 0 {
		m.typ = news.Person
	}
	return best
}

func personKey(first, last string) string { return "p:" + first + "|" + last }

// otherKey is the key of a mention that is no person's full name: its
// canonical name, its place, or the key of its words; the words of other
// scripts by their stem (Москве, Москва), as they decline.
func otherKey(text string, m *mention, lang string) string {
	switch {
	case m.canon != "":
		return "c:" + m.canon // canonical names are unique
	case m.place != "":
		return "place:" + m.place
	case otherScript(text[m.s:m.e]):
		return "x:" + crossKey(text[m.s:m.e], lang)
	}
	return "k:" + NameKey(text[m.s:m.e])
}

// genitiveS are the languages that write a name's genitive with a plain
// -s: "Putins Rede", "Prigoschins Leute".
var genitiveS = map[string]bool{"de": true, "nl": true, "sv": true, "da": true, "no": true, "nb": true, "lb": true}

// surname returns the person with this last name (a NameKey) mentioned
// nearest before pos, else the first one mentioned after; -1 for none.
func (x *Index) surname(last string, pos int) int {
	cands := x.bySurname[last]
	best := -1
	for _, c := range cands {
		if x.ents[c].merged >= 0 {
			continue
		}
		if x.ents[c].pos < pos && (best < 0 || x.ents[c].pos > x.ents[best].pos) {
			best = c
		}
	}
	if best < 0 {
		for _, c := range cands {
			if x.ents[c].merged < 0 && (best < 0 || x.ents[c].pos < x.ents[best].pos) {
				best = c
			}
		}
	}
	return best
}

// weakShape tells a person found by the shape of the name alone whose
// first name is not a known given name: such a name mentioned once, with
// no title and no verb of saying, may as well be a thing ("Planned
// Parenthood").
func (x *Index) weakShape(e int) bool {
	for _, f := range x.ents[e].forms {
		ws := strings.Fields(f.text)
		if len(ws) < 2 {
			continue
		}
		if g, _ := givenName(ws[0]); g != 0 {
			return false
		}
	}
	return true
}

// mergeAcronyms joins an acronym with the name it abbreviates when the
// article uses both ("Verkhovna Rada" … "VR").
func (x *Index) mergeAcronyms() {
	for i := range x.ents {
		a := &x.ents[i]
		if a.canon != "" || a.typ == news.Person || len(a.forms) == 0 {
			continue
		}
		acr := a.forms[0].text
		if strings.ToUpper(acr) != acr || strings.ContainsRune(acr, ' ') {
			continue
		}
		acr = strings.ReplaceAll(acr, ".", "")
		for j := range x.ents {
			b := &x.ents[j]
			if j == i || b.merged >= 0 || b.typ == news.Person || b.canon != "" && b.typ != news.Organization {
				continue
			}
			for _, f := range b.forms {
				if initials(f.text) == acr {
					x.mergeInto(i, j)
					break
				}
			}
			if a.merged >= 0 {
				break
			}
		}
	}
}

// initials of a multi-word name: "North Atlantic Treaty Organization" → "NATO".
func initials(s string) string {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "in", "on", "&":
			continue
		}
		for _, part := range strings.Split(w, "-") {
			if part != "" {
				b.WriteString(strings.ToUpper(part[:1]))
			}
		}
	}
	return b.String()
}

// mergeInto moves entity i into entity j.
func (x *Index) mergeInto(i, j int) {
	a, b := &x.ents[i], &x.ents[j]
	for _, f := range a.forms {
		found := false
		for k := range b.forms {
			if b.forms[k].text == f.text {
				b.forms[k].count += f.count
				found = true
			}
		}
		if !found {
			b.forms = append(b.forms, f)
		}
	}
	b.count += a.count
	if a.pos < b.pos {
		b.pos = a.pos
	}
	if b.typ == news.OtherEntity {
		b.typ = a.typ
	}
	if b.place == "" {
		b.place = a.place
	}
	a.count = 0
	a.merged = j
	for k := range x.ms {
		if x.ms[k].ent == i {
			x.ms[k].ent = j
		}
	}
}

// name picks each entity's name: the canonical form for lexicon entries,
// the fullest form for persons, the nominative of a declined name
// (Лавров, not Лаврова or Лавровым), else the most used.
func (x *Index) name() {
	for i := range x.ents {
		e := &x.ents[i]
		if len(e.forms) == 0 {
			continue
		}
		best := 0
		for k := 1; k < len(e.forms); k++ {
			f, b := e.forms[k], e.forms[best]
			nom := 0
			if f.ntok == b.ntok && isCyrillic(f.text) && isCyrillic(b.text) {
				nom = nominativeOrder(f.text, b.text)
			}
			switch {
			case e.typ == news.Person && f.ntok != b.ntok:
				if f.ntok > b.ntok {
					best = k
				}
			case nom != 0:
				if nom < 0 {
					best = k
				}
			case f.count != b.count:
				if f.count > b.count {
					best = k
				}
			case f.pos < b.pos:
				best = k
			}
		}
		e.name = e.forms[best].text
		if e.canon != "" && !otherScript(e.name) {
			e.name = e.canon // not over the article's own script: НАТО
		} else if e.place != "" && isCyrillic(e.name) {
			e.name = placeNominative(e.name, e.place)
		}
	}
}

// Entities returns the entities found, merged, sorted by mentions (most
// first) then name; Aliases are the other surface forms the article used.
func (x *Index) Entities() []news.Entity {
	out := make([]news.Entity, 0, len(x.ents))
	roles := x.roles()
	for i := range x.ents {
		e := &x.ents[i]
		if e.count == 0 || e.merged >= 0 {
			continue
		}
		ne := news.Entity{Name: e.name, Type: e.typ, Mentions: e.count, Key: x.key(e)}
		for _, f := range e.forms {
			if f.text != e.name {
				ne.Aliases = append(ne.Aliases, f.text)
			}
		}
		sort.Strings(ne.Aliases)
		if e.typ == news.Person {
			ne.Roles = roles[i]
		}
		out = append(out, ne)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Type < out[j].Type
	})
	return out
}

// roles lists, by entity, the titles its mentions carry, each once, in
// text order; a mention of an entity merged into another counts for that
// one. One pass over the mentions, however many entities.
func (x *Index) roles() map[int][]news.Role {
	out := map[int][]news.Role{}
	for i := range x.ms {
		m := &x.ms[i]
		if m.ent < 0 || m.role == "" {
			continue
		}
		e := m.ent
		for x.ents[e].merged >= 0 {
			e = x.ents[e].merged
		}
		r := news.Role{Title: m.role, Of: m.affil}
		if !slices.Contains(out[e], r) {
			out[e] = append(out[e], r)
		}
	}
	return out
}
