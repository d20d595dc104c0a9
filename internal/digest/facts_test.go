package digest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/analyze"
	"github.com/chorusnews/chorus/internal/news"
)

// analysed reads an article's facts as the pipeline does.
func analysed(id, outlet, published, text string) news.Analyzed {
	return analysedIn("en", id, outlet, published, text)
}

func analysedIn(lang, id, outlet, published, text string) news.Analyzed {
	return analyze.Analyze(news.Article{ID: id, Outlet: outlet, Published: published, Language: lang, Title: "Report", Text: text})
}

func TestDisagreements(t *testing.T) {
	tests := []struct {
		name string
		arts []news.Analyzed
		want [][]string // each disagreement's claims
	}{
		{"outlets give different figures", []news.Analyzed{
			analysed("a", "Daily", "2022-01-26", "Russia has massed more than 100,000 troops near the border of Ukraine, officials said."),
			analysed("b", "Wire", "2022-01-26", "Russia has massed over 120,000 troops near the border of Ukraine, officials said."),
		}, [][]string{{"more than 100,000 troops", "over 120,000 troops"}}},
		{"one article states both", []news.Analyzed{
			analysed("a", "Daily", "2021-05-07", "Employers added 266,000 jobs across the economy after adding 916,000 jobs across the economy the month before."),
			analysed("b", "Wire", "2021-05-07", "Employers added 266,000 jobs across the economy, the government said."),
		}, nil},
		{"one article states both, one value written otherwise", []news.Analyzed{
			analysed("a", "Daily", "2023-05-28", "Erdogan won 52.1 percent of the vote in the runoff, while Kilicdaroglu won 47.9 percent of the vote in the runoff."),
			analysed("b", "Wire", "2023-05-28", "Kilicdaroglu won 47.86 percent of the vote in the runoff, officials said."),
		}, nil},
		{"each figure of a series has its own words", []news.Analyzed{
			analysed("a", "Daily", "2024-06-06", "The bank expects growth of 1% in 2024 and of 1.1% in 2025."),
			analysed("b", "Wire", "2024-06-06", "For 2025, the bank expects growth in the euro area of 1.4%."),
		}, nil},
		{"a forecast is not a result in other languages either", []news.Analyzed{
			analysedIn("it", "a", "Daily", "2024-06-06", "La crescita del Pil italiano è stata dell’1,4% secondo l’Istat."),
			analysedIn("it", "b", "Wire", "2024-06-06", "La crescita del Pil italiano è attesa all’1,1% secondo l’Istat."),
		}, nil},
		{"hedges in other languages", []news.Analyzed{
			analysedIn("de", "a", "Daily", "2023-05-28", "Nach Auszählung von mehr als 97 Prozent der Stimmen liegt Erdogan vorn."),
			analysedIn("de", "b", "Wire", "2023-05-28", "Nach Auszählung von 99,43 Prozent der Stimmen liegt Erdogan vorn."),
		}, nil},
		{"a forecast is not a result", []news.Analyzed{
			analysed("a", "Daily", "2021-05-07", "Employers added 266,000 jobs across the economy, the government said."),
			analysed("b", "Wire", "2021-05-07", "Economists had expected employers to add 1 million jobs across the economy, the government said."),
		}, nil},
		{"an earlier period is not a result", []news.Analyzed{
			analysed("a", "Daily", "2021-05-07", "Unemployment in the country rose to 6.1% as hiring slowed across the economy."),
			analysed("b", "Wire", "2021-05-07", "Unemployment in the country rose to 6.1%, up from 5.8% as hiring slowed across the economy."),
		}, nil},
		{"rounding agrees", []news.Analyzed{
			analysed("a", "Daily", "2021-08-10", "The Senate passed the $1 trillion infrastructure bill with votes from both parties."),
			analysed("b", "Wire", "2021-08-10", "The Senate passed the $1.2 trillion infrastructure bill with votes from both parties."),
		}, nil},
		{"qualifiers agree", []news.Analyzed{
			analysed("a", "Daily", "2021-08-10", "Rebels held the northern city for more than 18 months before the army returned."),
			analysed("b", "Wire", "2021-08-10", "Rebels held the northern city for 19 months before the army returned."),
		}, nil},
		{"one outlet twice", []news.Analyzed{
			analysed("a", "Daily", "2022-01-26", "Russia has massed more than 100,000 troops near the border of Ukraine, officials said."),
			analysed("b", "Daily", "2022-01-27", "Russia has massed over 120,000 troops near the border of Ukraine, officials said."),
		}, nil},
		{"different rates", []news.Analyzed{
			analysed("a", "Daily", "2021-07-15", "Qualified families will receive up to $300 per month for each child under the new tax credit."),
			analysed("b", "Wire", "2021-07-15", "Qualified families will receive up to $3,000 per child under the new tax credit."),
		}, nil},
		{"different things counted", []news.Analyzed{
			analysed("a", "Daily", "2021-06-11", "The summit pledged vaccine doses to 100 developing nations, leaders of the group said."),
			analysed("b", "Wire", "2021-06-11", "The summit of 7 wealthy nations pledged vaccine doses, leaders of the group said."),
		}, nil},
		{"different years", []news.Analyzed{
			analysed("a", "Daily", "2021-10-12", "The IMF expects global growth of 4.9% next year in its outlook."),
			analysed("b", "Wire", "2021-10-12", "The IMF cut its 2021 growth forecast in its outlook to 6%."),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Build("s", tt.arts, DefaultOptions())
			var got [][]string
			for _, dg := range s.Disagreements {
				var claims []string
				for _, c := range dg.Claims {
					claims = append(claims, c.Text)
				}
				got = append(got, claims)
				if len(dg.Sentences) != len(dg.Claims) {
					t.Errorf("%d sentences for %d claims: %+v", len(dg.Sentences), len(dg.Claims), dg)
				}
				for i, sent := range dg.Sentences {
					if !strings.Contains(sent.Text, dg.Claims[i].Text) {
						t.Errorf("claim %q shown in %q", dg.Claims[i].Text, sent.Text)
					}
				}
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("disagreements %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFacts(t *testing.T) {
	arts := []news.Analyzed{
		analysed("a", "Daily", "2022-01-26", "The United States delivered its reply to Russia on Jan. 26, officials said. Congress passed $95 billion in aid for Ukraine. The war has killed over 13,000 people since 2014."),
		analysed("b", "Wire", "", "Here are the updates for January 26: two prominent anti-war US lawmakers urged talks. Congress passed 95bn dollars in aid for Ukraine in April."),
	}
	s := Build("s", arts, DefaultOptions())
	byValue := map[string]news.StoryFact{}
	for _, f := range s.Facts {
		if _, ok := byValue[f.Value]; ok {
			t.Errorf("value %s stated by two facts: %+v", f.Value, s.Facts)
		}
		byValue[f.Value] = f
		if f.Sentence == "" || !strings.Contains(f.Sentence, f.Text) && f.Kind != news.FactAmount && f.Kind != news.FactDate {
			t.Errorf("fact %q shown in %q", f.Text, f.Sentence)
		}
	}
	for _, tc := range []struct {
		value    string
		articles []string
	}{
		{"2022-01-26", []string{"a", "b"}},  // "Jan. 26" and "January 26" in an undated article
		{"95000000000", []string{"a", "b"}}, // "$95 billion" and "95bn dollars"
		{"13000", []string{"a"}},
	} {
		if f, ok := byValue[tc.value]; !ok || !slices.Equal(f.Articles, tc.articles) {
			t.Errorf("fact %s: %+v, want it backed by %v", tc.value, f, tc.articles)
		}
	}
	for _, v := range []string{"2014", "2022-04", "--04", "2"} {
		if f, ok := byValue[v]; ok {
			t.Errorf("trivial fact kept: %+v", f)
		}
	}
	if len(s.Facts) > 0 && s.Facts[0].Outlets != 2 {
		t.Errorf("facts not ranked by outlets: %+v", s.Facts)
	}
}

// TestFactsRanked: facts more outlets back come first, then those whose
// sentences are closest to the titles, each shown in its closest sentence.
func TestFactsRanked(t *testing.T) {
	a := analysed("a", "Daily", "2022-01-26", "The museum hired 40 guides this spring. A storm closed the museum for 3 days after the flood of 300 visitors.")
	a.Title = "Storm closes museum after flood"
	b := analysed("b", "Wire", "2022-01-26", "A storm closed the museum for 3 days, the city said. Here is the list of 3 days of events.")
	b.Title = "Museum closed by storm"
	s := Build("s", []news.Analyzed{a, b}, DefaultOptions())
	var got []string
	for _, f := range s.Facts {
		got = append(got, f.Text)
	}
	if want := []string{"3 days", "300 visitors", "40 guides"}; !slices.Equal(got, want) {
		t.Fatalf("facts %q, want %q", got, want)
	}
	if f := s.Facts[0]; f.Outlets != 2 || strings.Contains(f.Sentence, "list") {
		t.Errorf("first fact %+v, want two outlets and a sentence about the storm", f)
	}
}

func TestTrivial(t *testing.T) {
	for _, tc := range []struct {
		fact news.StoryFact
		want bool
	}{
		{news.StoryFact{Kind: news.FactDate, Value: "2022-01-26"}, false},
		{news.StoryFact{Kind: news.FactDate, Value: "--01-26"}, false}, // a day in a story no article dates
		{news.StoryFact{Kind: news.FactDate, Value: "2014"}, true},
		{news.StoryFact{Kind: news.FactDate, Value: "2022-04"}, true},
		{news.StoryFact{Kind: news.FactDate, Value: "--04"}, true},
		{news.StoryFact{Kind: news.FactDate, Value: "1990s"}, true},
		{news.StoryFact{Kind: news.FactCount, Value: "2", Unit: "lawmakers", Outlets: 1}, true},
		{news.StoryFact{Kind: news.FactCount, Value: "3", Unit: "people", Outlets: 2}, false},
		{news.StoryFact{Kind: news.FactCount, Value: "2", Unit: "civilians", Qualifier: "at least", Outlets: 1}, false},
		{news.StoryFact{Kind: news.FactCount, Value: "120000", Unit: "troops", Outlets: 1}, false},
		{news.StoryFact{Kind: news.FactDuration, Value: "3", Unit: "years", Outlets: 1}, false},
	} {
		if got := trivial(tc.fact); got != tc.want {
			t.Errorf("trivial(%+v) = %v, want %v", tc.fact, got, tc.want)
		}
	}
}

func TestResolveYear(t *testing.T) {
	ref := mustDate(t, "2022-01-27")
	for _, tc := range []struct{ in, want string }{
		{"--01-26", "2022-01-26"},
		{"--12-30", "2021-12-30"}, // late December is nearer a January story last year
		{"--12", "2021-12"},
		{"--02-30", "--02-30"}, // no such day
		{"2014", "2014"},
		{"2022-01-26", "2022-01-26"},
	} {
		if got := resolveYear(tc.in, ref); got != tc.want {
			t.Errorf("resolveYear(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReadingConflicts(t *testing.T) {
	for _, tc := range []struct {
		a, aq, b, bq string
		want         bool
	}{
		{"100000", "more than", "120000", "over", true}, // two floors apart
		{"18", "more than", "19", "", false},            // the value meets the floor
		{"5", "more than", "6", "almost", false},        // ranges meet
		{"1000000000000", "", "1200000000000", "", false},
		{"6", "", "6.1", "", false},
		{"4.9", "", "6", "", true},
		{"268000000", "", "268000001", "", false},
		{"10", "about", "11", "", false},
		{"8", "fewer than", "5", "", false},
		{"8", "fewer than", "12", "", true},
	} {
		a, okA := read(tc.a, tc.aq)
		b, okB := read(tc.b, tc.bq)
		if !okA || !okB {
			t.Fatalf("unread: %+v", tc)
		}
		if got := a.conflicts(b); got != tc.want || b.conflicts(a) != tc.want {
			t.Errorf("%s %s vs %s %s: conflict %v, want %v", tc.aq, tc.a, tc.bq, tc.b, got, tc.want)
		}
	}
	if _, ok := read("thousands", ""); ok {
		t.Error("a word read as a value")
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestIndexWords(t *testing.T) {
	for _, tc := range []struct {
		text, phrase string
		want         int
	}{
		{"in 2024 and", "2024", 3},
		{"in 20245 and 2024", "2024", 13},
		{"rose 11% and 1%", "1%", 13},
		{"rose 11%", "1%", -1},
		{"Jan. 26, officials said", "Jan. 26", 0},
		{"anything", "", -1},
	} {
		if got := indexWords(tc.text, tc.phrase); got != tc.want {
			t.Errorf("indexWords(%q, %q) = %d, want %d", tc.text, tc.phrase, got, tc.want)
		}
	}
}
