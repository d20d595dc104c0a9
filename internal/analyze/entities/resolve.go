package entities

import (
	"sort"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
)

// Resolve returns the fullest name the article gives for a speaker phrase
// found at byte offset at of the text: "he"/"she" → the person last
// mentioned before (the subject of the nearest sentence that names one),
// "Blinken" or "U.S. Secretary of State Antony Blinken" → "Antony
// Blinken", "the Russian Foreign Ministry" → "Russian Foreign Ministry",
// "the secretary" → the person last named with that title. It returns ""
// when the phrase names nobody the article identifies ("a senior
// official"); the caller then keeps the phrase.
func (x *Index) Resolve(phrase string, at int) string {
	if x == nil {
		return ""
	}
	p := strings.TrimFunc(phrase, func(r rune) bool {
		return !isLetter(r) && !isDigit(r) && r != '.' && r != ')'
	})
	p = strings.TrimRight(p, ",;:")
	if p == "" {
		return ""
	}
	if at < 0 {
		at = 0
	}
	if at > len(x.text) {
		at = len(x.text)
	}
	switch strings.ToLower(p) {
	case "he", "him", "his", "himself":
		return x.pronoun(at, 'm')
	case "she", "her", "hers", "herself":
		return x.pronoun(at, 'f')
	case "they", "them", "it", "we", "i", "you", "who", "which", "that", "one", "someone", "somebody":
		return ""
	}
	// the phrase where it stands in the text: the mentions found there
	if i := strings.Index(x.text[at:min(len(x.text), at+len(phrase)+len(p))], p); i >= 0 {
		s := at + i
		if name := x.within(s, s+len(p), p); name != "" {
			return name
		}
	}
	// else read the phrase alone
	return x.readPhrase(p, at)
}

// within names what the mentions inside text[s:e] refer to: the head
// person (not a possessive one), or the persons joined when the phrase
// lists them, else the head organisation or place.
func (x *Index) within(s, e int, phrase string) string {
	i := sort.Search(len(x.ms), func(i int) bool { return x.ms[i].s >= s })
	var persons, others []string
	for ; i < len(x.ms) && x.ms[i].e <= e; i++ {
		m := &x.ms[i]
		if m.ent < 0 {
			continue
		}
		ent := &x.ents[m.ent]
		if ent.typ == news.Person || ent.typ == news.OtherEntity && m.t1-m.t0 == 1 && listsSeveral(phrase) {
			if m.has(mPoss) && i+1 < len(x.ms) && x.ms[i+1].e <= e {
				continue // "Biden's spokeswoman Jen Psaki"
			}
			persons = appendNew(persons, ent.name)
		} else if !m.has(mPoss) && !m.has(mAffil) {
			others = appendNew(others, ent.name)
		}
	}
	if len(persons) > 0 {
		if len(persons) > 1 && listsSeveral(phrase) {
			return strings.Join(persons, " and ")
		}
		return persons[len(persons)-1]
	}
	if len(others) > 0 && !startsLower(phrase) {
		return others[len(others)-1]
	}
	if len(others) > 0 && strings.HasPrefix(strings.ToLower(phrase), "the ") {
		return others[len(others)-1]
	}
	return ""
}

func appendNew(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

func listsSeveral(phrase string) bool {
	return strings.Contains(phrase, " and ") || strings.Contains(phrase, " & ")
}

func startsLower(s string) bool {
	for _, r := range s {
		return isLetter(r) && !isUpper(r)
	}
	return false
}

// readPhrase recognises the phrase on its own and maps what it names to
// the article's entities.
func (x *Index) readPhrase(p string, at int) string {
	lower := strings.ToLower(p)
	for _, det := range [...]string{"the ", "a ", "an "} {
		if strings.HasPrefix(lower, det) {
			p, lower = p[len(det):], lower[len(det):]
			break
		}
	}
	if strings.HasPrefix(strings.ToLower(p), "a ") || strings.HasPrefix(strings.ToLower(p), "an ") {
		return ""
	}
	sub := Find(p, []sentences.Span{{Start: 0, End: len(p)}}, x.lang)
	var persons, others []string
	for i := range sub.ms {
		m := &sub.ms[i]
		surface := p[m.s:m.e]
		switch {
		case m.typ == news.Person && m.ntok >= 2:
			if e, ok := x.byKey[personKey(m.first, m.last)]; ok {
				persons = appendNew(persons, x.ents[x.root(e)].name)
			} else if e := x.surname(m.last, at); e >= 0 && x.ents[e].first == "" {
				persons = appendNew(persons, surface)
			} else {
				persons = appendNew(persons, surface)
			}
		case m.t1-m.t0 == 1 && (m.typ == news.Person || m.typ == news.OtherEntity):
			if e := x.surname(nameKey(surface), at); e >= 0 {
				persons = appendNew(persons, x.ents[x.root(e)].name)
			} else if e, ok := x.byKey[otherKey(p, m, x.lang)]; ok {
				others = appendNew(others, x.ents[x.root(e)].name)
			} else if m.typ == news.Person || !m.has(mWeak) || !lex.common[strings.ToLower(surface)] {
				persons = appendNew(persons, surface)
			}
		case m.has(mAffil) || m.has(mPoss):
		default:
			if e, ok := x.byKey[otherKey(p, m, x.lang)]; ok {
				others = appendNew(others, x.ents[x.root(e)].name)
			} else if m.canon != "" {
				others = appendNew(others, m.canon)
			} else if !m.has(mWeak) || m.typ == news.Organization {
				others = appendNew(others, surface)
			}
		}
	}
	if len(persons) > 0 {
		if len(persons) > 1 && listsSeveral(p) {
			return strings.Join(persons, " and ")
		}
		return persons[len(persons)-1]
	}
	if name := x.byRole(lower, at); name != "" {
		return name
	}
	if len(others) > 0 && !startsLower(p) {
		return others[len(others)-1]
	}
	return ""
}

// root follows merges.
func (x *Index) root(e int) int {
	for x.ents[e].merged >= 0 {
		e = x.ents[e].merged
	}
	return e
}

// byRole resolves "the secretary", "the foreign minister", "Ukraine's
// foreign minister" to the person last named with that title before at.
func (x *Index) byRole(lower string, at int) string {
	words := strings.Fields(strings.NewReplacer("’s", "", "'s", "", ",", "").Replace(lower))
	if len(words) == 0 {
		return ""
	}
	last := strings.TrimSuffix(words[len(words)-1], ".")
	if !lex.role[last] || last == "mr" || last == "mrs" || last == "ms" {
		return ""
	}
	affil := ""
	var role []string
	for _, w := range words {
		w = strings.TrimSuffix(w, ".")
		switch {
		case lex.role[w] || lex.roleMod[w]:
			role = append(role, w)
		case w == "of" && len(role) > 0:
			role = append(role, w)
		default:
			if c, ok := lex.demonym[w]; ok && c != "" {
				affil = c
			} else if k, ok := knownAs(w); ok {
				affil = k.name
			}
			role = role[:0]
		}
	}
	full := strings.Join(role, " ")
	head := roleHead(full)
	i := sort.Search(len(x.ms), func(i int) bool { return x.ms[i].s >= at })
	fallback := ""
	for i--; i >= 0; i-- {
		m := &x.ms[i]
		if m.ent < 0 || m.head == "" || x.ents[m.ent].typ != news.Person {
			continue
		}
		if affil != "" && m.affil != "" && m.affil != affil {
			continue
		}
		name := x.ents[x.root(m.ent)].name
		if m.role == full || strings.ReplaceAll(m.role, "-", " ") == full {
			return name
		}
		if fallback == "" && m.head == head && (full == head || strings.Contains(m.role, full)) {
			fallback = name
		}
	}
	return fallback
}

// pronoun resolves "he" (g = 'm') or "she" ('f'): the subject of the
// nearest sentence before at that names a person, within a few sentences.
func (x *Index) pronoun(at int, g byte) string {
	si := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].Start > at }) - 1
	if si < 0 {
		return ""
	}
	// person mentions by sentence, scanning back from at
	i := sort.Search(len(x.ms), func(i int) bool { return x.ms[i].s >= at })
	best := -1
	bestSent := -1
	for i--; i >= 0; i-- {
		m := &x.ms[i]
		if bestSent >= 0 && m.sent < bestSent {
			break
		}
		if m.sent < si-5 {
			break
		}
		if m.ent < 0 || m.has(mQuote) {
			continue
		}
		ent := &x.ents[x.root(m.ent)]
		if ent.typ != news.Person || ent.gender != 0 && ent.gender != g {
			continue
		}
		if best < 0 {
			best, bestSent = i, m.sent
			continue
		}
		// in the same sentence: the subject, else the earliest
		b := &x.ms[best]
		if m.subj >= b.subj {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return x.ents[x.root(x.ms[best].ent)].name
}
