package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

func sampleDigest() news.Digest {
	a := news.StoryArticle{Analyzed: news.Analyzed{Article: news.Article{ID: "a1", Source: "x.txt", Title: "<script>alert(1)</script> *bold*", Outlet: "Daily"}}, Story: "s-1"}
	b := news.StoryArticle{Analyzed: news.Analyzed{Article: news.Article{ID: "a2", Source: "y.txt", Title: "Copy", DuplicateOf: "a1", URL: "https://example.org/y"}}, Story: "s-1"}
	return news.Digest{Version: 1, Articles: []news.StoryArticle{a, b},
		Stories: []news.Story{{ID: "s-1", Title: "Bridge [approved]", Articles: []string{"a1", "a2"}, FirstPublished: "2021-03-02", LastPublished: "2021-03-03",
			Summary: []news.Cited{{Text: "The council approved the bridge.", Articles: []string{"a1", "a2"}}},
			Quotes:  []news.StoryQuote{{Speaker: "Maria Lopez", Text: "We will build it", Articles: []string{"a1"}, Variants: []string{"We'll build it"}, Direct: true}},
			Facts: []news.StoryFact{{Text: "15 million euros", Value: "15000000", Unit: "EUR", Kind: news.FactAmount, Articles: []string{"a2"}, Outlets: 1,
				Sentence: "The bridge will cost 15 million euros."}},
			Disagreements: []news.Disagreement{{Topic: "amount in EUR", Claims: []news.Cited{{Text: "12 million euros", Articles: []string{"a1"}}, {Text: "15 million euros", Articles: []string{"a2"}}},
				Sentences: []news.Cited{{Text: "It costs 12 million euros.", Articles: []string{"a1"}}, {Text: "The bridge will cost 15 million euros.", Articles: []string{"a2"}}}}},
		}},
		Errors: []news.ErrorEntry{{Source: "bad.bin", Error: "binary content, not text or HTML"}}}
}

func TestMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, sampleDigest()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"# Bridge \\[approved\\]", "- The council approved the bridge. [1, 2]", "**Maria Lopez**: “We will build it” [1]",
		"also reported as: “We'll build it”", "“12 million euros” [1] vs “15 million euros” [2]", "(copy of 1)",
		"  - [1] It costs 12 million euros.\n  - [2] The bridge will cost 15 million euros.", "- 15 million euros — 1 article [2]\n  - in: The bridge will cost 15 million euros.",
		"<https://example.org/y>", "`bad.bin`: binary content",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<script>") || strings.Contains(out, " *bold*") {
		t.Errorf("untrusted text not escaped:\n%s", out)
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sampleDigest()); err != nil {
		t.Fatal(err)
	}
	var back news.Digest
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Stories[0].Quotes[0].Variants[0] != "We'll build it" || !strings.Contains(buf.String(), "<script>") {
		t.Errorf("round trip lost data:\n%s", buf.String())
	}
}

func TestAtom(t *testing.T) {
	var buf bytes.Buffer
	if err := Atom(&buf, sampleDigest()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<feed xmlns="http://www.w3.org/2005/Atom">`, "<id>urn:chorus:story:s-1</id>", "<updated>2021-03-03T00:00:00Z</updated>",
		"<title>Bridge [approved]</title>", `<link href="https://example.org/y" rel="related"></link>`, "The council approved the bridge."} {
		if !strings.Contains(out, want) {
			t.Errorf("feed lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "<entry>") != 1 {
		t.Errorf("want one entry per story:\n%s", out)
	}
	d := sampleDigest()
	d.Stories[0].Title = "<script>alert(1)</script>"
	buf.Reset()
	Atom(&buf, d)
	if strings.Contains(buf.String(), "<script>") {
		t.Error("title not escaped in the feed")
	}
}

func TestLanguages(t *testing.T) {
	d := sampleDigest()
	d.Articles[0].Language, d.Articles[1].Language = "de", "en"
	s := &d.Stories[0]
	s.Language, s.Languages, s.SummaryLanguage = "de", map[string]int{"de": 1, "en": 1}, "en"
	s.Summary[0].Articles = []string{"a2", "a1"}
	var buf bytes.Buffer
	if err := Markdown(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Languages: de 1 · en 1 — title and summary in en", "- The council approved the bridge. [1, 2]",
		"— Daily — de `x.txt`", "(copy of 1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "2. Copy — en (copy of 1)") {
		t.Errorf("the copy's language is not shown:\n%s", out)
	}
	buf.Reset()
	if err := Atom(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<summary type="text" xml:lang="en">`) {
		t.Errorf("the feed does not tell the summary's language:\n%s", buf.String())
	}
	s.Languages = map[string]int{"en": 2}
	buf.Reset()
	Markdown(&buf, d)
	if !strings.Contains(buf.String(), "\nLanguage: en\n") || strings.Contains(buf.String(), "title and summary in") {
		t.Errorf("one language:\n%s", buf.String())
	}
}

// TestMarkdownQuotes: the quotes a digest shows by default come first,
// verbatim ones in quotation marks with the outlets that carry them; the
// rest fold under one line; reported words are never set in quotation
// marks; and counts read as English, naming what they count: outlets
// where every article names its own, else sources or articles.
func TestMarkdownQuotes(t *testing.T) {
	d := sampleDigest()
	s := &d.Stories[0]
	s.Outlets = []string{"Daily"}
	s.Quotes = []news.StoryQuote{
		{Speaker: "Maria Lopez", Text: "We will build it", Articles: []string{"a1", "a2"}, Outlets: 2, Direct: true,
			Variants: []string{"We'll build it"}, Paraphrases: []string{"the town would build the bridge"}},
		{Speaker: "Tom Reed", Text: "the vote came too early", Articles: []string{"a2"}, Outlets: 1, Variants: []string{"the vote was too early"}},
		{Speaker: "Ann Hill", Text: "It is a good day for the town", Articles: []string{"a1"}, Outlets: 1, Direct: true},
	}
	s.QuotesShown = 1
	s.Facts = []news.StoryFact{
		{Text: "12 million euros", Articles: []string{"a1"}, Outlets: 1},
		{Text: "ten years", Articles: []string{"a1", "a2"}, Outlets: 2},
	}
	var buf bytes.Buffer
	if err := Markdown(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"· 1 outlet (Daily)",
		"- **Maria Lopez**: “We will build it” — 2 sources [1, 2]\n  - also reported as: “We'll build it”\n  - paraphrased as: the town would build the bridge\n\n<details>\n<summary>2 more quotes</summary>\n\n" +
			"- **Tom Reed**: the vote came too early [2]\n- **Ann Hill**: “It is a good day for the town” [1]\n\n</details>\n",
		"- 12 million euros — 1 outlet [1]", "- ten years — 2 sources [1, 2]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "outlet(s)") || strings.Contains(out, "“the vote") {
		t.Errorf("a count in outlet(s), or reported words in quotation marks:\n%s", out)
	}
	// A story stored before quotes were ranked shows them all.
	s.QuotesShown = 0
	buf.Reset()
	Markdown(&buf, d)
	if strings.Contains(buf.String(), "<details>") || !strings.Contains(buf.String(), "**Ann Hill**") {
		t.Errorf("a story without quotes_shown folds its quotes:\n%s", buf.String())
	}
	// Once every article names its outlet, the counts are of outlets.
	d.Articles[1].Outlet = "Herald"
	buf.Reset()
	Markdown(&buf, d)
	if !strings.Contains(buf.String(), "“We will build it” — 2 outlets [1, 2]") || !strings.Contains(buf.String(), "- ten years — 2 outlets [1, 2]") {
		t.Errorf("counts of articles that all name their outlet are not of outlets:\n%s", buf.String())
	}
}
