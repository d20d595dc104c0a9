package quotes

import "strings"

// This file reads speech reported by its topic: "…, referring to the
// Iraq war", "Trump talked about his wall", "citing precedent", and
// stances shown by one ("voted against the bill", "expressed concern").
// What was said is given by what it was about: the object of the verb or
// of its preposition.

// topicVerb is a verb that reports speech or a stance by its topic.
type topicVerb struct {
	preps   map[string]bool // the prepositions that introduce the topic, nil for none
	thought bool            // a stance shown otherwise than in words ("voted for")
}

// topicVerbs are the verb forms that report speech or a stance by its
// topic.
var topicVerbs = func() map[string]topicVerb {
	m := map[string]topicVerb{}
	add := func(v topicVerb, forms string) {
		for w := range wordSet(forms) {
			m[w] = v
		}
	}
	// no base forms: "the new rules point to" is no speech
	add(topicVerb{preps: wordSet("to")}, "refers referred referring points pointed pointing")
	add(topicVerb{preps: wordSet("about")}, "talks talked talking complains complained complaining")
	add(topicVerb{}, "cites cited citing")
	add(topicVerb{preps: wordSet("for against"), thought: true}, "voted votes voting")
	add(topicVerb{thought: true}, "expressed expresses expressing")
	return m
}()

// topicAt reads the topic verb at token c of the sentence [a, end) and
// tells whether it found one: its speaker, as for a participle the
// speaker of the sentence or its subject, and the topic it names.
func (f *finder) topicAt(c, a, end int, s int32) bool {
	v, ok := topicVerbs[f.word(c)]
	if !ok || f.nounBefore(c, a) || f.insideReported(s, c) {
		return false
	}
	k := c + 1
	if v.preps != nil {
		if k >= end || f.toks[k].kind != tWord || !v.preps[f.word(k)] {
			return false
		}
		k++
	}
	if k >= end || f.toks[k].kind != tWord && f.toks[k].kind != tOpen || thatWords[f.word(k)] || stopWords[f.word(k)] && !determiners[f.word(k)] {
		return false
	}
	ce := f.objectEnd(k, end)
	if ce <= k {
		return false
	}
	sa, sb, from := f.topicSpeaker(c, a, s)
	if sa < 0 && from < 0 {
		return false
	}
	n := len(f.attrs)
	f.emit(c, k, sa, sb, from, k, ce, s, false)
	if len(f.attrs) == n {
		return false
	}
	f.attrs[n].thought = v.thought
	return true
}

// topicSpeaker is who speaks of the topic at c: the subject before a
// finite verb ("Trump talked about"), and for a participle after a comma
// the speaker of an attribution of the sentence or its subject
// ("…, referring to …").
func (f *finder) topicSpeaker(c, a int, s int32) (sa, sb, from int) {
	p, _ := f.skipAuxBack(c-1, a, false)
	if p > a && (f.isPunct(p, ',') || f.isDash(p)) && strings.HasSuffix(f.word(c), "ing") {
		if from = f.attrInSentence(s, c); from >= 0 {
			return -1, -1, from
		}
		sa, sb = f.subjectNP(a, p)
		return sa, sb, -1
	}
	sa, sb = f.mindSource(c, a)
	if sa >= 0 && !f.speakerPhrase(sa, sb) {
		return -1, -1, -1 // "the data points to"
	}
	return sa, sb, -1
}

// speakerPhrase: the phrase [sa, sb) names one who can speak: a name, a
// pronoun, or a phrase headed by a role, a group or an institution.
func (f *finder) speakerPhrase(sa, sb int) bool {
	if f.nameOrPronoun(sa, sb) {
		return true
	}
	h := f.word(f.headOf(sa, sb))
	return groupWords[h] || roleWords[h] || orgWords[h] || speakerNouns[h]
}

// stanceNouns name a stance by what it is on, after their possessor:
// "their criticism of Trump", "Sanders' support for the bill". The value
// tells whether the stance is a thought rather than words.
var stanceNouns = map[string]struct {
	prep    string
	thought bool
}{
	"criticism":   {"of", false},
	"attacks":     {"on", false},
	"attack":      {"on", false},
	"endorsement": {"of", false},
	"praise":      {"for", false},
	"support":     {"for", true},
	"opposition":  {"to", true},
}

// stanceNounAt reads the stance noun at token c of the sentence [a, end)
// with its possessor before it and tells whether it found one.
func (f *finder) stanceNounAt(c, a, end int, s int32) bool {
	sn, ok := stanceNouns[f.word(c)]
	if !ok || f.word(c+1) != sn.prep || f.insideReported(s, c) {
		return false
	}
	sa, sb := f.possessorOf(c, a)
	if sa < 0 {
		return false
	}
	k := c + 2
	if k >= end || f.toks[k].kind != tWord && f.toks[k].kind != tOpen {
		return false
	}
	ce := f.nounObjectEnd(k, f.objectEnd(k, end))
	if ce <= k {
		return false
	}
	n := len(f.attrs)
	f.emit(c, c+2, sa, sb, -1, k, ce, s, false)
	if len(f.attrs) == n {
		return false
	}
	f.attrs[n].thought = sn.thought
	return true
}

// possessorOf is the possessor of the noun at c, with at most one
// modifier between ("her long support"): a possessive pronoun, or the
// name before "’s"; -1 when there is none.
func (f *finder) possessorOf(c, a int) (int, int) {
	p := c - 1
	if p > a && f.toks[p].kind == tWord && !f.toks[p].cap && !possessives[f.word(p)] && stem(f.word(p)) == "" {
		p-- // "her long support", "Trump's harsh criticism"
	}
	if p < a || f.toks[p].kind != tWord {
		return -1, -1
	}
	w := f.word(p)
	switch {
	case possessives[w] && w != "its" && w != "my" && w != "your" && w != "our":
		return p, p + 1
	case stem(w) != "":
		return f.npBack(p, a)
	}
	return -1, -1
}

// nounObjectEnd ends the object of a stance noun [k, end) before the verb
// of the sentence the noun phrase is the subject of ("criticism of the
// trade deal won him votes").
func (f *finder) nounObjectEnd(k, end int) int {
	for j := k + 1; j < end; j++ {
		if f.toks[j].q >= 0 || f.toks[j].kind != tWord || f.toks[j].cap {
			continue
		}
		if w := f.word(j); finiteMarkers[w] || irregularPast[w] || verbLike(w) && strings.HasSuffix(w, "ed") || cues[w].form == formFinite {
			return j
		}
	}
	return end
}
