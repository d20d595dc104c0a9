package quotes

import (
	"strings"
	"unicode"

	"github.com/chorusnews/chorus/internal/news"
)

// This file tells what a speaker is: a person, an organisation or a news
// outlet reporting what it published ("according to German newspaper
// Bild"), so that a reader can weigh "Bild: Scholz will travel" apart from
// what Scholz said.

// entityTypes maps the names and aliases of ents to their types.
func entityTypes(ents []news.Entity) map[string]news.EntityType {
	if len(ents) == 0 {
		return nil
	}
	m := make(map[string]news.EntityType, len(ents))
	for _, e := range ents {
		m[e.Name] = e.Type
		for _, a := range e.Aliases {
			if _, ok := m[a]; !ok {
				m[a] = e.Type
			}
		}
	}
	return m
}

// acceptResolved tells whether the resolver's answer n may stand for the
// speaker phrase [a, b), which the package reads as kind. The resolver is
// trusted to name people: it follows a pronoun, completes a surname and
// finds the person a description stands for ("Ukraine's foreign minister"
// → "Dmytro Kuleba"). An organisation keeps the name the article gives it
// where it speaks ("the IMF", not "International Monetary Fund"), and a
// description of a person is never answered with an organisation or a
// place ("the GOP nominee" is no "Republican Party"). Without the
// article's entities to tell what n is, the resolver is taken at its word.
func (f *finder) acceptResolved(a, b, kind int, n string) bool {
	if f.entTypes == nil {
		return true
	}
	if f.entTypes[n] != news.Person {
		return false
	}
	if b-a == 1 && (subjPronouns[f.word(a)] || subjPronouns[stem(f.word(a))]) {
		return true
	}
	if head := f.word(b - 1); !f.toks[b-1].cap {
		// a description: it must describe a person ("the minister", not
		// "the party's bylaws")
		return roleWords[head] || descriptors[head] || personNouns[head]
	}
	return kind != kOrg
}

// personNouns head descriptions of a person besides titles and roles.
var personNouns = wordSet(`man woman boy girl mother father son daughter wife husband brother sister friend
nominee candidate lawmaker politician businessman businesswoman billionaire mogul star veteran victim witness
resident neighbor neighbour owner teacher student doctor nurse officer soldier worker employee driver`)

// speakerKind tells what the speaker of attribution a is.
func (f *finder) speakerKind(a *attr) string {
	if a.speaker == "" {
		return ""
	}
	sa, sb := a.sa, a.sb
	if a.fromAttr >= 0 {
		src := &f.attrs[a.fromAttr]
		sa, sb = src.sa, src.sb
	}
	if f.isPublication(a.speaker, a.kind, sa, sb) {
		return news.SpeakerPublication
	}
	if sa >= 0 && f.institutionBefore(sa, sb) {
		return news.SpeakerOrganization // "the French presidential palace Elysee"
	}
	switch a.kind {
	case kPerson:
		if f.entTypes[a.speaker] == news.Person || startsUpper(lastWord(a.speaker)) {
			return news.SpeakerPerson
		}
	case kOrg:
		return news.SpeakerOrganization
	}
	switch f.entTypes[a.speaker] {
	case news.Person:
		return news.SpeakerPerson
	case news.Organization, news.Place:
		// a capital or a palace that speaks is its government: "Moscow
		// said", "the Élysée said in a statement"
		return news.SpeakerOrganization
	}
	if a.kind == kGroup && strings.Contains(a.speaker, " and ") && f.coordinatedNames(sa, sb) {
		return news.SpeakerPerson // "Lee and Jayapal"
	}
	if sa >= 0 && sb-sa == 1 && f.toks[sa].cap && places[f.word(sa)] {
		return news.SpeakerOrganization
	}
	if h := f.headOf(sa, sb); h >= 0 && !f.toks[h].cap && (roleWords[f.word(h)] || personNouns[f.word(h)]) && !groupWords[f.word(h)] {
		return news.SpeakerPerson // "Ukraine's foreign minister", unnamed
	}
	return ""
}

// headOf is the head word of the speaker phrase [a, b): its last word
// before a preposition ("a reporter for the newspaper"), or -1.
func (f *finder) headOf(a, b int) int {
	if a < 0 {
		return -1
	}
	for i := a + 1; i < b; i++ {
		w := f.word(i)
		if (npInner[w] || w == "to") && w != "and" {
			if p := f.word(i - 1); w == "of" && (isNumber(p) || quantities[p]) {
				continue // "eight of 10 voters": the head follows
			}
			return i - 1
		}
	}
	return b - 1
}

// quantities head a phrase whose real head follows "of": "most of the
// voters".
var quantities = wordSet(`one two three four five six seven eight nine ten half most many some all none several few
majority minority third quarter dozens hundreds thousands millions plenty lot lots number`)

// institutionBefore: the lower-case noun right before the final name of
// the speaker phrase [a, b) calls it an institution ("the presidential
// palace Elysee"), not a person's role ("party spokesman Joe Smith").
func (f *finder) institutionBefore(a, b int) bool {
	r := b
	for r > a && f.toks[r-1].kind == tWord && f.toks[r-1].cap {
		r--
	}
	if r == a || r == b || f.toks[r-1].kind != tWord {
		return false
	}
	w := f.word(r - 1)
	return orgWords[w] || institutionNouns[w]
}

// institutionNouns are buildings and bodies that speak for a government.
var institutionNouns = wordSet("palace residence chancellery presidency")

func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// coordinatedNames: the speaker phrase [a, b) joins capitalised names.
func (f *finder) coordinatedNames(a, b int) bool {
	return a >= 0 && b > a && f.toks[a].cap && f.toks[b-1].cap
}

// isPublication tells a speaker that is a news outlet: its name is one
// ("Bild", "The Wall Street Journal", "CNN", "Axios"), or the phrase calls
// it one ("German newspaper Bild", "the news agency Tass"). A phrase whose
// head is a person ("a reporter for the newspaper") is no outlet.
func (f *finder) isPublication(name string, kind, sa, sb int) bool {
	// A person's name may hold a masthead's word ("Emily Post"): a
	// person is an outlet only when named by one word, as outlets are.
	if kind != kPerson || f.entTypes[name] != news.Person && !strings.Contains(name, " ") {
		if sa >= 0 {
			for i := sa; i < sb; i++ {
				if f.toks[i].cap && outletNames[strings.TrimRight(f.word(i), ".’'")] {
					return true
				}
			}
		} else if outletNames[strings.ToLower(name)] {
			return true
		}
	}
	if sa < 0 {
		return false
	}
	if h := f.headOf(sa, sb); h >= 0 && !outletNouns[f.word(h)] && !f.toks[h].cap {
		return false // "a reporter for the newspaper"
	}
	for i := sa; i < sb; i++ {
		w := f.word(i)
		if outletNouns[w] {
			// the outlet noun heads the phrase, or stands before the
			// outlet's name: "newspaper Bild"
			rest := true
			for k := i + 1; k < sb; k++ {
				if !f.toks[k].cap && f.toks[k].kind == tWord {
					rest = false
				}
			}
			return rest
		}
		if w == "news" && i+1 < sb && (f.word(i+1) == "agency" || f.word(i+1) == "outlet" || f.word(i+1) == "site") {
			return true
		}
	}
	return false
}

// outletNouns name a publication or broadcaster.
var outletNouns = wordSet(`newspaper newspapers magazine magazines tabloid tabloids daily weekly broadsheet outlet outlets
broadcaster broadcasters website websites blog wire newsletter paper`)

// outletNames are words that, in a speaker's name, make it a news outlet:
// the nouns of mastheads and the names of the best-known outlets and
// agencies.
var outletNames = wordSet(`times post journal tribune herald gazette telegraph guardian chronicle inquirer examiner
courier dispatch observer economist newsweek politico axios reuters bloomberg cnn msnbc cnbc bbc npr pbs abc cbs
nbc fox ap afp upi dpa ansa efe tass interfax ria xinhua kyodo yonhap bild spiegel zeit faz süddeutsche figaro
monde libération repubblica corriere país mundo izvestia kommersant vedomosti pravda haaretz aljazeera jazeera
breitbart huffpost buzzfeed vox slate salon axios semafor punchbowl hill newsmax oann thehill washingtonpost nytimes
wsj usa-today`)
