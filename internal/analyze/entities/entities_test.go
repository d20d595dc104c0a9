package entities

import (
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

// findEntity finds an entity by name in a list.
func findEntity(es []news.Entity, name string) (news.Entity, bool) {
	for _, e := range es {
		if e.Name == name {
			return e, true
		}
	}
	return news.Entity{}, false
}

func describe(es []news.Entity) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(string(e.Type) + ":" + e.Name)
		if len(e.Aliases) > 0 {
			b.WriteString("[" + strings.Join(e.Aliases, ",") + "]")
		}
		b.WriteString(" ")
	}
	return b.String()
}

type want struct {
	name    string
	typ     news.EntityType
	aliases []string // when not nil, exactly these
	count   int      // when > 0, exactly this many mentions
}

// checkEntities requires of es the entities of want, and none named as
// absent.
func checkEntities(t *testing.T, es []news.Entity, want []want, absent []string) {
	t.Helper()
	for _, w := range want {
		e, ok := findEntity(es, w.name)
		if !ok {
			t.Errorf("no %s %q in %s", w.typ, w.name, describe(es))
			continue
		}
		if e.Type != w.typ {
			t.Errorf("%q: type %s, want %s", w.name, e.Type, w.typ)
		}
		if w.aliases != nil && strings.Join(e.Aliases, "|") != strings.Join(w.aliases, "|") {
			t.Errorf("%q: aliases %q, want %q", w.name, e.Aliases, w.aliases)
		}
		if w.count > 0 && e.Mentions != w.count {
			t.Errorf("%q: %d mentions, want %d (%s)", w.name, e.Mentions, w.count, describe(es))
		}
	}
	for _, a := range absent {
		if _, ok := findEntity(es, a); ok {
			t.Errorf("%q should not be an entity: %s", a, describe(es))
		}
	}
}

func TestRecognition(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   []want
		absent []string
	}{
		{"title and surname merge",
			"U.S. Secretary of State Antony Blinken spoke in Kyiv. Blinken said the talks went well. Secretary of State Antony Blinken left.",
			[]want{{"Antony Blinken", news.Person, []string{"Blinken"}, 3}, {"Kyiv", news.Place, nil, 1}, {"United States", news.Place, []string{"U.S."}, 1}},
			[]string{"Secretary", "U.S. Secretary of State Antony Blinken", "Secretary of State Antony Blinken"}},
		{"transliteration variants",
			"Russian Foreign Minister Sergei Lavrov met reporters. Later Sergey Lavrov said no.",
			[]want{{"Sergei Lavrov", news.Person, []string{"Sergey Lavrov"}, 2}},
			[]string{"Russian", "Russia"}},
		{"secretary-general spelling",
			"NATO Secretary General Jens Stoltenberg spoke in Brussels. NATO Secretary-General Jens Stoltenberg repeated it.",
			[]want{{"Jens Stoltenberg", news.Person, nil, 2}, {"NATO", news.Organization, nil, 2}, {"Brussels", news.Place, nil, 1}},
			nil},
		{"country forms",
			"The U.S. and the United States of America, the US and America are one. The UK, Britain and the U.K. too.",
			[]want{{"United States", news.Place, nil, 4}, {"United Kingdom", news.Place, nil, 3}},
			nil},
		{"adjectives are not places",
			"Russian troops gathered near the Ukrainian border while American diplomats met European partners.",
			nil,
			[]string{"Russia", "Ukraine", "United States", "Russian", "Ukrainian", "American", "European"}},
		{"organisation cues",
			"The Russian Foreign Ministry said the Bank of England and Moscow State University agreed. The Kremlin and the White House, the Pentagon and the State Department did not.",
			[]want{{"Russian Foreign Ministry", news.Organization, nil, 1}, {"Bank of England", news.Organization, nil, 1},
				{"Moscow State University", news.Organization, nil, 1}, {"Kremlin", news.Organization, nil, 1},
				{"White House", news.Organization, nil, 1}, {"Pentagon", news.Organization, nil, 1}, {"State Department", news.Organization, nil, 1}},
			[]string{"Moscow", "England"}},
		{"acronyms",
			"The North Atlantic Treaty Organization (NATO) met. The Verkhovna Rada Defence Committee and the SBU spoke; AM and TV are no names.",
			[]want{{"NATO", news.Organization, []string{"North Atlantic Treaty Organization"}, 2}, {"SBU", news.Organization, nil, 1}},
			[]string{"AM", "TV"}},
		{"sentence starts",
			"Meanwhile, the talks stalled. However Moscow refused. Putting things in writing helps. Pramila Jayapal spoke. Support independent journalism.",
			[]want{{"Moscow", news.Place, nil, 1}, {"Pramila Jayapal", news.Person, nil, 1}},
			[]string{"Meanwhile", "However", "Putting", "Support"}},
		{"surname before and after the full name",
			"Kuleba wrote on Twitter. Foreign Minister Dmytro Kuleba said so, and Kuleba's deputy agreed.",
			[]want{{"Dmytro Kuleba", news.Person, []string{"Kuleba"}, 3}, {"Twitter", news.Organization, nil, 1}},
			nil},
		{"lower-case titles and appositives",
			"Russia's foreign minister Sergey Lavrov spoke to congresswoman Barbara Lee and Olaf Scholz, the German chancellor.",
			[]want{{"Sergey Lavrov", news.Person, nil, 1}, {"Barbara Lee", news.Person, nil, 1}, {"Olaf Scholz", news.Person, nil, 1}, {"Russia", news.Place, nil, 1}},
			nil},
		{"place cues",
			"Shelling hit the city of Avdiivka, the Donetsk region and villages in Pisky near the Black Sea.",
			[]want{{"Avdiivka", news.Place, nil, 1}, {"Donetsk", news.Place, nil, 1}, {"Pisky", news.Place, nil, 1}, {"Black Sea", news.Place, nil, 1}},
			nil},
		{"particles and initials",
			"Mayor Bill de Blasio met George W. Bush and Ursula von der Leyen in New York City.",
			[]want{{"Bill de Blasio", news.Person, nil, 1}, {"George W. Bush", news.Person, nil, 1}, {"Ursula von der Leyen", news.Person, nil, 1}, {"New York City", news.Place, nil, 1}},
			nil},
		{"shape alone needs a real name",
			"Planned Parenthood sued, and planned cuts followed. Chloé Zhao took home the prize.",
			[]want{{"Chloé Zhao", news.Person, nil, 1}},
			[]string{"Planned"}},
		{"a lone surname stays as the article gives it",
			"President Trump praised the House speaker after the vote.",
			[]want{{"Trump", news.Person, nil, 1}},
			[]string{"Donald Trump"}},
		{"headline capitals prove little",
			"Latest Updates From The Front Line\nThe army advanced.",
			nil,
			[]string{"Latest Updates", "Front Line", "Updates", "Front"}},
		{"possessive and hyphen",
			"NATO’s door is open, the U.S.-led alliance said; Kyiv-based analysts agreed.",
			[]want{{"NATO", news.Organization, nil, 1}, {"United States", news.Place, nil, 1}, {"Kyiv", news.Place, nil, 1}},
			nil},
		{"prefixed titles",
			"Miami-Dade Mayor Daniella Levine Cava and District Judge Robert Pitman spoke.",
			[]want{{"Daniella Levine Cava", news.Person, nil, 1}, {"Robert Pitman", news.Person, nil, 1}},
			[]string{"Miami-Dade Mayor Daniella Levine Cava", "District Judge Robert Pitman"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEntities(t, Find(tt.text, nil, "").Entities(), tt.want, tt.absent)
		})
	}
}

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Sergei Lavrov", "Sergey Lavrov", "Sergej Lavrov", "SERGEI LAVROV"},
		{"Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskii", "Zelenski"},
		{"Dmitry Peskov", "Dmitri Peskov", "Dmitriy Peskov"},
		{"Alexei Navalny", "Aleksei Navalny", "Alexey Navalny", "Aleksey Navalnyy"},
		{"Yevgeny Prigozhin", "Evgeny Prigozhin", "Yevgeniy Prigozhin"},
		{"Secretary General", "Secretary-General", "secretary general"},
		{"Gerhard Schröder", "Gerhard Schroeder"},
		{"Mohammed", "Mohamed"},
		{"Kharkiv", "Kharkov"},
		{"U.S.", "US", "United States", "USA", "America"},
		{"NATO", "North Atlantic Treaty Organization"},
		{"Kiev", "Kyiv"},
		{"World Health Organisation", "World Health Organization"},
		{"Raphael", "Rafael"},
	}
	for _, group := range same {
		k := NameKey(group[0])
		for _, n := range group[1:] {
			if NameKey(n) != k {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want equal", group[0], k, n, NameKey(n))
			}
		}
	}
	different := [][2]string{
		{"Sergei Lavrov", "Sergei Ivanov"},
		{"Dmytro Kuleba", "Dmitry Kuleba"},
		{"Joe Biden", "Jill Biden"},
		{"Austria", "Australia"},
		{"Sudan", "South Sudan"},
	}
	for _, p := range different {
		if NameKey(p[0]) == NameKey(p[1]) {
			t.Errorf("NameKey(%q) == NameKey(%q) = %q: want different", p[0], p[1], NameKey(p[0]))
		}
	}
}

func TestResolve(t *testing.T) {
	text := "U.S. Secretary of State Antony Blinken said at a briefing that talks went well. " +
		"“We will uphold the principle,” he said. " +
		"Russian Foreign Minister Sergei Lavrov told lawmakers that he would advise President Vladimir Putin. " +
		"“There was no positive answer,” Lavrov said. " +
		"The Russian Foreign Ministry said in a statement that it had received the reply. " +
		"A senior official said the mood was grim. " +
		"Congresswoman Barbara Lee met Lee and Jayapal. “We continue to watch,” she said. " +
		"The secretary added that the door was open. The minister disagreed. " +
		"Ukraine’s foreign minister Dmytro Kuleba spoke. Mr. Trump was silent."
	x := Find(text, nil, "")
	at := func(s string) int {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		return i
	}
	tests := []struct {
		phrase string
		at     int
		want   string
	}{
		{"he", at("he said."), "Antony Blinken"},
		{"he", at("“We will uphold"), "Antony Blinken"},
		{"he", at("he would advise"), "Sergei Lavrov"},
		{"Lavrov", at("Lavrov said"), "Sergei Lavrov"},
		{"Blinken", len(text), "Antony Blinken"},
		{"U.S. Secretary of State Antony Blinken", 0, "Antony Blinken"},
		{"Secretary of State Antony Blinken", len(text), "Antony Blinken"},
		{"the Russian Foreign Ministry", at("The Russian Foreign Ministry"), "Russian Foreign Ministry"},
		{"the Russian Foreign Ministry", len(text), "Russian Foreign Ministry"},
		{"a senior official", at("A senior official"), ""},
		{"officials", len(text), ""},
		{"she", at("she said"), "Barbara Lee"},
		{"The secretary", at("The secretary"), "Antony Blinken"},
		{"the minister", at("The minister"), "Sergei Lavrov"},
		{"Ukraine's foreign minister", len(text), "Dmytro Kuleba"},
		{"Russia's foreign minister", len(text), "Sergei Lavrov"},
		{"Lee and Jayapal", at("Lee and Jayapal"), "Barbara Lee and Jayapal"},
		{"Mr. Trump", at("Mr. Trump"), "Trump"},
		{"Kremlin spokesman Dmitry Peskov", len(text), "Dmitry Peskov"},
		{"it", len(text), ""},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := x.Resolve(tt.phrase, tt.at); got != tt.want {
			t.Errorf("Resolve(%q, %d) = %q, want %q", tt.phrase, tt.at, got, tt.want)
		}
	}
}

func TestResolveGender(t *testing.T) {
	text := "Mrs. Harlow met Mr. Dunmore and Angela Pryce at the plant. He said little. " +
		"Afterwards Angela Pryce and Mr. Dunmore spoke. She was upbeat. He was not."
	x := Find(text, nil, "")
	at := func(s string) int { return strings.Index(text, s) }
	for _, tt := range []struct {
		phrase string
		at     int
		want   string
	}{
		{"He", at("He said"), "Dunmore"},
		{"She", at("She was"), "Angela Pryce"},
		{"He", at("He was not"), "Dunmore"},
		{"Mrs. Harlow", 0, "Harlow"},
	} {
		if got := x.Resolve(tt.phrase, tt.at); got != tt.want {
			t.Errorf("Resolve(%q, %d) = %q, want %q", tt.phrase, tt.at, got, tt.want)
		}
	}
}

func readSeed(t *testing.T, prefix string) string { return shareddata.SeedText(t, prefix) }

func TestSeeds(t *testing.T) {
	all := map[string][]news.Entity{}
	texts := map[string]string{}
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		texts[p] = readSeed(t, p)
		all[p] = Find(texts[p], nil, "").Entities()
	}
	must := func(seed, name string, typ news.EntityType) news.Entity {
		t.Helper()
		e, ok := findEntity(all[seed], name)
		if !ok {
			t.Errorf("%s: no %s %q in %s", seed, typ, name, describe(all[seed]))
			return e
		}
		if e.Type != typ {
			t.Errorf("%s: %q is %s, want %s", seed, name, e.Type, typ)
		}
		return e
	}
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		e := must(seed, "Antony Blinken", news.Person)
		if strings.Join(e.Aliases, "|") != "Blinken" {
			t.Errorf("%s: Antony Blinken aliases %q, want [Blinken]", seed, e.Aliases)
		}
		must(seed, "Ukraine", news.Place)
		must(seed, "Russia", news.Place)
		must(seed, "Moscow", news.Place)
		must(seed, "NATO", news.Organization)
		must(seed, "United States", news.Place)
	}
	l0 := must("000", "Sergei Lavrov", news.Person)
	l1 := must("001", "Sergey Lavrov", news.Person)
	must("003", "Sergey Lavrov", news.Person)
	if NameKey(l0.Name) != NameKey(l1.Name) {
		t.Errorf("NameKey(%q) != NameKey(%q)", l0.Name, l1.Name)
	}
	for _, seed := range []string{"000", "001", "002", "003"} {
		must(seed, "Jens Stoltenberg", news.Person)
	}
	must("000", "Dmytro Kuleba", news.Person)
	us := must("000", "United States", news.Place)
	if strings.Join(us.Aliases, "|") != "U.S.|US" {
		t.Errorf("000: United States aliases %q, want U.S. and US", us.Aliases)
	}
	us2 := must("002", "United States", news.Place)
	if strings.Join(us2.Aliases, "|") != "US" {
		t.Errorf("002: United States aliases %q, want US", us2.Aliases)
	}
	must("000", "Kyiv", news.Place)
	must("001", "Kyiv", news.Place)
	must("000", "Brussels", news.Place)
	must("001", "Brussels", news.Place)
	must("002", "Washington", news.Place)
	must("003", "Washington", news.Place)
	must("004", "Washington", news.Place)
	must("000", "Kremlin", news.Organization)
	must("003", "Russian Foreign Ministry", news.Organization)
	must("003", "Olaf Scholz", news.Person)
	must("003", "Alexander Grushko", news.Person)
	must("004", "Justin Trudeau", news.Person)
	must("004", "Canada", news.Place)
	for _, seed := range []string{"000", "001", "002", "003", "004"} {
		for _, bad := range []string{"Jan.", "Russian", "Meanwhile", "However", "Secretary", "Foreign Minister", "MORE NEWS", "Subscribe"} {
			if _, ok := findEntity(all[seed], bad); ok {
				t.Errorf("%s: %q should not be an entity", seed, bad)
			}
		}
	}

	// pronouns and titles in 001–003
	x := Find(texts["001"], nil, "")
	i := strings.Index(texts["001"], "“We will uphold")
	if got := x.Resolve("he", i); got != "Antony Blinken" {
		t.Errorf("001: Resolve(he) before “We will uphold…” = %q, want Antony Blinken", got)
	}
	i = strings.Index(texts["001"], "“This is about respecting")
	if got := x.Resolve("he", i); got != "Jens Stoltenberg" {
		t.Errorf("001: Resolve(he) before “This is about respecting…” = %q, want Jens Stoltenberg", got)
	}
	x2 := Find(texts["002"], nil, "")
	i = strings.Index(texts["002"], "The secretary added")
	if got := x2.Resolve("The secretary", i); got != "Antony Blinken" {
		t.Errorf("002: Resolve(The secretary) = %q, want Antony Blinken", got)
	}
	x3 := Find(texts["003"], nil, "")
	i = strings.Index(texts["003"], "\"I can't be more clear")
	if got := x3.Resolve("he", i); got != "Antony Blinken" {
		t.Errorf("003: Resolve(he) before “I can't be more clear” = %q, want Antony Blinken", got)
	}
	i = strings.Index(texts["003"], "the Russian Foreign Ministry said")
	if got := x3.Resolve("the Russian Foreign Ministry", i); got != "Russian Foreign Ministry" {
		t.Errorf("003: Resolve(the Russian Foreign Ministry) = %q", got)
	}
	i = strings.Index(texts["003"], "\"If the West continues")
	if got := x3.Resolve("he", i); got != "Sergey Lavrov" {
		t.Errorf("003: Resolve(he) before “If the West continues” = %q, want Sergey Lavrov", got)
	}
}

// TestDeterministic: the same text gives the same result, every time.
func TestDeterministic(t *testing.T) {
	text := readSeed(t, "003")
	first := describe(Find(text, nil, "").Entities())
	for i := 0; i < 20; i++ {
		if got := describe(Find(text, nil, "").Entities()); got != first {
			t.Fatalf("run %d differs:\n%s\n%s", i, got, first)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("U.S. Secretary of State Antony Blinken said “we will” in Kyiv.", "he", 10)
	f.Add("NATO’s Secretary-General Jens Stoltenberg (NATO) told the U.S.-led al-Assad d'Estaing O'Brien", "the secretary", 0)
	f.Add("’s ' - -- . .. U. S. A.B.C. Mr. Jan. 26 ×", "Mr.", 3)
	f.Add("Президент Владимир Путин заявил. 美国周三", "she", 100)
	f.Add("Позже Пригожин заявил, что Евгением Пригожиным в Москве; ФСБ НАТО Тверской области. Λαβρόφ Μητσοτάκης", "он", 7)
	f.Add("أعلن الرئيس البيلاروسي ألكسندر لوكاشينكو في موسكو. وقال لوكاشينكو وبموسكو لل", "هو", 5)
	f.Add("Außenminister Sergej Lawrow in Richtung Moskau, Prigoschins Leute; l’Ingouchie, Samandağ'da l'da Erdoğan'ın", "er", 2)
	f.Fuzz(func(t *testing.T, text, phrase string, at int) {
		for _, lang := range [...]string{"", "ru", "ar", "de", "tr"} {
			x := Find(text, nil, lang)
			for _, e := range x.Entities() {
				if e.Name == "" || e.Mentions <= 0 {
					t.Fatalf("bad entity %+v (%s)", e, lang)
				}
			}
			x.Resolve(phrase, at)
			x.Resolve(phrase, -at)
		}
		_ = NameKey(text)
		_ = Key(text, news.Place, "ru")
	})
}
