package pipeline

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/export"
	"github.com/chorusnews/chorus/internal/news"
)

const seeds = "../../../shared/seeds"

func seedDigest(t *testing.T) news.Digest {
	t.Helper()
	d := Digest([]string{seeds}, nil, DefaultOptions(), DefaultStoryOptions())
	if len(d.Articles) != 5 {
		t.Fatalf("%d articles, want 5 (errors: %v)", len(d.Articles), d.Errors)
	}
	return d
}

// TestSeedsDigest is the first test of every change: five files in, one
// story out, with its quotes, facts, disagreement and entities right.
func TestSeedsDigest(t *testing.T) {
	d := seedDigest(t)
	if len(d.Stories) != 1 {
		t.Fatalf("%d stories, want 1", len(d.Stories))
	}
	s := d.Stories[0]
	ids := map[string]string{} // seed file prefix → article id
	for _, a := range d.Articles {
		if a.Story != s.ID {
			t.Errorf("%s in story %q, want %q", a.Source, a.Story, s.ID)
		}
		base := a.Source[strings.LastIndex(a.Source, "/")+1:]
		ids[base[:3]] = a.ID
	}
	if s.Title == "" || len(s.Summary) < 3 || len(s.Summary) > 7 {
		t.Errorf("title %q, %d summary sentences", s.Title, len(s.Summary))
	}
	for _, c := range s.Summary {
		if len(c.Articles) == 0 {
			t.Errorf("summary sentence without citation: %q", c.Text)
		}
		for _, id := range c.Articles {
			if !slices.Contains(s.Articles, id) {
				t.Errorf("summary cites %s, not in the story", id)
			}
		}
	}
	// Quotes: full names, cited to every article that carries them.
	wantQuotes := []struct {
		words, speaker string
		articles       []string
	}{
		{"We will uphold the principle of NATO", "Antony Blinken", []string{"000", "001"}},
		{"core principles that we are committed to uphold", "Antony Blinken", []string{"001", "004"}},
		{"We cannot and will not compromise on the principles", "Jens Stoltenberg", []string{"000", "001"}},
		{"There was no positive answer to the main question", "Sergei Lavrov", []string{"000"}},
		{"We had seen the written response of the U.S.", "Dmytro Kuleba", []string{"000"}},
		{"Putting things in writing is", "Antony Blinken", []string{"003"}},
		{"The head of the American diplomatic mission", "Russian Foreign Ministry", []string{"003"}},
		{"We have run out of patience", "Sergei Lavrov", []string{"001"}},
		// An article that calls him only "Ukraine's foreign minister":
		// the story's other articles name him.
		{"insufficient for a full-scale offensive", "Dmytro Kuleba", []string{"004"}},
	}
	for _, w := range wantQuotes {
		var q *news.StoryQuote
		for i := range s.Quotes {
			if strings.Contains(s.Quotes[i].Text, w.words) {
				q = &s.Quotes[i]
				break
			}
		}
		if q == nil {
			t.Errorf("no quote %q", w.words)
			continue
		}
		if !sameEntity(q.Speaker, w.speaker) {
			t.Errorf("quote %q: speaker %q, want %q", w.words, q.Speaker, w.speaker)
		}
		for _, f := range w.articles {
			if !slices.Contains(q.Articles, ids[f]) {
				t.Errorf("quote %q not cited to seed %s", w.words, f)
			}
		}
	}
	// No quote starts at a preposition or a stance phrase, a fragment of
	// a clause; no two quotations are run together without a mark.
	for _, q := range s.Quotes {
		first := strings.ToLower(strings.Fields(q.Text + " x")[0])
		if slices.Contains([]string{"to", "of", "on", "for", "with", "about", "washington's"}, first) {
			t.Errorf("quote of %s starts as a fragment: %q", q.Speaker, q.Text)
		}
		if strings.Contains(q.Text, "alarm There") || strings.Contains(q.Text, "path Russia") {
			t.Errorf("two quotations glued: %q", q.Text)
		}
		if q.Speaker == "Bild" && q.SpeakerKind != news.SpeakerPublication {
			t.Errorf("Bild's report not marked as a publication's: %+v", q)
		}
	}
	// "Jan. 26" and "January 26" are one fact.
	jan26 := 0
	for _, f := range s.Facts {
		if f.Value == "2022-01-26" {
			jan26++
		}
	}
	if jan26 != 1 {
		t.Errorf("%d facts of 2022-01-26, want 1", jan26)
	}
	// Both troop figures, and their disagreement.
	var troops []string
	for _, f := range s.Facts {
		if f.Unit == "troops" {
			troops = append(troops, f.Value)
		}
	}
	if !slices.Contains(troops, "120000") || !slices.Contains(troops, "100000") {
		t.Errorf("troop facts = %v", troops)
	}
	found := false
	for _, dg := range s.Disagreements {
		var texts []string
		for _, c := range dg.Claims {
			texts = append(texts, c.Text)
		}
		all := strings.Join(texts, " | ")
		if strings.Contains(all, "120,000 troops") && strings.Contains(all, "100,000 troops") {
			found = true
		}
	}
	if !found {
		t.Errorf("no disagreement over troop numbers: %+v", s.Disagreements)
	}
	// Sergei and Sergey Lavrov are one entity.
	lavrov := 0
	for _, e := range s.Entities {
		if strings.Contains(e.Name, "Lavrov") {
			lavrov++
			if !slices.Contains(e.Aliases, "Sergei Lavrov") && e.Name != "Sergei Lavrov" || !slices.Contains(e.Aliases, "Sergey Lavrov") && e.Name != "Sergey Lavrov" {
				t.Errorf("Lavrov entity %q aliases %v", e.Name, e.Aliases)
			}
		}
	}
	if lavrov != 1 {
		t.Errorf("%d Lavrov entities, want 1", lavrov)
	}
}

func sameEntity(a, b string) bool {
	fold := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "sergey", "sergei") }
	return fold(a) == fold(b)
}

// TestDigestContract checks the JSON shape the contract fixes.
func TestDigestContract(t *testing.T) {
	d := seedDigest(t)
	var buf bytes.Buffer
	if err := export.JSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if m["version"] != float64(1) {
		t.Errorf("version = %v", m["version"])
	}
	for _, k := range []string{"articles", "stories", "errors"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%q is %T, want an array", k, m[k])
		}
	}
	story := m["stories"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "articles", "outlets", "first_published", "last_published", "summary", "quotes", "facts", "disagreements", "entities"} {
		if _, ok := story[k]; !ok {
			t.Errorf("story lacks %q", k)
		}
	}
	art := m["articles"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "source", "title", "text", "story", "quotes", "entities", "facts", "duplicate_of"} {
		if _, ok := art[k]; !ok {
			t.Errorf("article lacks %q", k)
		}
	}
}

// TestDigestOrderIndependent gives the seeds in another order: the same
// story comes out.
func TestDigestOrderIndependent(t *testing.T) {
	a := seedDigest(t)
	files := []string{seeds + "/004_0c9866ca9f5a7feb.txt", seeds + "/002_e55e3f5dd349d690.txt", seeds + "/000_0b808cb1f53d8eec.txt",
		seeds + "/003_b9c2a02033c2881e.txt", seeds + "/001_646108a48d638425.txt"}
	b := Digest(files, nil, DefaultOptions(), DefaultStoryOptions())
	ja, _ := json.Marshal(a.Stories)
	jb, _ := json.Marshal(b.Stories)
	if !bytes.Equal(ja, jb) {
		t.Error("the stories depend on the order of the inputs")
	}
}
