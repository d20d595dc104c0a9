package digest

import (
	"slices"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

func art(id, outlet, published, title, text string) news.Analyzed {
	return news.Analyzed{Article: news.Article{ID: id, Outlet: outlet, Published: published, Title: title, Text: text}}
}

func TestCopiesDoNotCountTwice(t *testing.T) {
	text := "The council approved the new bridge over the river on Tuesday after ten years of debate in the town hall.\n\nThe bridge will cost about 12 million euros, the mayor said after the vote on the plans."
	a := art("a", "Daily", "2021-03-02", "Council approves bridge", text)
	a.Facts = []news.Fact{{Text: "about 12 million euros", Value: "12000000", Unit: "EUR", Kind: news.FactAmount, Sentence: "The bridge will cost about 12 million euros"}}
	b := a
	b.ID, b.Outlet, b.DuplicateOf = "b", "Wire", "a"
	c := art("c", "Gazette", "2021-03-02", "Bridge to cost 15 million euros", "Councillors backed a bridge over the river that will cost 15 million euros, according to the town's own estimate of the plans.")
	c.Facts = []news.Fact{{Text: "15 million euros", Value: "15000000", Unit: "EUR", Kind: news.FactAmount, Sentence: "a bridge over the river that will cost 15 million euros"}}
	s := Build("s-1", []news.Analyzed{c, b, a}, DefaultOptions())
	if !slices.Equal(s.Articles, []string{"a", "b", "c"}) || !slices.Equal(s.Outlets, []string{"Daily", "Gazette", "Wire"}) {
		t.Errorf("articles %v outlets %v", s.Articles, s.Outlets)
	}
	for _, f := range s.Facts {
		if f.Value == "12000000" && (f.Outlets != 1 || len(f.Articles) != 2) {
			t.Errorf("copied fact backed by %d outlets over %v, want 1 over a and b", f.Outlets, f.Articles)
		}
	}
	if len(s.Disagreements) != 1 || len(s.Disagreements[0].Claims) != 2 {
		t.Fatalf("disagreements = %+v", s.Disagreements)
	}
	for _, sent := range s.Summary {
		if len(sent.Articles) == 0 {
			t.Errorf("uncited summary sentence %q", sent.Text)
		}
		if slices.Contains(sent.Articles, "a") && !slices.Contains(sent.Articles, "b") {
			t.Errorf("sentence %q not cited to the copy that carries it", sent.Text)
		}
	}
}

func TestQuoteVariantsMerge(t *testing.T) {
	a := art("a", "One", "2022-01-26", "", "")
	a.Quotes = []news.Quote{{Speaker: "Blinken", Text: "We make clear that there are core principles that we are committed to uphold", Cue: "said", Direct: true}}
	a.Entities = []news.Entity{{Name: "Antony Blinken", Type: news.Person, Aliases: []string{"Blinken"}, Key: "antony blinken"}}
	b := art("b", "Two", "2022-01-27", "", "")
	b.Quotes = []news.Quote{{Speaker: "Antony Blinken", Text: "We made clear that there are core principles that we are committed to uphold", Cue: "said", Direct: true}}
	b.Entities = []news.Entity{{Name: "Antony Blinken", Type: news.Person, Key: "antony blinken"}}
	s := Build("s", []news.Analyzed{a, b}, DefaultOptions())
	if len(s.Quotes) != 1 {
		t.Fatalf("quotes = %+v", s.Quotes)
	}
	q := s.Quotes[0]
	if q.Speaker != "Antony Blinken" || len(q.Variants) != 1 || !slices.Equal(q.Articles, []string{"a", "b"}) {
		t.Errorf("merged quote = %+v", q)
	}
}

func TestEntitiesMergeSpellings(t *testing.T) {
	a := art("a", "One", "2022-01-26", "", "")
	a.Entities = []news.Entity{{Name: "Sergei Lavrov", Type: news.Person, Mentions: 2, Aliases: []string{"Lavrov"}, Key: "sergei lavrov"}}
	b := art("b", "Two", "2022-01-27", "", "")
	b.Entities = []news.Entity{{Name: "Sergey Lavrov", Type: news.Person, Mentions: 1, Key: "sergei lavrov"}}
	s := Build("s", []news.Analyzed{a, b}, DefaultOptions())
	if len(s.Entities) != 1 {
		t.Fatalf("entities = %+v", s.Entities)
	}
	e := s.Entities[0]
	if e.Name != "Sergei Lavrov" || !slices.Equal(e.Aliases, []string{"Lavrov", "Sergey Lavrov"}) || !slices.Equal(e.Articles, []string{"a", "b"}) {
		t.Errorf("entity = %+v", e)
	}
}

func TestReportedSpeechNeedsACredibleSpeaker(t *testing.T) {
	a := art("a", "One", "2022-01-26", "", "")
	a.Entities = []news.Entity{{Name: "Olaf Scholz", Type: news.Person, Key: "olaf scholz"}, {Name: "Germany", Type: news.Place, Key: "germany"}}
	a.Quotes = []news.Quote{
		{Speaker: "Olaf Scholz", Text: "the talks would go on in Berlin next month", Cue: "said"},
		{Speaker: "Germany", Text: "on the diplomatic path to resolve the crisis", Cue: "insisted"},
		{Speaker: "a senior official", Text: "no decision had been taken on the weapons", Cue: "said"},
		{Speaker: "German", Text: "We will not send weapons to the region now", Cue: "said", Direct: true},
	}
	s := Build("s", []news.Analyzed{a}, DefaultOptions())
	var got []string
	for _, q := range s.Quotes {
		got = append(got, q.Speaker)
	}
	if !slices.Equal(got, []string{"German", "Olaf Scholz", "a senior official"}) {
		t.Errorf("speakers kept = %q", got)
	}
}

func TestNeutralityPrefersReport(t *testing.T) {
	sents, _ := newCorpus(nil, DefaultOptions()).splitSentences("The council approved the bridge on Tuesday.\nCritics slammed the disastrous, shocking bridge plan.", nil)
	if neutrality(sents[0]) <= neutrality(sents[1]) {
		t.Error("a loaded sentence weighs as much as a plain report")
	}
}
