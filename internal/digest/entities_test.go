package digest

import (
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/analyze/entities"
	"github.com/chorusnews/chorus/internal/news"
)

// reported is an article of a story with the entities the recogniser
// finds in it.
func reported(id, lang, published, text string) news.Analyzed {
	a := news.Analyzed{Article: news.Article{ID: id, Outlet: id, Language: lang, Published: published, Text: text}}
	a.Entities = entities.Find(text, nil, lang).Entities()
	return a
}

// entityNamed finds the story's entity that has the name among its names.
func entityNamed(es []news.StoryEntity, name string) (news.StoryEntity, int) {
	found, n := news.StoryEntity{}, 0
	for _, e := range es {
		if e.Name == name || slices.Contains(e.Aliases, name) {
			found = e
			n++
		}
	}
	return found, n
}

func describeStory(es []news.StoryEntity) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(string(e.Type) + ":" + e.Name + "[" + strings.Join(e.Aliases, ",") + "] ")
	}
	return b.String()
}

// TestEntitiesAcrossLanguages builds a story of three reports of one
// meeting in Russian, German and English: Lavrov is one person under every
// spelling and case, Geneva one place.
func TestEntitiesAcrossLanguages(t *testing.T) {
	s := Build("s", []news.Analyzed{
		reported("ru", "ru", "2022-01-21",
			"Министр иностранных дел России Сергей Лавров провел переговоры с госсекретарем США Энтони Блинкеном в Женеве. "+
				"По словам Лаврова, Москва ждет письменного ответа. «Мы договорились продолжить диалог», — заявил Лавров."),
		reported("de", "de", "2022-01-21",
			"Der russische Außenminister Sergej Lawrow hat sich in Genf mit US-Außenminister Antony Blinken getroffen. "+
				"Moskau erwarte eine schriftliche Antwort, sagte Lawrow nach dem Treffen."),
		reported("en", "en", "2022-01-21",
			"Russian Foreign Minister Sergey Lavrov met Secretary of State Antony Blinken in Geneva on Friday. "+
				"Lavrov said Moscow expected a written answer next week."),
	}, DefaultOptions())
	lavrov, n := entityNamed(s.Entities, "Sergey Lavrov")
	if n != 1 {
		t.Fatalf("Sergey Lavrov is in %d entities: %s", n, describeStory(s.Entities))
	}
	if lavrov.Type != news.Person || !slices.Equal(lavrov.Articles, []string{"de", "en", "ru"}) {
		t.Errorf("Lavrov: %s in %v, want a person in all three", lavrov.Type, lavrov.Articles)
	}
	for _, name := range []string{"Сергей Лавров", "Sergej Lawrow", "Sergey Lavrov"} {
		if lavrov.Name != name && !slices.Contains(lavrov.Aliases, name) {
			t.Errorf("%q is not among Lavrov's names %q, %q", name, lavrov.Name, lavrov.Aliases)
		}
	}
	for _, name := range []string{"Сергей Лавров", "Лавров", "Лаврова", "Sergej Lawrow", "Lawrow", "Sergey Lavrov", "Lavrov"} {
		if _, n := entityNamed(s.Entities, name); n > 1 {
			t.Errorf("%q names %d entities: %s", name, n, describeStory(s.Entities))
		}
	}
	for _, place := range [][]string{{"Geneva", "Genf", "Женева"}, {"Moscow", "Moskau", "Москва"}} {
		e, n := entityNamed(s.Entities, place[0])
		if n != 1 || e.Type != news.Place {
			t.Errorf("%s: %d entities, %s: %s", place[0], n, e.Type, describeStory(s.Entities))
			continue
		}
		for _, name := range place[1:] {
			if e.Name != name && !slices.Contains(e.Aliases, name) {
				t.Errorf("%q is not among %s's names %q", name, place[0], e.Aliases)
			}
		}
	}
	blinken, n := entityNamed(s.Entities, "Antony Blinken")
	if n != 1 || len(blinken.Articles) != 3 || !slices.Contains(blinken.Aliases, "Энтони Блинкеном") {
		t.Errorf("Antony Blinken: %d entities over %v: %s", n, blinken.Articles, describeStory(s.Entities))
	}
}

// TestEntitiesMergeBySound checks that spellings languages give one name
// beyond what keys fold join, and that names that only sound alike, or
// that one language writes both, stay apart.
func TestEntitiesMergeBySound(t *testing.T) {
	person := func(name, lang string) news.Entity {
		return news.Entity{Name: name, Type: news.Person, Mentions: 1, Key: entities.Key(name, news.Person, lang)}
	}
	story := func(es ...[]news.Entity) news.Story {
		var arts []news.Analyzed
		for i, e := range es {
			a := news.Analyzed{Article: news.Article{ID: string(rune('a' + i)), Outlet: string(rune('A' + i)), Language: e[0].Aliases[0]}}
			for _, x := range e {
				x.Aliases = nil
				a.Entities = append(a.Entities, x)
			}
			arts = append(arts, a)
		}
		return Build("s", arts, DefaultOptions())
	}
	in := func(lang string, es ...news.Entity) []news.Entity {
		es[0].Aliases = []string{lang} // carries the article's language to story()
		return es
	}
	s := story(
		in("en", person("Yevgeny Prigozhin", "en"), person("Vladimir Putin", "en"), person("Joe Biden", "en")),
		in("de", person("Jewgeni Prigoschin", "de"), person("Wladimir Putin", "de")),
		in("fr", person("Evgueni Prigojine", "fr"), person("Vladimir Poutine", "fr")),
		in("ar", person("يفغيني بريغوجن", "ar")),
		in("ru", person("Путин", "ru"), person("Байден", "ru")),
	)
	for _, group := range [][]string{
		{"Yevgeny Prigozhin", "Jewgeni Prigoschin", "Evgueni Prigojine", "يفغيني بريغوجن"},
		{"Vladimir Putin", "Wladimir Putin", "Vladimir Poutine", "Путин"},
		{"Joe Biden", "Байден"},
	} {
		e, n := entityNamed(s.Entities, group[0])
		if n != 1 {
			t.Errorf("%s: %d entities: %s", group[0], n, describeStory(s.Entities))
			continue
		}
		for _, name := range group[1:] {
			if e.Name != name && !slices.Contains(e.Aliases, name) {
				t.Errorf("%q is not among %s's names: %s", name, group[0], describeStory(s.Entities))
			}
		}
	}
	// Putin and Biden sound alike (b-d-n) but English writes both.
	s = story(in("en", person("Putin", "en"), person("Biden", "en")), in("en", person("Biden", "en")), in("fr", person("Poutine", "fr")))
	if len(s.Entities) != 2 {
		t.Errorf("want Putin (Poutine) and Biden apart: %s", describeStory(s.Entities))
	}
}

// TestMergeKeepsRoles: the titles that one spelling's articles give a
// person still tell who a description stands for once the spellings are
// merged.
func TestMergeKeepsRoles(t *testing.T) {
	group := func(key string, roles ...news.Role) *entityGroup {
		return &entityGroup{key: key, names: map[string]*nameUse{}, articles: map[string]bool{}, into: -1, roles: roles}
	}
	groups := []*entityGroup{
		group("lavrov sergei", news.Role{Title: "foreign minister", Of: "Russia"}),
		group("lavrov sergey"),
		group("kuleba dmytro", news.Role{Title: "foreign minister", Of: "Ukraine"}),
	}
	merge(groups, 0, 1)
	x := &storyEntities{groups: groups}
	if g, ok := x.described("russia's foreign minister"); !ok || g != 1 {
		t.Errorf("described(russia's foreign minister) = %d, %v; want the merged group 1", g, ok)
	}
	if g, ok := x.described("ukraine's foreign minister"); !ok || g != 2 {
		t.Errorf("described(ukraine's foreign minister) = %d, %v; want 2", g, ok)
	}
}

func TestRoleFit(t *testing.T) {
	ukraineFM := []news.Role{{Title: "foreign minister"}}
	russiaFM := []news.Role{{Title: "foreign minister"}, {Title: "foreign minister", Of: "Russia"}}
	for _, c := range []struct {
		desc  string
		roles []news.Role
		want  int
	}{
		{"ukraine’s foreign minister", ukraineFM, fitLoose},
		{"ukraine’s foreign minister", russiaFM, fitNone}, // known to be Russia's
		{"russia's foreign minister", russiaFM, fitExact},
		{"the russian foreign minister", russiaFM, fitExact},
		{"the foreign minister", russiaFM, fitLoose},
		{"russia's deputy foreign minister", russiaFM, fitNone}, // says more than title and owner
		{"a senior official", russiaFM, fitNone},
		{"the foreign ministers", ukraineFM, fitNone}, // whole words only
	} {
		if got := roleFit(c.desc, c.roles); got != c.want {
			t.Errorf("roleFit(%q, %v) = %d, want %d", c.desc, c.roles, got, c.want)
		}
	}
}

// TestMostUsedTies: a tie between keys is broken the same way whatever
// order the map gives them in.
func TestMostUsedTies(t *testing.T) {
	for _, c := range []struct {
		m          map[string]int
		preferLong bool
		want       string
	}{
		{map[string]int{"publication": 1, "person": 1}, false, "person"},
		{map[string]int{"publication": 1, "person": 1}, true, "publication"},
		{map[string]int{"b": 1, "a": 1, "cc": 2}, false, "cc"},
		{map[string]int{"Lavrov": 1, "Sergey Lavrov": 1}, true, "Sergey Lavrov"},
	} {
		for range 20 { // maps iterate in a new order each time
			if got := mostUsed(c.m, c.preferLong); got != c.want {
				t.Fatalf("mostUsed(%v, %v) = %q, want %q", c.m, c.preferLong, got, c.want)
			}
		}
	}
}
