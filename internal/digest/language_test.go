package digest

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// rateCut is one event told in English, German and French: the ECB's first
// rate cut. German and English have two articles each, and the first German
// one comes first, so German is the main language.
func rateCut() []news.Analyzed {
	a := func(id, lang, outlet, published, title, text string) news.Analyzed {
		x := art(id, outlet, published, title, text)
		x.Language = lang
		return x
	}
	return []news.Analyzed{
		a("en1", "en", "Wire", "2024-06-06T13:20:00Z", "ECB cuts interest rates for the first time since 2019",
			"The European Central Bank cut its deposit rate to 3.75% from 4% on Thursday, its first cut since 2019.\n\n"+
				"Christine Lagarde said 25 of the 26 members of the Governing Council backed the decision in Frankfurt.\n\n"+
				"Inflation in the euro area stood at 2.6% in May, above the bank's target of 2%."),
		a("en2", "en", "Daily", "2024-06-06T14:00:00Z", "European Central Bank lowers rates",
			"The European Central Bank lowered its deposit rate to 3.75% on Thursday, the first cut since 2019.\n\n"+
				"Christine Lagarde said the bank was not committing to any further cuts this year.\n\n"+
				"Economists expect one more cut before the end of the year as wage growth slows."),
		a("de1", "de", "Zeitung", "2024-06-06T12:15:00Z", "EZB senkt erstmals seit 2019 die Zinsen",
			"Die Europäische Zentralbank senkt den Einlagenzins von 4 auf 3,75 Prozent, wie die Notenbank am Donnerstag mitteilte.\n\n"+
				"Laut Christine Lagarde stimmten 25 der 26 Mitglieder des Rates in Frankfurt für die Senkung.\n\n"+
				"Die Inflation im Euroraum lag im Mai bei 2,6 Prozent und damit über dem Ziel der Notenbank."),
		a("de2", "de", "Blatt", "2024-06-06T15:00:00Z", "Zinswende der EZB",
			"Die Europäische Zentralbank hat den Leitzins zum ersten Mal seit 2019 gesenkt, der Einlagenzins sinkt auf 3,75 Prozent.\n\n"+
				"Christine Lagarde ließ offen, ob in diesem Jahr weitere Schritte folgen werden.\n\n"+
				"Sparer bekommen nun weniger Zinsen auf ihr Tagesgeld, Kreditnehmer zahlen etwas weniger."),
		a("fr1", "fr", "Journal", "2024-06-06T16:00:00Z", "La BCE baisse ses taux pour la première fois depuis 2019",
			"La Banque centrale européenne a abaissé jeudi son taux de dépôt à 3,75 %, contre 4 % auparavant.\n\n"+
				"Selon Christine Lagarde, 25 des 26 membres du Conseil des gouverneurs ont soutenu la décision à Francfort.\n\n"+
				"L'inflation dans la zone euro était de 2,6 % en mai, au-dessus de la cible de la banque."),
	}
}

// textsIn returns the texts and titles of the articles in lang.
func textsIn(arts []news.Analyzed, lang string) (texts, titles []string) {
	for _, a := range arts {
		if a.Language == lang {
			texts = append(texts, a.Text)
			titles = append(titles, a.Title)
		}
	}
	return texts, titles
}

func languageOf(arts []news.Analyzed) map[string]string {
	m := map[string]string{}
	for _, a := range arts {
		m[a.ID] = a.Language
	}
	return m
}

// checkTold checks that the story's title and summary come from the
// articles in lang, and returns how many citations cross to another
// language.
func checkTold(t *testing.T, s news.Story, arts []news.Analyzed, lang string) int {
	t.Helper()
	if s.SummaryLanguage != lang {
		t.Errorf("summary language %q, want %q", s.SummaryLanguage, lang)
	}
	texts, titles := textsIn(arts, lang)
	if !slices.Contains(titles, s.Title) {
		t.Errorf("title %q is none of the %s titles %q", s.Title, lang, titles)
	}
	if len(s.Summary) == 0 {
		t.Fatal("no summary")
	}
	langOf := languageOf(arts)
	cross := 0
	for _, c := range s.Summary {
		if !slices.ContainsFunc(texts, func(x string) bool { return strings.Contains(x, c.Text) }) {
			t.Errorf("summary sentence %q is not from a %s article", c.Text, lang)
		}
		own := false
		for _, id := range c.Articles {
			if langOf[id] == lang {
				own = true
			} else {
				cross++
			}
		}
		if !own {
			t.Errorf("summary sentence %q cites no article of its own language: %v", c.Text, c.Articles)
		}
	}
	return cross
}

func TestMultilingualStory(t *testing.T) {
	arts := rateCut()
	s := Build("s", arts, DefaultOptions())
	if s.Language != "de" {
		t.Errorf("main language %q, want de (a tie with en, broken by the earliest article)", s.Language)
	}
	if want := map[string]int{"de": 2, "en": 2, "fr": 1}; !maps.Equal(s.Languages, want) {
		t.Errorf("languages %v, want %v", s.Languages, want)
	}
	if checkTold(t, s, arts, "de") == 0 {
		t.Errorf("no German summary sentence cites an article in another language: %+v", s.Summary)
	}

	for _, lang := range []string{"en", "fr"} {
		o := DefaultOptions()
		o.Lang = lang
		s := Build("s", arts, o)
		if s.Language != "de" {
			t.Errorf("--lang %s: main language %q, want de still", lang, s.Language)
		}
		checkTold(t, s, arts, lang)
	}
	// No article in Spanish: the main language.
	o := DefaultOptions()
	o.Lang = "es"
	if es := Build("s", arts, o); es.SummaryLanguage != "de" || es.Title != s.Title {
		t.Errorf("--lang es: told in %q as %q, want the German title %q", es.SummaryLanguage, es.Title, s.Title)
	}
}

// TestCitationsAcrossLanguages checks what a sentence of another language
// must share to be cited: figures and names together, not one name.
func TestCitationsAcrossLanguages(t *testing.T) {
	arts := rateCut()
	c := newCorpus(byPublication(arts), DefaultOptions())
	find := func(id, prefix string) anchored {
		for i, a := range c.arts {
			if a.ID != id {
				continue
			}
			for k, s := range c.sents[i] {
				if strings.HasPrefix(s.text, prefix) {
					return c.anchors[i][k]
				}
			}
		}
		t.Fatalf("no sentence %q in %s", prefix, id)
		return anchored{}
	}
	index := map[string]int{}
	for i, a := range c.arts {
		index[a.ID] = i
	}
	// The vote: Lagarde, 25 of 26, Frankfurt in English, German, French.
	vote := find("en1", "Christine Lagarde said 25")
	for _, id := range []string{"de1", "fr1"} {
		if c.crossSupport(vote, index[id]) < DefaultOptions().Support {
			t.Errorf("%s, which tells the vote too, does not support it", id)
		}
	}
	// Christine Lagarde alone is one name: de2 names her, and no figure.
	if got := c.crossSupport(vote, index["de2"]); got != 0 {
		t.Errorf("de2, sharing only Christine Lagarde, supports the vote by %.2f", got)
	}
	only := find("en2", "Christine Lagarde said the bank")
	for _, id := range []string{"de1", "de2", "fr1"} {
		if got := c.crossSupport(only, index[id]); got != 0 {
			t.Errorf("%s supports a sentence of one name only by %.2f", id, got)
		}
	}
}

func TestLocalize(t *testing.T) {
	arts := rateCut()
	s := Build("s", arts, DefaultOptions())
	if NeedsLocalizing(s, "de") || NeedsLocalizing(s, "es") || !NeedsLocalizing(s, "en") {
		t.Error("NeedsLocalizing: wrong for de, es or en")
	}
	o := DefaultOptions()
	o.Lang = "fr"
	want := Build("s", arts, o)
	slices.Reverse(arts) // any order
	got := Localize(s, arts, "fr", DefaultOptions())
	if got.Title != want.Title || !slices.EqualFunc(got.Summary, want.Summary, func(a, b news.Cited) bool {
		return a.Text == b.Text && slices.Equal(a.Articles, b.Articles)
	}) || got.SummaryLanguage != "fr" {
		t.Errorf("Localize(fr) = %q %+v, want %q %+v", got.Title, got.Summary, want.Title, want.Summary)
	}
	if !slices.Equal(got.Articles, s.Articles) || len(got.Quotes) != len(s.Quotes) {
		t.Error("Localize changed more than the title and summary")
	}

	d := news.Digest{Stories: []news.Story{s}}
	for _, a := range arts {
		d.Articles = append(d.Articles, news.StoryArticle{Analyzed: a, Story: "s"})
	}
	if all := LocalizeAll(d, "fr", DefaultOptions()); all.Stories[0].Title != want.Title || d.Stories[0].Title != s.Title {
		t.Errorf("LocalizeAll: title %q (want %q), or the digest given was changed", all.Stories[0].Title, want.Title)
	}
}

// TestOneLanguageUnchanged: a story of one language, or of unknown ones,
// is told as it always was.
func TestOneLanguageUnchanged(t *testing.T) {
	arts := rateCut()[:2]
	s := Build("s", arts, DefaultOptions())
	for i := range arts {
		arts[i].Language = ""
	}
	u := Build("s", arts, DefaultOptions())
	if s.Language != "en" || u.Language != "" || len(u.Languages) != 0 || s.Title != u.Title || len(s.Summary) != len(u.Summary) {
		t.Errorf("en: %q %q %v; unknown: %q %q %v", s.Language, s.Title, s.Languages, u.Language, u.Title, u.Languages)
	}
	for i := range s.Summary {
		if s.Summary[i].Text != u.Summary[i].Text || !slices.Equal(s.Summary[i].Articles, u.Summary[i].Articles) {
			t.Errorf("summary %d: %+v vs %+v", i, s.Summary[i], u.Summary[i])
		}
	}
}

// TestAnchors: one report in three languages gives the same anchors — a
// name by its last word, a place, a date, a figure — and a name of several
// words is one phrase.
func TestAnchors(t *testing.T) {
	c := newCorpus(nil, DefaultOptions())
	var want []string
	for _, r := range []struct{ lang, text string }{
		{"en", "Christine Lagarde said in Moscow on 6 June that the rate falls to 3.75% for the Stade de France."},
		{"de", "Christine Lagarde sagte am 6. Juni in Moskau, der Zins sinke auf 3,75 Prozent für das Stade de France."},
		{"fr", "Christine Lagarde a dit le 6 juin à Moscou que le taux baisse à 3,75 % pour le Stade de France."},
	} {
		a := c.sentenceAnchors(r.text, r.lang, false)
		var got []string
		phrase := map[string]int32{}
		for i, id := range a.set {
			got = append(got, c.lex.spell[id])
			phrase[c.lex.spell[id]] = a.phrases[i]
		}
		slices.Sort(got)
		if want == nil {
			want = got
			if len(want) != 6 {
				t.Errorf("%s: anchors %q, want a name, a place, a date, a figure and the two of a stadium", r.lang, got)
			}
		} else if !slices.Equal(got, want) {
			t.Errorf("%s: anchors %q, want %q", r.lang, got, want)
		}
		if !slices.Contains(got, "@06-06") || !slices.Contains(got, "#3.75") {
			t.Errorf("%s: no date or figure among %q", r.lang, got)
		}
		phrases := map[int32]bool{}
		for _, p := range phrase {
			phrases[p] = true
		}
		if len(phrases) != 5 {
			t.Errorf("%s: %d phrases %v, want 5: Stade de France is one", r.lang, len(phrases), phrase)
		}
	}
}
