package cluster

import (
	"strings"
	"testing"
	"time"
)

// TestAnchorsAcrossLanguages checks that one report's names, places,
// figures, dates and ordinals give the same anchors in four languages.
func TestAnchorsAcrossLanguages(t *testing.T) {
	o := DefaultOptions()
	docs := []Doc{
		{Language: "en", Text: "Yevgeny Prigozhin's fighters left Rostov-on-Don on June 24 after the second round of talks; 7.8 per cent."},
		{Language: "de", Text: "Die Kämpfer von Jewgeni Prigoschin verließen Rostow am Don am 24. Juni nach der zweiten Runde; 7,8 Prozent."},
		{Language: "fr", Text: "Les combattants d'Evgueni Prigojine ont quitté Rostov-sur-le-Don le 24 juin après le deuxième tour; 7,8 pour cent."},
		{Language: "ru", Text: "Бойцы Евгения Пригожина покинули Ростов-на-Дону 24 июня после второго раунда; 7,8 процента."},
	}
	want := []string{"k:brgs", "@06-24", "#7.8", "#2."}
	for _, d := range docs {
		a := anchorsOf(d, o)
		for _, w := range want {
			if a[w] == 0 {
				t.Errorf("%s: no anchor %q among %v", d.Language, w, keys(a))
			}
		}
	}
}

// TestGermanNounsAreNotNames checks that a German common noun after an
// article or an adjective gives no name anchor, while a name does.
func TestGermanNounsAreNotNames(t *testing.T) {
	a := anchorsOf(Doc{Language: "de", Text: "Gestern sagte die Zentralbank, dass die russische Regierung mit Lagarde spricht."}, DefaultOptions())
	for k := range a {
		if strings.HasPrefix(k, "k:") && k != "k:lgrd" {
			t.Errorf("anchor %q from a German common noun: %v", k, keys(a))
		}
	}
	if a["k:lgrd"] == 0 {
		t.Errorf("no anchor for Lagarde: %v", keys(a))
	}
}

func keys(m map[string]float64) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestDaysApart pins the time between dates without a time and moments.
func TestDaysApart(t *testing.T) {
	c := New(DefaultOptions())
	day := func(s string) *doc { t, _ := time.Parse(time.DateOnly, s); return &doc{at: t, day: true} }
	moment := func(s string) *doc { t, _ := time.Parse(time.RFC3339, s); return &doc{at: t} }
	for _, tc := range []struct {
		name string
		a, b *doc
		want float64
	}{
		{"one day", day("2024-06-06"), day("2024-06-06"), 0},
		{"the next day", day("2024-06-06"), day("2024-06-07"), c.o.NextDay},
		{"two days on", day("2024-06-06"), day("2024-06-08"), 1 + c.o.NextDay},
		{"a moment in the day", day("2024-06-06"), moment("2024-06-06T22:00:00Z"), 0},
		{"a moment the next morning", day("2024-06-06"), moment("2024-06-07T06:00:00Z"), 0.25},
		{"a moment before the day", moment("2024-06-05T18:00:00Z"), day("2024-06-06"), 0.25},
	} {
		if got := c.daysApart(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: %v days apart, want %v", tc.name, got, tc.want)
		}
	}
}

// TestUndatedDoNotBridge builds two look-alike events two months apart,
// each reported in two languages, and an undated report like both: it may
// join one, never make one story of the two.
func TestUndatedDoNotBridge(t *testing.T) {
	june, _ := time.Parse(time.DateOnly, "2024-06-06")
	sept, _ := time.Parse(time.DateOnly, "2024-09-12")
	docs := []Doc{
		{ID: "jun-en", Language: "en", Published: june, Day: true, Text: "The European Central Bank under Christine Lagarde cut its deposit rate to 3.75 per cent in Frankfurt."},
		{ID: "jun-de", Language: "de", Published: june, Day: true, Text: "Die EZB unter Christine Lagarde senkt in Frankfurt den Einlagenzins auf 3,75 Prozent."},
		{ID: "sep-en", Language: "en", Published: sept, Day: true, Text: "The European Central Bank under Christine Lagarde cut its deposit rate again to 3.5 per cent in Frankfurt."},
		{ID: "sep-de", Language: "de", Published: sept, Day: true, Text: "Die EZB unter Christine Lagarde senkt in Frankfurt den Einlagenzins erneut auf 3,5 Prozent."},
		{ID: "undated", Language: "fr", Text: "La Banque centrale européenne de Christine Lagarde baisse à Francfort son taux de dépôt, à 3,75 et 3,5 pour cent."},
	}
	for _, s := range Cluster(docs, DefaultOptions()) {
		has := strings.Join(s.Articles, " ")
		if strings.Contains(has, "jun-") && strings.Contains(has, "sep-") {
			t.Errorf("one story holds June's and September's cuts: %v", s.Articles)
		}
	}
}

// TestUndatedOrdinalsClash checks that two undated reports whose leads
// name different occurrences ("su primer vuelo", "il secondo test") link
// less than their anchors alone would have them, and that dated reports
// are left to their dates.
func TestUndatedOrdinalsClash(t *testing.T) {
	es := Doc{ID: "es", Language: "es", Text: "El cohete Starship de SpaceX, de Elon Musk, explotó en Texas durante su primer vuelo de prueba hacia la Luna."}
	it := Doc{ID: "it", Language: "it", Text: "Il razzo Starship di SpaceX, di Elon Musk, è esploso in Texas durante il secondo test in volo verso la Luna."}
	link := func(o Options, a, b Doc) float64 {
		c := New(o)
		fa, fb := featuresOf(a, o), featuresOf(b, o)
		return c.similarity(c.all[c.insert(a, fa)], c.all[c.insert(b, fb)])
	}
	on, off := DefaultOptions(), DefaultOptions()
	off.OrdinalClash = 1
	with, without := link(on, es, it), link(off, es, it)
	if without <= 0 || with > without*on.OrdinalClash+1e-9 {
		t.Errorf("undated first and second flight: link %.3f with the clash, %.3f without", with, without)
	}
	es.Published, it.Published = time.Date(2023, 4, 20, 0, 0, 0, 0, time.UTC), time.Date(2023, 4, 20, 0, 0, 0, 0, time.UTC)
	if a, b := link(on, es, it), link(off, es, it); a != b {
		t.Errorf("dated reports: link %.3f with the clash, %.3f without", a, b)
	}
}
