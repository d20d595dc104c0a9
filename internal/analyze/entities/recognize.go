package entities

import (
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
	"github.com/chorusnews/chorus/internal/words"
)

// mention flags
const (
	mWeak    = 1 << iota // found by shape alone where capitals prove little: kept only when confirmed
	mQuote               // inside quotation marks
	mPoss                // possessive: "Kuleba's"
	mPerson              // there is evidence it is a person: a title, a given name, a verb of saying
	mAcronym             // all capitals
	mAffil               // stands as another mention's affiliation ("U.S." of "U.S. Secretary…")
)

// mention is one stretch of text naming an entity.
type mention struct {
	s, e   int // the name, text[s:e], without titles or a possessive ending
	ps     int // start of the whole phrase, titles included
	p0     int // the token the phrase starts with
	t0, t1 int // its tokens
	typ    news.EntityType
	canon  string // canonical name from the lexicon, "" when not known
	place  string // the place table's id ("g:524901") when it knows the name
	ntok   int    // name tokens, initials and suffixes left out
	first  string // NameKey of the first and the last name token
	last   string
	role   string // "secretary of state", lower case
	head   string // the role's head: "secretary"
	affil  string // affiliation: "United States", "NATO"
	gender byte   // 'm', 'f' or 0
	sent   int
	flags  uint8
	subj   int8 // 2: a verb of saying follows; 1: a verb follows; 0: object or unknown
	ent    int  // the entity it belongs to, -1 when dropped
}

func (m *mention) has(f uint8) bool { return m.flags&f != 0 }

// recognizer holds one article's scan.
type recognizer struct {
	text     string
	toks     []token
	headline []bool // per sentence: written in title case
	ms       []mention
	buf      []byte
	lang     string
	// foreign: the article is known to be in another language than
	// English, whose function words (words) are not the English lexicon's
	foreign bool
	words   *words.Lexicon
	// nouns: the language capitalises its nouns (anchors.NounCaps);
	// suffixes: it joins case endings to names after an apostrophe
	// (suffixesAfterApostrophe)
	nouns, suffixes bool
}

// lowerSeen tells whether the article writes the word, given in lower
// case, in lower case too: a capitalised "Planned" is no name when
// "planned" occurs as well.
func (r *recognizer) lowerSeen(w string) bool {
	if len(w) < 3 {
		return false
	}
	text := r.text
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || !isWordRune(text, j-1)) && !isWordRune(text, j+len(w)) {
			return true
		}
		i = j + 1
	}
}

// lookupKnown returns the longest lexicon entry that starts at token p and
// ends before end, and the number of tokens it takes.
func (r *recognizer) lookupKnown(p, end int) (known, int) {
	best, bestN := known{}, 0
	b := r.buf[:0]
	max := lex.knownMax
	for n := 1; n <= max && p+n <= end; n++ {
		t := &r.toks[p+n-1]
		if t.kind != tWord {
			break
		}
		if n > 1 {
			b = append(b, ' ')
		}
		for i := 0; i < len(t.lower); i++ {
			if c := t.lower[i]; c != '.' {
				if c == 0xe2 && i+2 < len(t.lower) && t.lower[i+1] == 0x80 && t.lower[i+2] == 0x99 {
					b = append(b, '\'') // ’
					i += 2
					continue
				}
				b = append(b, c)
			}
		}
		if n > 1 && r.toks[p+n-1].is(fPoss) && p+n < end {
			break
		}
		if k, ok := lex.known[string(b)]; ok {
			if k.caps && !allCapsTokens(r.text, r.toks[p:p+n]) {
				continue
			}
			if !r.toks[p].is(fCap) {
				continue
			}
			best, bestN = k, n
		}
		if r.toks[p+n-1].is(fPoss) {
			break
		}
	}
	r.buf = b
	if bestN == 0 && r.foreign && r.toks[p].is(fCaps) {
		if name, ok := foreignAcronyms[r.lang][r.text[r.toks[p].s:r.toks[p].e]]; ok {
			return known{name: name, typ: news.Organization, caps: true}, 1
		}
	}
	return best, bestN
}

func allCapsTokens(text string, ts []token) bool {
	for i := range ts {
		w := text[ts[i].s:ts[i].e]
		if strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

// bare is a token's lower-case form without a final full stop.
func bare(t *token) string { return strings.TrimSuffix(t.lower, ".") }

func isRoleWord(t *token) bool { return t.kind == tWord && lex.role[bare(t)] }
func isRoleMod(t *token) bool  { return t.kind == tWord && lex.roleMod[bare(t)] }

// nameLike tells a token that may be part of a person's name.
func nameLike(t *token) bool {
	if t.kind != tWord || !t.is(fCap) || t.is(fDigit) {
		return false
	}
	if t.is(fInit) {
		return true
	}
	if t.is(fCaps) && len(t.lower) > 1 {
		return false
	}
	l := t.lower
	if lex.common[l] || lex.common[bare(t)] || lex.role[bare(t)] || lex.orgCue[l] || lex.placeCue[l] || isDemonym(l) {
		return false
	}
	return len(l) > 1
}

func isDemonym(l string) bool {
	if _, ok := lex.demonym[l]; ok {
		return true
	}
	if n := len(l); n > 3 && l[n-1] == 's' {
		// plurals: "Russians", "Britons"
		if _, ok := lex.demonym[l[:n-1]]; ok {
			return true
		}
	}
	// compounds of demonyms: "Russian-Ukrainian", "pro-Russian"
	if i := strings.IndexByte(l, '-'); i > 0 {
		a, b := l[:i], l[i+1:]
		_, okb := lex.demonym[b]
		if _, oka := lex.demonym[a]; oka && okb {
			return true
		}
		if okb && (a == "pro" || a == "anti" || a == "non" || a == "ex") {
			return true
		}
	}
	return false
}

// scan finds the mentions of the whole article.
func (r *recognizer) scan() {
	toks := r.toks
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != tWord || !t.is(fCap) {
			continue
		}
		end := i + 1
		if !t.is(fPoss) && !r.suffixed(t) {
			for j := i + 1; j < len(toks); {
				u := &toks[j]
				if u.sent != t.sent || u.kind != tWord {
					break
				}
				if u.is(fCap) && u.is(fScript) != t.is(fScript) {
					break // Лавров and Lavrov are read apart
				}
				if u.is(fCap) {
					end = j + 1
					j++
					if u.is(fPoss) || r.suffixed(u) {
						break
					}
					continue
				}
				// a lower-case connector or particle between capitals
				k := j + 1
				if u.lower == "of" && k < len(toks) && toks[k].lower == "the" {
					k++
				}
				if r.nouns && germanDeterminers[u.lower] {
					break // "Lady Gaga das Publikum": an article, not a particle
				}
				if lex.particles[u.lower] {
					// "von der Leyen", "de la Cruz": particles come in runs
					for k < len(toks) && toks[k].kind == tWord && lex.particles[toks[k].lower] {
						k++
					}
				}
				if !t.is(fScript) && (lex.connectors[u.lower] || lex.particles[u.lower]) && k < len(toks) &&
					toks[k].kind == tWord && toks[k].is(fCap) && toks[k].sent == t.sent {
					j = k
					continue
				}
				break
			}
		}
		if t.is(fScript) {
			r.segmentScript(i, end)
		} else {
			r.segment(i, end)
		}
		i = end - 1
	}
}

// runEnd is where the run of capitals from p ends: at a connector that
// joins two names ("and", "in", "on", "for", "the") or the sequence's end.
func (r *recognizer) runEnd(p, end int) int {
	for q := p; q < end; q++ {
		t := &r.toks[q]
		if !t.is(fCap) && (t.lower != "of" && !lex.particles[t.lower]) {
			return q
		}
		if t.is(fPoss) {
			return q + 1
		}
	}
	return end
}

// segment splits the capitalised sequence toks[a:end] into mentions.
func (r *recognizer) segment(a, end int) {
	toks := r.toks
	p := a
	for p < end {
		t := &toks[p]
		if !t.is(fCap) || functionWord(t.lower) || r.foreign && r.stopWord(t) {
			p++ // "The Kremlin", "This Ukraine", "Die Ukraine"
			continue
		}
		run := r.runEnd(p, end)
		// a known name after a known place: "US Food and Drug Administration"
		if k, kn := r.lookupKnown(p, end); kn > 0 && p+kn < end {
			if k2, kn2 := r.lookupKnown(p+kn, end); kn2 > kn && k2.typ == news.Organization {
				r.addKnown(p, p+kn, k)
				r.ms[len(r.ms)-1].flags |= mAffil
				r.addKnown(p+kn, p+kn+kn2, k2)
				p += kn + kn2
				continue
			}
		}
		// a sequence joined by "and" or "for" that ends in an organisation
		// cue is one organisation: "House Ways and Means Committee"
		if run < end && p == a && lex.orgCue[bare(&toks[end-1])] && !r.hasTitle(p, end) && !isGiven(t) && !r.orgBefore(p, end) && r.joinedByAnd(p, end) {
			if _, kn := r.lookupKnown(p, end); kn < end-p {
				r.add(mention{t0: p, t1: end, typ: news.Organization})
				p = end
				continue
			}
		}
		// a run ending in an organisation cue is one organisation, whatever
		// it starts with: "Moscow State University", "Russian Foreign Ministry"
		if org, n := r.orgRun(p, run, end); n > 0 {
			k, kn := r.lookupKnown(p, end)
			if kn >= n {
				r.addKnown(p, p+kn, k)
				p += kn
				continue
			}
			r.add(mention{t0: p, t1: p + n, typ: news.Organization, canon: org})
			p += n
			continue
		}
		k, kn := r.lookupKnown(p, end)
		if kn == 1 && k.typ == news.Place && isGiven(t) && p+1 < end && nameLike(&toks[p+1]) {
			// "Victoria Nuland", "Jordan Peterson": a given name, not a place
			if _, kn2 := r.lookupKnown(p+1, end); kn2 == 0 {
				if q, ok := r.person(p, end, ""); ok {
					p = q
					continue
				}
			}
		}
		if kn > 0 {
			// a known place or organisation, maybe the affiliation of a title
			if q, ok := r.person(p+kn, end, k.name); ok {
				r.addKnown(p, p+kn, k)
				r.ms[len(r.ms)-1].flags |= mAffil
				p = q
				continue
			}
			r.addKnown(p, p+kn, k)
			p += kn
			continue
		}
		if r.foreign {
			if k := r.titleBeforeGiven(p, run); k > p {
				// "Außenminister Sergej Lawrow": a title of the language, or
				// a noun, before the name; read apart where nouns are
				// capitalised, else as an unknown run
				for q := p; q < k && !r.nouns; {
					q = r.unknown(q, k)
				}
				if q, ok := r.person(k, end, ""); ok {
					r.ms[len(r.ms)-1].flags |= mPerson
					p = q
					continue
				}
				p = k
			}
		}
		if q, ok := r.person(p, end, ""); ok {
			p = q
			continue
		}
		if q, ok := r.prefixedTitle(p, run, end); ok {
			p = q
			continue
		}
		p = r.unknown(p, run)
	}
}

// orgRun reports whether toks[p:run] is an organisation's name by its cue:
// it ends in one ("Foreign Ministry") or starts with one followed by "of"
// ("Ministry of Defence", "Bank of England"). It returns the length taken.
func (r *recognizer) orgRun(p, run, end int) (string, int) {
	toks := r.toks
	last := run - 1
	if last > p && !r.shouting(p, run) {
		if lex.orgCue[bare(&toks[last])] && !r.titleAt(p, run) {
			return "", run - p
		}
	}
	if lex.orgCue[bare(&toks[p])] && p+2 < end && toks[p+1].lower == "of" {
		// through "and"/"for" too: "Department of Health and Human Services"
		q := p + 2
		for q < end && (toks[q].is(fCap) || lex.connectors[toks[q].lower] && toks[q].lower != "in" && toks[q].lower != "on") {
			if toks[q].is(fPoss) {
				q++
				break
			}
			if l := toks[q].lower; (l == "and" || l == "&") && q+1 < end {
				// "… and Moscow State University" starts another name
				if _, kn := r.lookupKnown(q+1, end); kn > 0 || lex.orgCue[bare(&toks[q+1])] || isGiven(&toks[q+1]) {
					break
				}
			}
			q++
		}
		for q > p && !toks[q-1].is(fCap) {
			q--
		}
		return "", q - p
	}
	return "", 0
}

// shouting tells a run in capitals with page furniture in it: "MORE NEWS".
func (r *recognizer) shouting(p, run int) bool {
	stop := false
	for q := p; q < run; q++ {
		t := &r.toks[q]
		if !t.is(fCaps) {
			return false
		}
		if lex.acronym[r.text[t.s:t.e]] {
			stop = true
		}
	}
	return stop
}

// joinedByAnd tells whether the lower-case words inside toks[p:end] are
// only "of", "and", "for", "&": not "in" or "on".
func (r *recognizer) joinedByAnd(p, end int) bool {
	for q := p; q < end; q++ {
		if t := &r.toks[q]; !t.is(fCap) {
			switch t.lower {
			case "of", "and", "for", "&", "the":
			default:
				return false
			}
		}
	}
	return true
}

// orgBefore tells whether the part of toks[p:end] before its first "and",
// "for" or "&" is already an organisation or a known name: then the
// sequence lists several ("Bank of England and Moscow State University").
func (r *recognizer) orgBefore(p, end int) bool {
	c := p
	for c < end {
		l := r.toks[c].lower
		if l == "and" || l == "for" || l == "&" {
			break
		}
		c++
	}
	if c == end || c == p {
		return false
	}
	if _, n := r.orgRun(p, c, c); n == c-p {
		return true
	}
	_, kn := r.lookupKnown(p, c)
	return kn == c-p
}

// hasTitle tells whether a title stands in toks[p:end].
func (r *recognizer) hasTitle(p, end int) bool {
	for q := p; q < end; q++ {
		if isRoleWord(&r.toks[q]) {
			return true
		}
	}
	return false
}

// prefixedTitle reads "Miami-Dade Mayor Daniella Levine Cava", "LAPD
// Public Information Officer Jeff Lee": capitals the lexicon does not know,
// then a title and a name.
func (r *recognizer) prefixedTitle(p, run, end int) (int, bool) {
	toks := r.toks
	for q := p + 1; q < run; q++ {
		if !isRoleWord(&toks[q]) || toks[q].is(fPoss) {
			continue
		}
		// the title starts at the first title word or modifier before q
		k := q
		for k > p+1 && (isRoleMod(&toks[k-1]) || isRoleWord(&toks[k-1])) {
			k--
		}
		if k == p+1 && (isRoleMod(&toks[p]) || isRoleWord(&toks[p])) {
			return p, false
		}
		if n, ok := r.person(k, end, ""); ok {
			if k-p == 1 && toks[p].is(fCaps) {
				// the prefix as an organisation: "LAPD"
				r.add(mention{t0: p, t1: k, typ: news.Organization, flags: mAffil})
			}
			return n, true
		}
		return p, false
	}
	return p, false
}

// titleAt tells whether a title opens toks[p:run] and a name follows it
// inside the run ("Foreign Minister Dmytro Kuleba" is a person's, not an
// organisation's, even if it ended in "Bank").
func (r *recognizer) titleAt(p, run int) bool {
	for q := p; q < run; q++ {
		if isRoleWord(&r.toks[q]) {
			return q+1 < run && nameLike(&r.toks[q+1])
		}
	}
	return false
}

// person tries to read "[affiliation] title… Name" or a name that is
// plainly a person's from toks[p:end]; affil is an affiliation already
// read before p. It returns where the mention ends.
func (r *recognizer) person(p, end int, affil string) (int, bool) {
	head, ok := r.readTitle(p, end, affil)
	if !ok {
		return p, false
	}
	n0, n1 := r.nameAfter(head.end, end, head.honorific())
	if n1 == n0 {
		return p, false
	}
	m := mention{t0: n0, t1: n1, typ: news.Person}
	if head.hasRole {
		m.flags |= mPerson
		m.role = strings.Join(head.role, " ")
		m.affil = head.affil
		m.gender = head.gender
		for i, k := range head.affils {
			r.addKnown(head.affilAt[i][0], head.affilAt[i][1], k)
			r.ms[len(r.ms)-1].flags |= mAffil
		}
	} else if !r.plainlyPerson(&m) {
		return p, false
	}
	toks := r.toks
	if m.affil == "" && p > 0 && toks[p-1].is(fPoss) && toks[p-1].sent == toks[p].sent {
		m.affil = r.affiliationOf(p - 1) // "Russia's Foreign Minister Sergey Lavrov"
	}
	m.p0 = p
	r.add(m)
	return n1, true
}

// title is what readTitle read before a name: its role words ("Foreign
// Minister"), the gender a role tells, the affiliation, and the known
// names read inside it ("Secretary of State") with where they stand.
type title struct {
	end     int // where the name may start
	role    []string
	hasRole bool
	gender  byte
	affil   string
	affils  []known
	affilAt [][2]int
}

// honorific tells a title that ends in "Mr.", "Dr.": any capitalised word
// after it is the name ("Mr. King").
func (t title) honorific() bool {
	return len(t.role) > 0 && isHonorific(t.role[len(t.role)-1])
}

// readTitle reads the role words, the "of" phrases and the demonym that
// may open a person's mention at p ("Russian Foreign Minister", "Secretary
// of State"). Without a role word nothing is read: the name starts at p.
// ok is false where the run cannot be a person's mention (a role word in
// the possessive: "the President's").
func (r *recognizer) readTitle(p, end int, affil string) (title, bool) {
	toks := r.toks
	t := title{end: p, affil: affil}
	q := p
	for q < end {
		tok := &toks[q]
		w := bare(tok)
		if t.honorific() {
			break // "Mr. King": the name follows
		}
		if tok.is(fCap) && (lex.role[w] || lex.roleMod[w]) {
			if lex.role[w] {
				t.hasRole = true
				if g := genderOfRole(w); g != 0 {
					t.gender = g
				}
			}
			t.role = append(t.role, expandRole(w))
			q++
			if tok.is(fPoss) {
				return t, false
			}
			continue
		}
		if w == "of" && len(t.role) > 0 && q+1 < end {
			// "Secretary of State", "President of Ukraine"
			if k, kn := r.lookupKnown(q+1, end); kn > 0 {
				t.affil = k.name
				t.affils = append(t.affils, k)
				t.affilAt = append(t.affilAt, [2]int{q + 1, q + 1 + kn})
				q += 1 + kn
				continue
			}
			if isRoleMod(&toks[q+1]) || isRoleWord(&toks[q+1]) {
				t.role = append(t.role, "of")
				q++
				continue
			}
			break
		}
		if !t.hasRole && len(t.role) <= 1 && tok.is(fCap) {
			// a demonym before the title: "Russian Foreign Minister"
			if c, ok := lex.demonym[tok.lower]; ok && q+1 < end {
				if c != "" {
					t.affil = c
				}
				q++
				continue
			}
		}
		break
	}
	if !t.hasRole {
		return title{end: p, affil: t.affil, affils: t.affils, affilAt: t.affilAt}, true
	}
	t.end = q
	return t, true
}

// nameAfter reads the name from q: up to four name tokens, particles
// between them ("de", "van"), a suffix ("Jr."); after an honorific, any
// capitalised word. It returns the name's bounds, empty when there is
// none.
func (r *recognizer) nameAfter(q, end int, honorific bool) (int, int) {
	toks := r.toks
	n0, n1 := q, q
	for n1 < end && n1-n0 < 5 {
		t := &toks[n1]
		if t.is(fCap) && (nameLike(t) || isGiven(t) || n1 > n0 && isSuffix(t) || honorific && n1 == n0 && !t.is(fCaps) && !t.is(fDigit)) {
			n1++
			if t.is(fPoss) {
				break
			}
			continue
		}
		if n1 > n0 && lex.particles[t.lower] && n1+1 < end && (nameLike(&toks[n1+1]) || lex.particles[toks[n1+1].lower]) {
			n1++
			continue
		}
		break
	}
	for n1 > n0 && !toks[n1-1].is(fCap) {
		n1--
	}
	return n0, n1
}

// plainlyPerson tells a name without a title that is a person's all the
// same: a given name, a role in lower case before it ("the senator"), a
// verb of people after it ("Smith said"). Two name-like words with none
// of these are left to the shape rules of unknown.
func (r *recognizer) plainlyPerson(m *mention) bool {
	n0, n1 := m.t0, m.t1
	first := &r.toks[n0]
	_, given := givenName(first.lower)
	roleBefore := r.lowerRoleBefore(n0)
	if n1-n0 < 2 && !roleBefore {
		return false
	}
	if n1-n0 >= 2 && !given && !roleBefore && !r.verbAfter(n1) {
		return false
	}
	if given || roleBefore || r.verbAfter(n1) {
		m.flags |= mPerson
	}
	return true
}

func isHonorific(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "messrs", "mme", "mlle":
		return true
	}
	return false
}

// expandRole spells out abbreviated titles: "sen" → "senator".
func expandRole(w string) string {
	switch w {
	case "sen", "sens":
		return "senator"
	case "rep", "reps":
		return "representative"
	case "gov", "govs":
		return "governor"
	case "gen":
		return "general"
	case "pres":
		return "president"
	case "prof":
		return "professor"
	case "lt":
		return "lieutenant"
	case "col":
		return "colonel"
	case "capt":
		return "captain"
	case "sgt":
		return "sergeant"
	case "adm":
		return "admiral"
	case "cmdr":
		return "commander"
	case "amb":
		return "ambassador"
	case "rev":
		return "reverend"
	case "supt":
		return "superintendent"
	case "det":
		return "detective"
	case "secretary-general":
		return "secretary general"
	}
	return w
}

// isGiven tells a capitalised given name, even one that is also a word
// ("Bill", "Mark").
func isGiven(t *token) bool {
	if !t.is(fCap) || t.is(fCaps) {
		return false
	}
	g, _ := givenName(t.lower)
	return g != 0
}

// isSuffix tells name suffixes: "Jr.", "III".
func isSuffix(t *token) bool {
	switch bare(t) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// lowerRoleBefore tells whether a lower-case title stands right before
// token p: "foreign minister Sergei Lavrov", "congresswomen Pramila Jayapal".
func (r *recognizer) lowerRoleBefore(p int) bool {
	if p == 0 {
		return false
	}
	t := &r.toks[p-1]
	return t.kind == tWord && !t.is(fCap) && lex.role[bare(t)] && t.sent == r.toks[p].sent
}

// verbAfter tells whether a verb of saying follows token p-1.
func (r *recognizer) verbAfter(p int) bool {
	if p >= len(r.toks) || p > 0 && r.toks[p-1].is(fPoss) {
		return false
	}
	t := &r.toks[p]
	return t.kind == tWord && !t.is(fCap) && lex.speech[t.lower]
}

// unknown classifies toks[p:run], a run the lexicon and the titles did not
// explain, by its shape and its context. It returns where it stopped.
func (r *recognizer) unknown(p, run int) int {
	end := r.capitalRun(p, run)
	if end == p {
		return p + 1
	}
	p, start := r.skipLeadingCommon(p, end)
	if r.explainedAway(p, end) {
		return end
	}
	if eventWord(r.toks[p].lower) && p+1 < end {
		r.add(mention{t0: p, t1: end, typ: news.OtherEntity}) // "Hurricane Ida"
		return end
	}
	// a known name may start after what was stripped
	if k, kn := r.lookupKnown(p, end); kn > 0 {
		r.addKnown(p, p+kn, k)
		return p + kn
	}
	if r.foreign {
		if q, ok := r.foreignPlace(p, end); ok {
			return q
		}
	}
	if q, ok := r.person(p, end, ""); ok {
		return q
	}
	r.classifyByShape(p, end, start)
	return end
}

// capitalRun is where the capitalised words from p end, within run: at
// the first word that is not, or after a possessive ("Pramila Jayapal and
// Barbara Lee" is cut at "and").
func (r *recognizer) capitalRun(p, run int) int {
	end := p
	for end < run && r.toks[end].is(fCap) {
		end++
		if r.toks[end-1].is(fPoss) {
			break
		}
	}
	return end
}

// skipLeadingCommon steps over the common words and demonyms in front of
// a name, which are not part of it ("The", "Read More", "Latvian"); start
// tells that the name now begins a sentence, or follows such a word.
func (r *recognizer) skipLeadingCommon(p, end int) (int, bool) {
	toks := r.toks
	start := toks[p].is(fStart) || r.headline[toks[p].sent]
	for p < end {
		t := &toks[p]
		if isDemonym(t.lower) || t.is(fCaps) && lex.acronym[r.text[t.s:t.e]] || r.foreign && r.stopWord(t) ||
			(lex.common[t.lower] || lex.common[bare(t)]) && (start || functionWord(t.lower) || p+1 < end) {
			p++
			start = true
			continue
		}
		break
	}
	return p, start
}

// explainedAway tells what is left of the run that is no name at all:
// nothing, one common word, an initial, a party tag ("R-Ky."), a plural
// demonym ("Floridians"), a contraction ("I'm"), a pair of places
// ("US-Mexico").
func (r *recognizer) explainedAway(p, end int) bool {
	toks := r.toks
	if p == end || p+1 == end && !toks[p].is(fCaps) && (lex.common[toks[p].lower] || lex.common[bare(&toks[p])]) {
		return true
	}
	if p+1 == end && (toks[p].is(fInit) || partyTag(toks[p].lower) || pluralDemonym(toks[p].lower) || contraction(toks[p].lower)) {
		return true
	}
	return p+1 == end && r.hyphenatedPlaces(p)
}

// classifyByShape adds the run toks[p:end], which no list names, as what
// its shape and context make it: an acronym an organisation, a run ending
// in a place word a place, two to four name-like words a person, and so
// on. start tells a run that opens its sentence, whose capitals prove
// less.
func (r *recognizer) classifyByShape(p, end int, start bool) {
	toks := r.toks
	n := end - p
	first := &toks[p]
	weak := start
	m := mention{t0: p, t1: end}
	lastTok := &toks[end-1]
	switch {
	case n == 1 && first.is(fCaps) && len(first.lower) >= 2 && len(first.lower) <= 7 && !first.is(fDigit):
		m.typ = news.Organization
		m.flags |= mAcronym
		weak = false
	case lex.placeCue[lastTok.lower] && n > 1:
		m.typ = news.Place
		weak = false
	case r.placeContext(p, end):
		m.typ = news.Place
	case r.orgContext(p):
		m.typ = news.Organization
	case n >= 2 && n <= 4 && r.allNameLike(p, end):
		m.typ = news.Person
		if first.is(fStart) && !r.headline[first.sent] {
			weak = false // "a capitalised first word followed by another capitalised name"
		}
		if r.nouns && !isGiven(first) {
			// Two capitalised nouns look like a name ("Armee Raketen",
			// "Erschießung Prigoschin"): each word alone counts only where
			// the article names it otherwise (a surname). A name the
			// article repeats whole, not opened by a noun, is one, of a
			// kind the shape does not tell ("Junus-Bek Jewkurow").
			if r.germanNoun(p) || strings.Count(r.text, r.text[first.s:lastTok.e]) < 2 {
				for q := p; q < end; q++ {
					r.add(mention{t0: q, t1: q + 1, typ: news.OtherEntity, flags: mWeak})
				}
				return
			}
			m.typ = news.OtherEntity
		}
	case n == 1 && nameLike(first) && (r.verbAfter(end) || r.accordingTo(p) || r.ledBy(end)):
		m.typ = news.Person
		m.flags |= mPerson
	case n == 1 && !nameLike(first):
		return
	default:
		m.typ = news.OtherEntity
		if r.nouns && n > 1 {
			weak = true // "Süden Moskaus", "Anti-Terror Notstand"
		}
	}
	if weak {
		m.flags |= mWeak
	}
	r.add(m)
}

func (r *recognizer) allNameLike(p, end int) bool {
	for q := p; q < end; q++ {
		t := &r.toks[q]
		if !nameLike(t) || r.lowerSeen(t.lower) && !isGiven(t) {
			return false
		}
	}
	return true
}

// ledBy tells "Biden administration", "Trump campaign": a person's name
// before what they lead.
func (r *recognizer) ledBy(p int) bool {
	if p >= len(r.toks) || r.toks[p-1].is(fPoss) {
		return false
	}
	switch r.toks[p].lower {
	case "administration", "campaign", "presidency", "government", "regime", "cabinet":
		return true
	}
	return false
}

// accordingTo tells "according to X".
func (r *recognizer) accordingTo(p int) bool {
	return p >= 2 && r.toks[p-1].lower == "to" && r.toks[p-2].lower == "according"
}

// placeContext: "in Mariupol", "the city of Mariupol", "the Donetsk region".
func (r *recognizer) placeContext(p, end int) bool {
	toks := r.toks
	if end < len(toks) && toks[end].kind == tWord && !toks[end].is(fCap) && lex.lowPlace[toks[end].lower] && !toks[end-1].is(fPoss) {
		return true
	}
	if p >= 2 && toks[p-1].lower == "of" && lex.lowPlace[toks[p-2].lower] {
		return true
	}
	if toks[end-1].is(fPoss) || end < len(toks) && (toks[end].lower == "v." || toks[end].lower == "vs." || toks[end].lower == "v") {
		return false
	}
	if p >= 1 && end-p <= 2 {
		switch toks[p-1].lower {
		case "in", "near", "outside", "across", "towards", "toward", "from":
			// only for names nothing else explains: not a person's, not common words
			return !r.verbAfter(end) && !toks[p].is(fStart)
		}
	}
	return false
}

// contraction tells "i'm", "we're", "don't".
func contraction(l string) bool {
	i := strings.LastIndexAny(l, "'’")
	if i < 0 {
		return false
	}
	suffix := l[i:]
	suffix = strings.TrimLeft(suffix, "'’")
	switch suffix {
	case "m", "re", "ve", "ll", "d", "t", "s":
		return true
	}
	return false
}

// eventWord opens the names of storms and operations.
func eventWord(l string) bool {
	switch l {
	case "hurricane", "storm", "typhoon", "cyclone", "tropical", "operation", "wildfire", "fire":
		return true
	}
	return false
}

// hyphenatedPlaces adds the places of "US-Mexico" or "Russia-Ukraine"
// when every part is a known place.
func (r *recognizer) hyphenatedPlaces(p int) bool {
	t := &r.toks[p]
	w := r.text[t.s:t.e]
	if !strings.Contains(w, "-") {
		return false
	}
	var ks []known
	for _, part := range strings.Split(w, "-") {
		k, ok := knownAs(part)
		if !ok || k.typ != news.Place || k.caps && strings.ToUpper(part) != part {
			return false
		}
		ks = append(ks, k)
	}
	off := t.s
	for i, part := range strings.Split(w, "-") {
		m := mention{t0: p, t1: p + 1, typ: news.Place, canon: ks[i].name}
		r.add(m)
		last := &r.ms[len(r.ms)-1]
		last.s, last.e, last.ps = off, off+len(part), off
		off += len(part) + 1
	}
	return true
}

// partyTag tells "r-ky", "d-calif": a party and a state after a US
// lawmaker's name.
func partyTag(l string) bool {
	return len(l) > 2 && (l[0] == 'r' || l[0] == 'd' || l[0] == 'i') && l[1] == '-'
}

// pluralDemonym tells "Floridians", "Europeans": inhabitants, not names.
func pluralDemonym(l string) bool {
	return strings.HasSuffix(l, "ians") || strings.HasSuffix(l, "eans") || strings.HasSuffix(l, "ites") && len(l) > 6
}

// orgContext: "German newspaper Bild", "news agency Interfax".
func (r *recognizer) orgContext(p int) bool {
	if p == 0 {
		return false
	}
	t := &r.toks[p-1]
	return t.kind == tWord && !t.is(fCap) && lex.lowOrg[t.lower]
}

// functionWord tells the small words that never open a name.
func functionWord(l string) bool {
	switch l {
	case "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
		"and", "or", "but", "in", "on", "at", "of", "for", "to", "from", "by", "with", "as", "if", "when", "while",
		"he", "she", "it", "they", "we", "i", "you", "there", "here", "some", "many", "most", "all", "no", "not":
		return true
	}
	return false
}

// addKnown adds a mention of a lexicon entry.
func (r *recognizer) addKnown(p, q int, k known) {
	m := mention{t0: p, t1: q, typ: k.typ, canon: k.name}
	if r.toks[p].is(fCaps) {
		m.flags |= mAcronym
	}
	r.add(m)
}

// add completes a mention from its tokens and keeps it.
func (r *recognizer) add(m mention) {
	toks := r.toks
	f, l := &toks[m.t0], &toks[m.t1-1]
	m.s, m.e = f.s, l.e
	if r.foreign && m.canon == "" {
		m.s += elision(r.text[f.s:f.e]) // "l’Ingouchie"
		if r.suffixed(l) {
			m.e -= apostropheSuffix(r.text[l.s:l.e]) // "Samandağ'da"
		}
		if m.e <= m.s {
			m.s, m.e = f.s, l.e
		}
	}
	if m.p0 == 0 || m.p0 > m.t0 {
		m.p0 = m.t0
	}
	m.ps = toks[m.p0].s
	m.sent = int(f.sent)
	m.ent = -1
	if l.is(fPoss) {
		m.flags |= mPoss
	}
	if f.is(fQuote) {
		m.flags |= mQuote
	}
	if m.typ == news.Person {
		r.personDetails(&m)
	} else if m.t1-m.t0 == 1 && f.is(fScript|fCaseless) {
		m.last = r.wordKey(f) // a surname, maybe: Лаврову
	}
	r.ms = append(r.ms, m)
}

// personDetails fills in a person mention's name keys, gender, subject
// weight and a role written in lower case around it.
func (r *recognizer) personDetails(m *mention) {
	r.nameKeys(m)
	if m.role == "" {
		r.roleBefore(m)
	}
	if m.role == "" {
		r.roleAppositive(m)
	}
	if m.role != "" {
		m.head = roleHead(m.role)
		for _, w := range strings.Fields(m.role) {
			if g := genderOfRole(w); g != 0 && m.gender == 0 {
				m.gender = g
			}
		}
	}
	r.subjectWeight(m)
}

// nameKeys sets the keys of a person's first and last names, which
// later mentions are matched by, and the gender a given name tells.
func (r *recognizer) nameKeys(m *mention) {
	toks := r.toks
	var firstTok, lastTok *token
	n := 0
	for q := m.t0; q < m.t1; q++ {
		t := &toks[q]
		if t.is(fInit) || isSuffix(t) || !t.is(fCap) && !t.is(fCaseless) {
			continue
		}
		if firstTok == nil {
			firstTok = t
		}
		lastTok = t
		n++
	}
	if firstTok == nil {
		firstTok, lastTok = &toks[m.t0], &toks[m.t1-1]
		n = 1
	}
	m.ntok = n
	m.last = r.wordKey(lastTok)
	if n > 1 {
		m.first = r.wordKey(firstTok)
		if m.gender == 0 {
			if g := lex.given[m.first]; g == 'm' || g == 'f' {
				m.gender = g
			}
		}
	}
}

// roleBefore reads a title written before the name in lower case: "Mr.",
// "foreign minister", "Russia's foreign minister".
func (r *recognizer) roleBefore(m *mention) {
	toks := r.toks
	if m.t0 > 0 {
		q := m.t0 - 1
		var words []string
		for q >= 0 && len(words) < 4 && toks[q].kind == tWord && int(toks[q].sent) == m.sent {
			w := bare(&toks[q])
			if !(lex.role[w] || lex.roleMod[w] && len(words) > 0) {
				break
			}
			words = append(words, expandRole(w))
			q--
		}
		if len(words) > 0 && lex.role[words[0]] {
			for i, j := 0, len(words)-1; i < j; i, j = i+1, j-1 {
				words[i], words[j] = words[j], words[i]
			}
			m.role = strings.Join(words, " ")
			m.p0 = q + 1
			m.ps = toks[q+1].s
			m.flags |= mPerson
			if q >= 0 && toks[q].kind == tWord {
				m.affil = r.affiliationOf(q)
			}
		}
	}
}

// roleAppositive reads a title in an appositive after the name: "Sergey
// Lavrov, Russia's foreign minister,".
func (r *recognizer) roleAppositive(m *mention) {
	toks := r.toks
	if m.t1 < len(toks) && toks[m.t1].kind == tPunct && toks[m.t1].r == ',' {
		q := m.t1 + 1
		lim := q + 8
		affil := ""
		for q < len(toks) && q < lim && toks[q].kind == tWord && int(toks[q].sent) == m.sent {
			if toks[q].is(fCap) && affil == "" {
				affil = r.affiliationOf(q)
			}
			q++
		}
		if q > m.t1+1 && q < len(toks) && (toks[q].kind == tPunct || int(toks[q].sent) != m.sent) {
			if w := bare(&toks[q-1]); lex.role[w] {
				var words []string
				for k := q - 1; k > m.t1 && (lex.role[bare(&toks[k])] || lex.roleMod[bare(&toks[k])]); k-- {
					words = append([]string{bare(&toks[k])}, words...)
				}
				m.role = strings.Join(words, " ")
				m.affil = affil
				m.flags |= mPerson
			}
		}
	}
}

// subjectWeight tells whether the person is the subject of their
// sentence (2: of a verb of speech; 1: of another verb; 0: an object, or
// after a preposition).
func (r *recognizer) subjectWeight(m *mention) {
	toks := r.toks
	if !m.has(mPoss) && m.t1 < len(toks) {
		t := &toks[m.t1]
		if t.kind == tWord && !t.is(fCap) && int(t.sent) == m.sent {
			if lex.speech[t.lower] {
				m.subj = 2
			} else if !preposition(t.lower) {
				m.subj = 1
			}
		}
	}
	if r.accordingTo(m.t0) {
		m.subj = 2
	}
	if m.p0 > 0 {
		if p := &r.toks[m.p0-1]; p.kind == tWord && preposition(p.lower) && m.subj < 2 {
			m.subj = 0
		}
	}
}

// affiliationOf returns the country or organisation token q names, as an
// affiliation: "Russia's", "Russian", "U.S.", "NATO".
func (r *recognizer) affiliationOf(q int) string {
	t := &r.toks[q]
	if !t.is(fCap) {
		return ""
	}
	if c, ok := lex.demonym[t.lower]; ok {
		return c
	}
	// the last word of a known name ending at q
	for p := q; p >= 0 && p > q-lex.knownMax; p-- {
		if k, n := r.lookupKnown(p, q+1); n == q+1-p {
			return k.name
		}
		if !r.toks[p].is(fCap) {
			break
		}
	}
	return ""
}

func preposition(l string) bool {
	switch l {
	case "with", "to", "by", "from", "of", "at", "for", "against", "about", "on", "in", "into", "toward",
		"towards", "than", "like", "between", "among", "and", "or", "over", "under", "after", "before",
		"during", "without", "through", "via", "per", "as", "since", "upon", "near", "behind", "v.", "v", "vs", "vs.":
		return true
	}
	return false
}

// roleHead reduces a role to the noun a later "the …" would use for it:
// "secretary of state" → "secretary", "deputy foreign minister" →
// "minister", "secretary general" stays.
func roleHead(role string) string {
	role = strings.ReplaceAll(role, "-", " ")
	if i := strings.Index(role, " of "); i >= 0 {
		role = role[:i]
	}
	for _, whole := range [...]string{"secretary general", "attorney general", "surgeon general", "inspector general",
		"solicitor general", "director general", "governor general", "prime minister", "vice president",
		"chief executive", "crown prince", "first lady", "chief justice", "under secretary"} {
		if strings.HasSuffix(role, whole) {
			return whole
		}
	}
	ws := strings.Fields(role)
	for i := len(ws) - 1; i >= 0; i-- {
		if lex.role[ws[i]] {
			return ws[i]
		}
	}
	if len(ws) > 0 {
		return ws[len(ws)-1]
	}
	return ""
}

// markHeadlines flags sentences written in title case (headlines, captions
// of names, menus), where capitals prove little.
func (r *recognizer) markHeadlines(sents []sentences.Span) {
	nsent := len(sents)
	r.headline = make([]bool, nsent+1)
	words := make([]int, nsent+1)
	caps := make([]int, nsent+1)
	for i := range r.toks {
		t := &r.toks[i]
		if t.kind != tWord || t.is(fStart) || int(t.sent) > nsent || functionWord(t.lower) || preposition(t.lower) {
			continue
		}
		words[t.sent]++
		if t.is(fCap) {
			caps[t.sent]++
		}
	}
	for s := range words {
		stop := false
		if s < nsent && sents[s].End > sents[s].Start {
			switch r.text[sents[s].End-1] {
			case '.', '!', '?', '"', ')':
				stop = true
			case 0x9d, 0x99: // ” ’
				stop = true
			}
		}
		if !stop && words[s] >= 3 && caps[s]*10 >= words[s]*7 || words[s] >= 6 && caps[s]*20 >= words[s]*17 {
			r.headline[s] = true
		}
	}
}
