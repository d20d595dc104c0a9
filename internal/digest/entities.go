package digest

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/chorusnews/chorus/internal/names"
	"github.com/chorusnews/chorus/internal/news"
)

// entityGroup is one entity of the story as its articles name it.
type entityGroup struct {
	key      string
	types    [4]int // articles that type it so, by typeIndex
	names    map[string]*nameUse
	articles map[string]bool
	mentions int
	into     int    // the group it was merged into, -1
	shown    string // the name it is shown by (see bestName), once merged
	roles    []news.Role
}

// nameUse is how the story uses one name of an entity.
type nameUse struct {
	mentions int
	articles int      // articles that name the entity so (not as an alias)
	langs    []string // the languages of the articles that use it
	named    []string // the languages of the articles that name it so
}

// storyEntities are a story's entities merged across its articles, and
// which each name an article gives stands for.
type storyEntities struct {
	groups []*entityGroup
	// byArticle maps, by article, the names and aliases of its entities
	// (lower case) to their group; byName does so for any article, to the
	// group most articles name so.
	byArticle []map[string]int
	byName    map[string]int
}

// shown is the name the story shows for the entity article i's name n
// stands for; n itself when it stands for none.
func (x *storyEntities) shown(i int, n string) string {
	k := lowerTrim(n)
	g, ok := x.byArticle[i][k]
	if !ok {
		g, ok = x.byName[k]
	}
	if !ok {
		g, ok = x.described(k)
	}
	if !ok {
		return n
	}
	return x.groups[root(x.groups, g)].shown
}

// described finds the one person of the story whom a description
// stands for, by the titles the articles give: "ukraine's foreign
// minister" is the person called foreign minister of Ukraine, or called
// foreign minister of nowhere said while no other foreign minister is of
// Ukraine. Two people who fit leave the description as it is.
func (x *storyEntities) described(desc string) (int, bool) {
	exact, loose := -1, -1
	exacts, looses := 0, 0
	for i, g := range x.groups {
		if g.into >= 0 {
			continue
		}
		fit := roleFit(desc, g.roles)
		switch {
		case fit == fitExact:
			exact, exacts = i, exacts+1
		case fit == fitLoose:
			loose, looses = i, looses+1
		}
	}
	switch {
	case exacts == 1:
		return exact, true
	case exacts == 0 && looses == 1:
		return loose, true
	}
	return 0, false
}

const (
	fitNone = iota
	fitLoose
	fitExact
)

// roleFit tells how well one of roles fits desc, a description in lower
// case: exactly when it names the title and whose it is, loosely when it
// names the title and whose it is goes unsaid on one side. A role of
// another country or body than the one described rules the person out
// ("Ukraine's foreign minister" is not Russia's), and so does a
// description that says more than title and owner ("Russia's deputy
// foreign minister").
func roleFit(desc string, roles []news.Role) int {
	best := fitNone
	for _, r := range roles {
		i := wordIndex(desc, r.Title)
		if i < 0 {
			continue
		}
		rest := ownerWords(desc[:i] + " " + desc[i+len(r.Title):])
		switch {
		case len(rest) > 1:
		case len(rest) == 0 || r.Of == "":
			best = max(best, fitLoose)
		case sameAffiliation(rest[0], r.Of):
			best = fitExact
		default:
			return fitNone // whatever the order the roles come in
		}
	}
	return best
}

// wordIndex finds phrase in s as whole words; -1 when it is not there.
func wordIndex(s, phrase string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(phrase)
		if (i == 0 || !isLetterByte(s[i-1])) && (end == len(s) || !isLetterByte(s[end])) {
			return i
		}
		from = i + 1
	}
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// sameAffiliation tells whether word, what a description says besides
// the title ("ukraine", "ukrainian"), names of ("Ukraine"): they share
// the first five letters, as a country and its adjective do.
func sameAffiliation(word, of string) bool {
	want := strings.Fields(strings.ToLower(of))
	if len(want) == 0 {
		return false
	}
	stem := want[0][:min(5, len(want[0]))]
	return len(word) >= len(stem) && strings.HasPrefix(word, stem)
}

// ownerWords are the words of a description besides its title, without
// articles, pronouns and possessive marks: what says whose the title is.
func ownerWords(rest string) []string {
	var out []string
	for _, w := range strings.Fields(rest) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ",.;:()\"“”"), "'s"), "’s")
		switch w {
		case "", "the", "a", "an", "its", "his", "her", "their", "of", "former", "then":
		default:
			out = append(out, w)
		}
	}
	return out
}

// typeIndex numbers the entity types for entityGroup.types.
func typeIndex(t news.EntityType) int {
	switch t {
	case news.Person:
		return 1
	case news.Organization:
		return 2
	case news.Place:
		return 3
	}
	return 0
}

// entities lists the story's entities (see mergeEntities), each named by
// the form of the story's language, else one in Latin script, else the
// most used (see bestName), the others its aliases, by how many
// independent articles name them.
func (c *corpus) entities() []news.StoryEntity {
	groups := c.mergeEntities().groups
	out := make([]news.StoryEntity, 0, len(groups))
	voices := make([]int, 0, len(groups))
	for _, g := range groups {
		if g.into >= 0 {
			continue
		}
		e := news.StoryEntity{Type: g.typ(), Mentions: g.mentions, Name: g.shown}
		e.Aliases = []string{}
		for n := range g.names {
			if n != e.Name {
				e.Aliases = append(e.Aliases, n)
			}
		}
		slices.Sort(e.Aliases)
		e.Articles = sortedKeys(g.articles)
		out = append(out, e)
		voices = append(voices, c.voices(e.Articles))
	}
	// Sorting the positions, with each entity's voices counted once,
	// orders the entities as sorting them would.
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(voices[b], voices[a]), cmp.Compare(out[b].Mentions, out[a].Mentions))
	})
	sorted := make([]news.StoryEntity, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	return sorted
}

// mergeEntities merges the articles' entities into the story's, once per
// corpus. Entities merge by their key, which is one for the forms
// languages and scripts give a name (Sergey Lavrov, Сергея Лаврова, Sergej
// Lawrow; Moskau and Москве as one place); then spellings that sound alike
// across languages (Prigozhin, Prigoschin, Prigojine, بريغوجن), and a
// surname standing alone in an article with the one person of the story
// who bears it.
func (c *corpus) mergeEntities() *storyEntities {
	if c.ents != nil {
		return c.ents
	}
	byKey := map[string]int{}
	var groups []*entityGroup
	langs := map[string]bool{}
	x := &storyEntities{byArticle: make([]map[string]int, len(c.arts)), byName: map[string]int{}}
	for ai, a := range c.arts {
		langs[a.Language] = true
		x.byArticle[ai] = make(map[string]int, 2*len(a.Entities))
		for _, e := range a.Entities {
			k := e.Key
			if k == "" {
				k = string(e.Type) + "|" + lowerTrim(e.Name)
			}
			i, ok := byKey[k]
			if !ok {
				i = len(groups)
				byKey[k] = i
				groups = append(groups, &entityGroup{key: k, names: map[string]*nameUse{}, articles: map[string]bool{}, into: -1})
			}
			g := groups[i]
			if !g.articles[a.ID] {
				g.types[typeIndex(e.Type)]++
			}
			g.articles[a.ID] = true
			g.mentions += e.Mentions
			use := g.use(e.Name, a.Language)
			use.mentions += max(e.Mentions, 1)
			use.articles++
			use.named = appendNew(use.named, a.Language)
			for _, al := range e.Aliases {
				g.use(al, a.Language)
			}
			for _, r := range e.Roles {
				if !slices.Contains(g.roles, r) {
					g.roles = append(g.roles, r)
				}
			}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				x.byArticle[ai][lowerTrim(n)] = i
			}
		}
	}
	// Spellings are compared by sound only across languages: in a story of
	// one language there is nothing to do.
	multilingual := len(langs) > 1
	mergeSurnames(groups, multilingual)
	if multilingual {
		mergeBySound(groups)
	}
	for i, g := range groups {
		if g.into < 0 {
			g.shown = g.bestName(c.tell)
		}
		r := groups[root(groups, i)]
		for n := range g.names {
			k := lowerTrim(n)
			if j, ok := x.byName[k]; !ok || len(groups[root(groups, j)].articles) < len(r.articles) {
				x.byName[k] = i
			}
		}
	}
	x.groups = groups
	c.ents = x
	return x
}

func (g *entityGroup) use(name, lang string) *nameUse {
	u, ok := g.names[name]
	if !ok {
		u = &nameUse{}
		g.names[name] = u
	}
	u.langs = appendNew(u.langs, lang) // "" is a language of its own
	return u
}

// appendNew appends to set each of ls it does not hold yet.
func appendNew(set []string, ls ...string) []string {
	for _, l := range ls {
		if !slices.Contains(set, l) {
			set = append(set, l)
		}
	}
	return set
}

// typ is the type most articles give the entity, "other" only when none
// gives another.
func (g *entityGroup) typ() news.EntityType {
	best, bestN := news.OtherEntity, 0
	for _, t := range [...]news.EntityType{news.Person, news.Organization, news.Place} {
		if n := g.types[typeIndex(t)]; n > bestN {
			best, bestN = t, n
		}
	}
	return best
}

// bestName is the name the entity is shown by in a story told in lang:
// for a person a full name rather than a surname, then a form articles in
// lang name it by (Moskau and Jewgenij Prigoschin in a German story, not
// an inflected alias as Moskaus), then one in Latin script (readable to
// more readers of a story that mixes scripts), then the form most articles
// use, then an English one, then the most mentioned, the longest, the
// first in order.
func (g *entityGroup) bestName(lang string) string {
	person := g.typ() == news.Person
	best := ""
	var bu *nameUse
	for n, u := range g.names {
		if bu == nil {
			best, bu = n, u
			continue
		}
		c := 0
		if person {
			c = boolFirst(strings.Contains(n, " "), strings.Contains(best, " "))
		}
		c = cmp.Or(c,
			boolFirst(u.namedIn(lang), bu.namedIn(lang)),
			boolFirst(!otherScript(n), !otherScript(best)),
			cmp.Compare(bu.articles, u.articles),
			boolFirst(slices.Contains(u.langs, "en"), slices.Contains(bu.langs, "en")),
			cmp.Compare(bu.mentions, u.mentions),
			cmp.Compare(len(best), len(n)),
			strings.Compare(n, best))
		if c < 0 {
			best, bu = n, u
		}
	}
	return best
}

// namedIn tells a name articles in lang name the entity by (not only as
// an alias).
func (u *nameUse) namedIn(lang string) bool {
	if lang == "" {
		return false
	}
	for _, l := range u.named {
		if news.LangCode(l) == lang {
			return true
		}
	}
	return false
}

// otherScript tells a name with a letter of a script other than Latin.
func otherScript(s string) bool {
	for _, r := range s {
		if r >= 0x370 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// root follows the merges of group i.
func root(groups []*entityGroup, i int) int {
	for groups[i].into >= 0 {
		i = groups[i].into
	}
	return i
}

// merge moves group i into group j.
func merge(groups []*entityGroup, i, j int) {
	a, b := groups[i], groups[j]
	for t, n := range a.types {
		b.types[t] += n
	}
	for n, u := range a.names {
		if v, ok := b.names[n]; ok {
			v.mentions += u.mentions
			v.articles += u.articles
			v.langs = appendNew(v.langs, u.langs...)
			v.named = appendNew(v.named, u.named...)
		} else {
			b.names[n] = u
		}
	}
	for id := range a.articles {
		b.articles[id] = true
	}
	for _, r := range a.roles {
		// A title one spelling's articles give is the merged person's:
		// descriptions are told by the groups not merged away.
		if !slices.Contains(b.roles, r) {
			b.roles = append(b.roles, r)
		}
	}
	b.mentions += a.mentions
	a.into = j
}

// compatible tells two groups that may be one entity: no two types apart
// from "other", not two places the place table tells apart.
func compatible(a, b *entityGroup) bool {
	if strings.HasPrefix(a.key, "p:") && strings.HasPrefix(b.key, "p:") {
		return false
	}
	ta, tb := a.typ(), b.typ()
	return ta == tb || ta == news.OtherEntity || tb == news.OtherEntity
}

// spelling is one name of a group as its key reads it, and its sound.
type spelling struct {
	key    string   // names.CrossKey of the name
	sound  string   // names.Key of each of its words
	arabic bool     // written in a script without short vowels
	langs  []string // the languages that write the name so
}

// spellings returns the spellings of a group's names, those with a sound
// that tells names apart (three consonants or more in a word).
func (g *entityGroup) spellings() []spelling {
	var out []spelling
	for n, u := range g.names {
		k := names.CrossKey(n, u.langs[0])
		if k == "" {
			continue
		}
		ws := strings.Fields(k)
		sound := make([]string, len(ws))
		distinct := false
		for i, w := range ws {
			sound[i] = names.Key(w, "")
			distinct = distinct || strings.HasPrefix(sound[i], "k:")
		}
		if distinct {
			out = append(out, spelling{key: k, sound: strings.Join(sound, " "), arabic: abjad(n), langs: u.langs})
		}
	}
	return out
}

// abjad tells a name written in Arabic or Hebrew script, which writes no
// short vowels.
func abjad(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Arabic, unicode.Hebrew) {
			return true
		}
	}
	return false
}

// mergeBySound joins the groups of one entity whose keys differ because
// languages spell the name each their own way beyond what keys fold
// (Prigozhin, Prigoschin, Prigojine; Poutine, Putin; لافروف, Lavrov): a
// group joins the one with a name that sounds the same (names.Key of each
// word) and is spelled close (spellingDistance), the closest of all,
// where no article names both and no language writes both spellings:
// within one language two spellings are two names (Putin and Biden sound
// alike, b-d-n).
func mergeBySound(groups []*entityGroup) {
	sp := make([][]spelling, len(groups))
	bySound := map[string][]int{}
	for i, g := range groups {
		sp[i] = g.spellings()
		for _, s := range sp[i] {
			if l := bySound[s.sound]; len(l) == 0 || l[len(l)-1] != i {
				bySound[s.sound] = append(l, i)
			}
		}
	}
	// smaller groups first: they join the larger
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(len(groups[a].articles), len(groups[b].articles))
	})
	for _, i := range order {
		g := groups[i]
		if g.into >= 0 {
			continue
		}
		near := closest()
		for _, s := range sp[i] {
			for _, j0 := range bySound[s.sound] {
				j := root(groups, j0)
				if j == i || !compatible(g, groups[j]) || shareArticle(g, groups[j]) {
					continue
				}
				for _, t := range sp[j0] {
					if t.sound != s.sound || shareLanguage(s.langs, t.langs) {
						continue
					}
					near.offer(j, spellingDistance(s, t))
				}
			}
		}
		if j, ok := near.pick(); ok {
			merge(groups, i, j)
		}
	}
}

// nearestGroup finds the group a spelling is closest to (spellingDistance):
// the closest group, its distance, and the distance of the next closest.
type nearestGroup struct {
	group        int
	dist, second float64
}

// closest returns a nearestGroup that has been offered nothing.
func closest() nearestGroup { return nearestGroup{group: -1, dist: 2, second: 2} }

// offer counts a spelling of group j at distance d.
func (n *nearestGroup) offer(j int, d float64) {
	switch {
	case j == n.group:
		n.dist = min(n.dist, d)
	case d < n.dist:
		n.group, n.second, n.dist = j, n.dist, d
	case d < n.second:
		n.second = d
	}
}

// pick returns the closest group, when it is within maxSpellingDistance
// and closer than any other: a name that two groups spell as closely
// joins neither.
func (n nearestGroup) pick() (int, bool) {
	return n.group, n.group >= 0 && n.dist <= maxSpellingDistance && n.dist < n.second
}

// maxSpellingDistance is the farthest two spellings of one name are apart
// (edits per letter): Prigojine and Prigozhin 0.22, Poutine and Putin
// 0.17, Putin and Biden 0.8.
const maxSpellingDistance = 0.34

func shareLanguage(a, b []string) bool {
	for _, l := range a {
		if slices.Contains(b, l) {
			return true
		}
	}
	return false
}

func shareArticle(a, b *entityGroup) bool {
	for id := range a.articles {
		if b.articles[id] {
			return true
		}
	}
	return false
}

// spellingDistance is the edit distance of two keys per letter of the
// longer. Against a spelling in Arabic script, which writes no short
// vowels and has no p, v, o or e, both are compared by their consonants
// as Arabic writes them (Lavrov and لافروف are l-f-r-f), where one edit
// in five is allowed.
func spellingDistance(a, b spelling) float64 {
	x, y := a.key, b.key
	arabic := a.arabic || b.arabic
	if arabic {
		x, y = arabicSkeleton(x), arabicSkeleton(y)
	}
	n := max(len(x), len(y))
	if n == 0 {
		return 1
	}
	d := float64(editDistance(x, y)) / float64(n)
	if arabic && d > 0.2 {
		return 1
	}
	return d
}

// arabicSkeleton writes a Latin key with Arabic's consonants only.
func arabicSkeleton(s string) string {
	s = arabicDigraphs.Replace(s)
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h', '\'':
			continue
		case 'v':
			c = 'f'
		case 'p':
			c = 'b'
		case 'c', 'q':
			c = 'k'
		case 'x':
			b = append(b, 'k')
			c = 's'
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

var arabicDigraphs = strings.NewReplacer("dj", "j", "zh", "j", "gh", "g", "kh", "k", "th", "t", "dh", "d", "ch", "sh")

// editDistance is the Levenshtein distance of two byte strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// mergeSurnames joins an entity named by one word only (Lavrov, Лавров,
// Poutine) with the person of the story whose last name it is, when one
// person only has it: articles name a person in full first and by surname
// after, and some by surname alone. The word is the last name's key, or
// sounds as it does in another language (see mergeBySound).
func mergeSurnames(groups []*entityGroup, bySound bool) {
	type lastName struct {
		group int
		sp    spelling // of the last word
	}
	lastOf := map[string][]int{}
	var sounds map[string][]lastName
	for i, g := range groups {
		if g.into >= 0 || g.typ() != news.Person {
			continue
		}
		ws := strings.Fields(g.key)
		if len(ws) < 2 || strings.ContainsAny(g.key, ":|") {
			continue
		}
		last := ws[len(ws)-1]
		if l := lastOf[last]; len(l) == 0 || l[len(l)-1] != i {
			lastOf[last] = append(l, i)
		}
		if !bySound {
			continue
		}
		for _, s := range g.spellings() {
			if ws := strings.Fields(s.key); len(ws) >= 2 {
				s.key = ws[len(ws)-1]
				s.sound = names.Key(s.key, "")
				if strings.HasPrefix(s.sound, "k:") {
					if sounds == nil {
						sounds = map[string][]lastName{}
					}
					sounds[s.sound] = append(sounds[s.sound], lastName{i, s})
				}
			}
		}
	}
	for i, g := range groups {
		if g.into >= 0 || strings.ContainsAny(g.key, " :|") {
			continue
		}
		if t := g.typ(); t != news.Person && t != news.OtherEntity {
			continue
		}
		if cands := lastOf[g.key]; len(cands) == 1 {
			if j := root(groups, cands[0]); j != i {
				merge(groups, i, j)
			}
			continue
		} else if len(cands) > 1 || len(sounds) == 0 {
			continue
		}
		near := closest()
		for _, s := range g.spellings() {
			for _, c := range sounds[s.sound] {
				j := root(groups, c.group)
				if j == i || shareArticle(g, groups[j]) || shareLanguage(s.langs, c.sp.langs) {
					continue
				}
				near.offer(j, spellingDistance(s, c.sp))
			}
		}
		if j, ok := near.pick(); ok {
			merge(groups, i, j)
		}
	}
}
