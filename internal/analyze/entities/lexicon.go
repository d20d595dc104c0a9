package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorusnews/chorus/internal/news"
)

// known is an entry of the lexicon: an alias and the entity it names.
type known struct {
	name string
	typ  news.EntityType
	// caps: the alias is an all-capital abbreviation ("US", "WHO") and
	// matches only when written so.
	caps bool
}

// lexicon holds the word lists as maps. It is built once and only read.
type lexicon struct {
	known      map[string]known // aliasKey → entity
	knownMax   int              // most tokens in an alias
	demonym    map[string]string
	orgCue     map[string]bool
	placeCue   map[string]bool
	lowPlace   map[string]bool
	lowOrg     map[string]bool
	role       map[string]bool
	roleMod    map[string]bool
	common     map[string]bool
	speech     map[string]bool
	acronym    map[string]bool // acronyms that name nothing, as written
	given      map[string]byte // translit key of a given name → 'm', 'f' or 'u'
	particles  map[string]bool // lower-case name particles: "van", "de", "bin"
	connectors map[string]bool // lower-case words inside organisation names
}

var lex = buildLexicon()

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func buildLexicon() *lexicon {
	l := &lexicon{
		known:      map[string]known{},
		demonym:    map[string]string{},
		orgCue:     wordSet(orgCues),
		placeCue:   wordSet(placeCues),
		lowPlace:   wordSet(lowerPlaceCues),
		lowOrg:     wordSet(lowerOrgCues),
		role:       wordSet(roles),
		roleMod:    wordSet(roleMods),
		common:     wordSet(commonWords),
		speech:     wordSet(speechVerbs),
		acronym:    wordSet(acronymStop),
		given:      map[string]byte{},
		particles:  wordSet("de da di del della der den van von ter ten le la du dos das bin ibn al el abu ben mac zu y e"),
		connectors: wordSet("of for and the on in &"),
	}
	add := func(alias, name string, typ news.EntityType) {
		alias = strings.TrimSpace(alias)
		if alias == "" {
			return
		}
		k := aliasKey(alias)
		caps := len(alias) <= 5 && strings.ToUpper(alias) == alias
		if old, dup := l.known[k]; dup {
			// the first entry wins: countries before cities, cities before
			// organisations; but "Covid" lets "COVID" match as written too
			if old.name == name && !caps && old.caps {
				old.caps = false
				l.known[k] = old
			}
			return
		}
		l.known[k] = known{name: name, typ: typ, caps: caps}
		if n := len(strings.Fields(k)); n > l.knownMax {
			l.knownMax = n
		}
	}
	for _, line := range strings.Split(countries, "\n") {
		names, dems, _ := strings.Cut(line, " / ")
		parts := strings.Split(names, "|")
		canon := strings.TrimSpace(parts[0])
		if canon == "" {
			continue
		}
		for _, a := range parts {
			add(a, canon, news.Place)
		}
		for _, d := range strings.Split(dems, "|") {
			if d = strings.TrimSpace(d); d != "" {
				l.demonym[strings.ToLower(d)] = canon
			}
		}
	}
	for _, d := range strings.Fields(demonymsExtra) {
		if _, ok := l.demonym[strings.ToLower(d)]; !ok {
			l.demonym[strings.ToLower(d)] = ""
		}
	}
	// places: "A|B|C" lists, and "Alias=Canonical" pairs.
	var pairs [][2]string
	for _, line := range strings.Split(places, "\n") {
		for _, p := range strings.Split(line, "|") {
			p = strings.TrimSpace(p)
			if a, c, ok := strings.Cut(p, "="); ok {
				pairs = append(pairs, [2]string{a, c})
			}
		}
	}
	for _, p := range pairs {
		add(p[0], p[1], news.Place)
	}
	for _, line := range strings.Split(places, "\n") {
		for _, p := range strings.Split(line, "|") {
			if !strings.Contains(p, "=") {
				add(p, strings.TrimSpace(p), news.Place)
			}
		}
	}
	add("D.C.", "Washington", news.Place)
	add("DC", "Washington", news.Place)
	for _, line := range strings.Split(organizations, "\n") {
		parts := strings.Split(line, "|")
		canon := strings.TrimSpace(parts[0])
		if canon == "" {
			continue
		}
		for _, a := range parts {
			add(a, canon, news.Organization)
		}
	}
	for _, line := range strings.Split(others, "\n") {
		parts := strings.Split(line, "|")
		canon := strings.TrimSpace(parts[0])
		for _, a := range parts {
			add(a, canon, news.OtherEntity)
		}
	}
	for _, n := range strings.Fields(maleNames) {
		l.given[nameKey(n)] = 'm'
	}
	for _, n := range strings.Fields(femaleNames + " " + femaleNamesExtra) {
		k := nameKey(n)
		if g, ok := l.given[k]; ok && g != 'f' {
			l.given[k] = 'u'
		} else {
			l.given[k] = 'f'
		}
	}
	return l
}

// aliasKey is the lexicon's lookup form: lower case, no full stops, plain
// apostrophes, single spaces.
func aliasKey(s string) string {
	var buf [96]byte
	return string(appendAliasKey(buf[:0], s))
}

// knownAs looks a name up among the lexicon's aliases, without building
// its aliasKey as a string: crossKey and NameKey call it for every entity.
func knownAs(name string) (known, bool) {
	var buf [96]byte
	k, ok := lex.known[string(appendAliasKey(buf[:0], name))]
	return k, ok
}

// appendAliasKey appends the aliasKey of s to b.
func appendAliasKey(b []byte, s string) []byte {
	start, space := len(b), false
	for _, r := range s {
		switch {
		case r == '.':
			continue
		case r == '’' || r == 'ʼ':
			r = '\''
		case r == ' ' || r == '\t' || r == '\n' || r == '\u00a0':
			space = len(b) > start
			continue
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// genderOfRole tells a gender from a title or role word, 0 when it tells
// none.
func genderOfRole(w string) byte {
	switch w {
	case "mr", "king", "prince", "duke", "emperor", "baron", "sir", "lord", "father", "brother",
		"congressman", "congressmen", "spokesman", "chairman", "councilman", "tsar", "czar", "sultan", "count":
		return 'm'
	case "mrs", "ms", "miss", "queen", "princess", "duchess", "empress", "baroness", "dame", "lady",
		"sister", "mother", "congresswoman", "congresswomen", "spokeswoman", "chairwoman", "councilwoman", "countess":
		return 'f'
	}
	return 0
}
