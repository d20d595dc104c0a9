package analyze

import (
	"encoding/json"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
)

func allSides(tb testing.TB) []news.Article {
	arts, _ := shareddata.AllSides(tb)
	return arts
}

func TestAnalyzeFillsEveryList(t *testing.T) {
	a := Analyze(news.Article{Text: "Nothing here."})
	if a.Quotes == nil || a.Entities == nil || a.Facts == nil {
		t.Error("empty analysis lists must be [], not null")
	}
	a = Analyze(news.Article{Published: "2022-01-27", Text: "“There was no positive answer to the main question,” Russian Foreign Minister Sergei Lavrov said on Jan. 27. Moscow has massed over 120,000 troops near Ukraine."})
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Sergei Lavrov" || !a.Quotes[0].Direct {
		t.Errorf("quotes = %+v", a.Quotes)
	}
	keys := map[string]bool{}
	for _, e := range a.Entities {
		if e.Key == "" {
			t.Errorf("entity %q without key", e.Name)
		}
		keys[e.Name] = true
	}
	if !keys["Sergei Lavrov"] || !keys["Ukraine"] {
		t.Errorf("entities = %+v", a.Entities)
	}
	found := false
	for _, f := range a.Facts {
		found = found || f.Value == "120000" && f.Unit == "troops" && f.Qualifier == "over"
	}
	if !found {
		t.Errorf("facts = %+v", a.Facts)
	}
}

func TestAnalyzeDeterministic(t *testing.T) {
	arts := allSides(t)[:50]
	for _, a := range arts {
		x, _ := json.Marshal(Analyze(a))
		y, _ := json.Marshal(Analyze(a))
		if string(x) != string(y) {
			t.Fatalf("%s: two runs differ", a.ID)
		}
	}
}

// BenchmarkAnalyze measures the whole analysis stage over the AllSides dev
// texts; run it on one core:
//
//	go test -run '^$' -bench Analyze -cpu 1 ./internal/analyze/
func BenchmarkAnalyze(b *testing.B) {
	arts := allSides(b)
	chars := 0
	for _, a := range arts {
		chars += len(a.Text)
	}
	b.SetBytes(int64(chars))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Analyze(a)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

func TestAnalyzeGerman(t *testing.T) {
	a := Analyze(news.Article{Language: "de", Text: "Bundeskanzler Olaf Scholz hat Russland vor einem Angriff gewarnt. " +
		"„Wir werden nicht zögern, harte Sanktionen zu verhängen“, sagte Scholz am Mittwoch in Berlin."})
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Olaf Scholz" || a.Quotes[0].Cue != "sagte" {
		t.Errorf("quotes = %+v", a.Quotes)
	}
	names := map[string]bool{}
	for _, e := range a.Entities {
		names[e.Name] = true
	}
	if !names["Olaf Scholz"] || !names["Berlin"] || names["Angriff"] || names["Mittwoch"] {
		t.Errorf("entities = %+v", a.Entities)
	}
}

func TestAnalyzeTitleQuotes(t *testing.T) {
	a := Analyze(news.Article{
		Title: "Lavrov: No positive answer to the main question",
		Text:  "Russian Foreign Minister Sergei Lavrov spoke in Moscow on Thursday. “There is a response,” Lavrov said.",
	})
	if len(a.Quotes) != 2 {
		t.Fatalf("quotes = %+v", a.Quotes)
	}
	if q := a.Quotes[0]; !q.InTitle || q.Speaker != "Sergei Lavrov" || q.Text != "No positive answer to the main question" {
		t.Errorf("title quote = %+v", q)
	}
	if q := a.Quotes[1]; q.InTitle || q.Speaker != "Sergei Lavrov" || a.Text[q.Start:q.End] != q.Text {
		t.Errorf("text quote = %+v", q)
	}
}
