package digest

import (
	"slices"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// TestQuotesOfOneStatementMerge: outlets that quote one statement in
// other words, or one verbatim and another in its own words, give one
// quote cited to both; statements of one speaker on one topic, or the same
// words of two speakers, stay apart.
func TestQuotesOfOneStatementMerge(t *testing.T) {
	blinken := news.Entity{Name: "Antony Blinken", Type: news.Person, Mentions: 3, Aliases: []string{"Blinken"}, Key: "antony blinken"}
	lavrov := news.Entity{Name: "Sergei Lavrov", Type: news.Person, Mentions: 2, Aliases: []string{"Lavrov"}, Key: "sergei lavrov"}
	for _, tc := range []struct {
		name   string
		a, b   news.Quote
		merged bool
		// direct and paraphrases tell the merged quote: verbatim, with
		// the other outlet's own words as a paraphrase.
		direct      bool
		paraphrases int
	}{
		{
			name:   "reworded by two outlets",
			a:      news.Quote{Speaker: "Blinken", Text: "The U.S. has not caved in to Russia's demands to halt potential NATO expansion eastward", Cue: "said"},
			b:      news.Quote{Speaker: "Antony Blinken", Text: "The U.S. didn't cave in to Russia's demand for a guarantee that NATO won't expand in eastern Europe", Cue: "said"},
			merged: true,
		},
		{
			name:        "verbatim in one, reported in the other",
			a:           news.Quote{Speaker: "Blinken", Text: "There was no positive answer to the main question", Cue: "said", Direct: true},
			b:           news.Quote{Speaker: "Antony Blinken", Text: "there was no positive answer to the main question", Cue: "said"},
			merged:      true,
			direct:      true,
			paraphrases: 1,
		},
		{
			name:        "verbatim in one, reworded in the other",
			a:           news.Quote{Speaker: "Antony Blinken", Text: "The response contains offers of a diplomatic path to de-escalate tensions by addressing some of Russia's concerns", Cue: "said", Direct: true},
			b:           news.Quote{Speaker: "Blinken", Text: "the response contains offers for a diplomatic path to de-escalating tensions over Ukraine", Cue: "said"},
			merged:      true,
			direct:      true,
			paraphrases: 1,
		},
		{
			name: "one speaker, two statements on one topic",
			a:    news.Quote{Speaker: "Antony Blinken", Text: "the U.S. was preparing new sanctions against Russia over Ukraine", Cue: "said"},
			b:    news.Quote{Speaker: "Blinken", Text: "the U.S. had delivered a written response to Russia's demands over Ukraine", Cue: "said"},
		},
		{
			name: "two speakers, a rewording's share of words",
			a:    news.Quote{Speaker: "Antony Blinken", Text: "The U.S. has not caved in to Russia's demands to halt potential NATO expansion eastward", Cue: "said"},
			b:    news.Quote{Speaker: "Sergei Lavrov", Text: "The U.S. didn't cave in to Russia's demand for a guarantee that NATO won't expand in eastern Europe", Cue: "said"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := art("a", "One", "2022-01-26", "", "")
			a.Language = "en"
			a.Quotes = []news.Quote{tc.a}
			a.Entities = []news.Entity{blinken, lavrov}
			b := art("b", "Two", "2022-01-27", "", "")
			b.Language = "en"
			b.Quotes = []news.Quote{tc.b}
			b.Entities = []news.Entity{blinken, lavrov}
			s := Build("s", []news.Analyzed{a, b}, DefaultOptions())
			if !tc.merged {
				if len(s.Quotes) != 2 {
					t.Errorf("%d quotes, want 2 apart: %+v", len(s.Quotes), s.Quotes)
				}
				return
			}
			if len(s.Quotes) != 1 {
				t.Fatalf("%d quotes, want 1: %+v", len(s.Quotes), s.Quotes)
			}
			q := s.Quotes[0]
			if !slices.Equal(q.Articles, []string{"a", "b"}) || q.Outlets != 2 || q.Speaker != "Antony Blinken" {
				t.Errorf("merged quote = %+v, want Antony Blinken's, cited to a and b, 2 outlets", q)
			}
			if q.Direct != tc.direct || len(q.Paraphrases) != tc.paraphrases || q.Direct && q.Text != tc.a.Text {
				t.Errorf("merged quote = %+v, want direct %v in a's words, %d paraphrases", q, tc.direct, tc.paraphrases)
			}
		})
	}
}

// TestQuotesRanked: verbatim quotes before reported speech; among them
// those more outlets carry, then those of the speakers the story mentions
// most; the digest shows QuotesShown of them, no more than two of one
// speaker while others wait, and the story keeps the rest after them.
func TestQuotesRanked(t *testing.T) {
	ents := []news.Entity{
		{Name: "Olaf Scholz", Type: news.Person, Mentions: 9, Key: "olaf scholz"},
		{Name: "Annalena Baerbock", Type: news.Person, Mentions: 4, Key: "annalena baerbock"},
		{Name: "Boris Pistorius", Type: news.Person, Mentions: 1, Key: "boris pistorius"},
	}
	a := art("a", "One", "2022-01-26", "", "")
	a.Entities = ents
	a.Quotes = []news.Quote{
		{Speaker: "Boris Pistorius", Text: "The army will need years to replace what it has sent away", Cue: "said", Direct: true},
		{Speaker: "Olaf Scholz", Text: "the talks in Berlin would go on next month with all the allies", Cue: "said"},
		{Speaker: "Olaf Scholz", Text: "We will not send weapons to the region before the talks", Cue: "said", Direct: true},
		{Speaker: "Olaf Scholz", Text: "Germany stands by its partners in the east of Europe", Cue: "said", Direct: true},
		{Speaker: "Olaf Scholz", Text: "Diplomacy needs time and patience from every side", Cue: "said", Direct: true},
		{Speaker: "Annalena Baerbock", Text: "Our door stays open for a serious dialogue with Moscow", Cue: "said", Direct: true},
	}
	b := art("b", "Two", "2022-01-27", "", "")
	b.Entities = ents
	b.Quotes = []news.Quote{{Speaker: "Boris Pistorius", Text: "The army will need years to replace what it has sent away", Cue: "said", Direct: true}}
	o := DefaultOptions()
	o.QuotesShown = 4
	s := Build("s", []news.Analyzed{a, b}, o)
	var got []string
	for _, q := range s.Quotes {
		got = append(got, q.Text)
	}
	want := []string{
		"The army will need years to replace what it has sent away", // two outlets
		"We will not send weapons to the region before the talks",   // the main actor
		"Germany stands by its partners in the east of Europe",
		"Our door stays open for a serious dialogue with Moscow", // a second voice before Scholz's third
		"Diplomacy needs time and patience from every side",
		"the talks in Berlin would go on next month with all the allies", // reported speech last
	}
	if !slices.Equal(got, want) || s.QuotesShown != 4 {
		t.Errorf("quotes, %d shown:\n%q\nwant 4 shown:\n%q", s.QuotesShown, got, want)
	}
}

func TestTidyQuote(t *testing.T) {
	for in, want := range map[string]string{
		` The letter would not be made public, "because diplomacy has the best chance to succeed,"`: `The letter would not be made public, "because diplomacy has the best chance to succeed"`,
		"We will uphold the principle,":   "We will uphold the principle",
		"“We have run out of patience,”":  "“We have run out of patience”",
		"There was no positive answer.":   "There was no positive answer.",
		"a “blueprint,” he said, for how": "a “blueprint,” he said, for how",
	} {
		if got := tidyQuote(in); got != want {
			t.Errorf("tidyQuote(%q) = %q, want %q", in, got, want)
		}
	}
}
