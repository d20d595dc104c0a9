package digest

import (
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/analyze"
	"github.com/chorusnews/chorus/internal/analyze/entities"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/words"
)

// lavrovTalks is one meeting told in German (twice), French, Russian and
// English, each quoting Sergei Lavrov, with the openers, nouns and glued
// nouns that the English phrase rules took for speakers.
func lavrovTalks() []news.Analyzed {
	var out []news.Analyzed
	for _, a := range []struct{ id, lang, text string }{
		{"de1", "de", "Der russische Außenminister Sergej Lawrow hat am Mittwoch in Genf mit seinem amerikanischen Kollegen über die Lage an der Grenze gesprochen. " +
			"„Wir haben keine positive Antwort auf die Hauptfrage erhalten“, sagte Lawrow nach dem Treffen. " +
			"Die Armee sagte, die Lage an der Grenze sei ruhig und die Truppen blieben in ihren Stellungen."},
		{"de2", "de", "Sergej Lawrow hat in Genf die schriftliche Antwort der Vereinigten Staaten kritisiert. " +
			"Das sind die Forderungen, deren Ablehnung Lawrow schon vor dem Treffen kritisiert hat. " +
			"„Unsere Geduld ist am Ende, und das wissen sie auch“, sagt Lawrow."},
		{"fr", "fr", "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré mercredi à Genève son homologue américain pour parler de la frontière. " +
			"« Nous n'avons pas reçu de réponse positive à la question principale », a déclaré Sergueï Lavrov. " +
			"En réaction, un « régime d'alerte renforcée » est instauré à Moscou et dans sa région."},
		{"ru", "ru", "Министр иностранных дел России Сергей Лавров в среду провел переговоры в Женеве со своим американским коллегой. " +
			"«Мы не получили положительного ответа на главный вопрос», — заявил Сергей Лавров после встречи. " +
			"В течение дня дипломаты спорили, чтобы «не допустить эскалации на границе» в ближайшие недели."},
		{"en", "en", "Russian Foreign Minister Sergei Lavrov met his American counterpart in Geneva on Wednesday to discuss the border. " +
			"“There was no positive answer to the main question,” Lavrov said after the talks, which lasted for more than an hour."},
	} {
		out = append(out, analyze.Analyze(news.Article{ID: a.id, Outlet: a.id + ".example", Language: a.lang, Published: "2022-01-26", Text: a.text}))
	}
	return out
}

// TestMultilingualSpeakers: in a story of five languages no quote is said
// by a function word, a noun or a noun glued to a name; every speaker is a
// person or organisation of the story's entity list, by the name it shows;
// and that name is the form of the language the story is told in.
func TestMultilingualSpeakers(t *testing.T) {
	arts := lavrovTalks()
	s := Build("s", arts, DefaultOptions())
	if s.SummaryLanguage != "de" {
		t.Fatalf("story told in %q, want de", s.SummaryLanguage)
	}
	for lang, want := range map[string]string{"": "Sergej Lawrow", "de": "Sergej Lawrow", "fr": "Sergueï Lavrov", "ru": "Сергей Лавров", "en": "Sergei Lavrov"} {
		st := s
		if lang != "" {
			st = Localize(s, arts, lang, DefaultOptions())
		}
		lavrov, n := entityNamed(st.Entities, want)
		if n != 1 || lavrov.Name != want {
			t.Errorf("told in %q: Lavrov shown as %q, want %q: %s", lang, lavrov.Name, want, describeStory(st.Entities))
			continue
		}
		for _, other := range []string{"Sergej Lawrow", "Sergueï Lavrov", "Сергей Лавров", "Sergei Lavrov"} {
			if other != want && !slices.Contains(lavrov.Aliases, other) {
				t.Errorf("told in %q: %q is not among Lavrov's aliases %q", lang, other, lavrov.Aliases)
			}
		}
		speakers := map[string]bool{}
		for _, e := range st.Entities {
			if e.Type == news.Person || e.Type == news.Organization {
				speakers[e.Name] = true
			}
		}
		byLavrov := 0
		for _, q := range st.Quotes {
			first := strings.ToLower(strings.Fields(q.Speaker + " x")[0])
			for _, l := range []string{"de", "fr", "ru", "en"} {
				if words.For(l).Stop(first) {
					t.Errorf("told in %q: %q said by a function word: %q", lang, q.Text, q.Speaker)
				}
			}
			if !speakers[q.Speaker] {
				t.Errorf("told in %q: %q said by %q, none of the story's people and organisations", lang, q.Text, q.Speaker)
			}
			if q.Speaker == want {
				byLavrov++
			}
		}
		if byLavrov < 4 {
			t.Errorf("told in %q: %d quotes by %s, want his four statements: %+v", lang, byLavrov, want, st.Quotes)
		}
	}
}

// TestShownName: an entity is shown by a form articles in the story's
// language name it by, else by one in Latin script, else by the form most
// articles use; the others are its aliases.
func TestShownName(t *testing.T) {
	ent := func(name string, typ news.EntityType, lang string, aliases ...string) news.Entity {
		return news.Entity{Name: name, Type: typ, Mentions: 1, Aliases: aliases, Key: entities.Key(name, typ, lang)}
	}
	art := func(id, lang string, es ...news.Entity) news.Analyzed {
		return news.Analyzed{Article: news.Article{ID: id, Outlet: id, Language: lang, Published: "2023-06-24"}, Entities: es}
	}
	arts := []news.Analyzed{
		art("de1", "de", ent("Jewgeni Prigoschin", news.Person, "de"), ent("Moskau", news.Place, "de", "Moskaus")),
		art("de2", "de", ent("Moskau", news.Place, "de")),
		art("en1", "en", ent("Yevgeny Prigozhin", news.Person, "en"), ent("Alexander Lukashenko", news.Person, "en"), ent("Moscow", news.Place, "en")),
		art("ru1", "ru", ent("Евгений Пригожин", news.Person, "ru"), ent("Александр Лукашенко", news.Person, "ru"), ent("Сергей Лавров", news.Person, "ru")),
		art("ru2", "ru", ent("Александр Лукашенко", news.Person, "ru"), ent("Сергей Лавров", news.Person, "ru"), ent("Москва", news.Place, "ru")),
		art("ar1", "ar", ent("سيرغي لافروف", news.Person, "ar")),
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		// German: the German forms; Lukashenko has none, so the Latin one
		// before the Russian two articles use; Lavrov has no Latin one,
		// so the form most articles use.
		{"de", []string{"Jewgeni Prigoschin", "Moskau", "Alexander Lukashenko", "Сергей Лавров"}},
		{"ru", []string{"Евгений Пригожин", "Москва", "Александр Лукашенко", "Сергей Лавров"}},
		{"en", []string{"Yevgeny Prigozhin", "Moscow", "Alexander Lukashenko", "Сергей Лавров"}},
	} {
		o := DefaultOptions()
		o.Lang = tc.lang
		s := Build("s", arts, o)
		if e, _ := entityNamed(s.Entities, "سيرغي لافروف"); e.Name != "Сергей Лавров" {
			t.Errorf("told in %s: Lavrov is %q, not the form two articles use, Сергей Лавров: %s", tc.lang, e.Name, describeStory(s.Entities))
		}
		for _, name := range tc.want {
			e, n := entityNamed(s.Entities, name)
			if n != 1 || e.Name != name {
				t.Errorf("told in %s: want %q shown, got %q: %s", tc.lang, name, e.Name, describeStory(s.Entities))
			}
		}
	}
}

// TestQuoteWithoutSpeaker: a quote one article gives no speaker takes the
// speaker another gives it; one no article gives a speaker is left out.
func TestQuoteWithoutSpeaker(t *testing.T) {
	a := art("a", "One", "2022-01-26", "", "")
	a.Entities = []news.Entity{{Name: "Sergej Lawrow", Type: news.Person, Key: "serg lavrov"}}
	a.Quotes = []news.Quote{
		{Speaker: "", Text: "Wir haben keine positive Antwort auf die Hauptfrage erhalten", Cue: "sagte", Direct: true},
		{Speaker: "", Text: "Die Lage an der Grenze bleibt nach Angaben der Armee ruhig", Cue: "sagte", Direct: true},
	}
	b := art("b", "Two", "2022-01-26", "", "")
	b.Entities = []news.Entity{{Name: "Sergej Lawrow", Type: news.Person, Key: "serg lavrov", Aliases: []string{"Lawrow"}}}
	b.Quotes = []news.Quote{{Speaker: "Lawrow", Text: "Wir haben keine positive Antwort auf die Hauptfrage erhalten", Cue: "sagte", Direct: true}}
	s := Build("s", []news.Analyzed{a, b}, DefaultOptions())
	if len(s.Quotes) != 1 || s.Quotes[0].Speaker != "Sergej Lawrow" || !slices.Equal(s.Quotes[0].Articles, []string{"a", "b"}) {
		t.Errorf("quotes = %+v", s.Quotes)
	}
}
