package server

import (
	"context"
	"html"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

func TestMarkCited(t *testing.T) {
	text := "Talks ended on Tuesday.\n\nThe minister said 120,000 troops were massed near the border. Officials declined to comment.\n\nWeather was mild."
	for _, c := range []struct {
		name, cited, want string
	}{
		{"retold sentence", "Over 120,000 troops are massed near the border, the minister said.", "The minister said 120,000 troops were massed near the border."},
		{"nothing close", "Markets rallied on strong earnings reports from technology companies.", ""},
		{"no citation", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got string
			paras := markCited(text, c.cited)
			for _, p := range paras {
				if p.Cited != "" {
					got = p.Cited
				}
			}
			if got != c.want {
				t.Errorf("marked %q, want %q", got, c.want)
			}
			var whole []string
			for _, p := range paras {
				whole = append(whole, p.Before+p.Cited+p.After)
			}
			if strings.Join(whole, "\n\n") != text {
				t.Errorf("marking changed the text")
			}
		})
	}
}

// TestStoryPageSources: the sources panel comes before the summary, names
// each outlet, folds a copy under its original, and every citation names
// its outlet and opens the article at the sentence it stands for.
func TestStoryPageSources(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lead := "The city council approved the new river bridge on Tuesday after a debate that lasted ten years, the mayor said. Construction of the 400-metre bridge will start in March and cost 85 million euros, according to the council."
	lines := []string{
		`{"id":"one","outlet":"Daily Courier","url":"https://courier.example/bridge","published":"2024-03-05T09:00:00+01:00","title":"Council approves river bridge","text":"` + lead + ` Residents had campaigned for a crossing since the old ferry closed."}`,
		`{"id":"two","outlet":"Evening Post","url":"https://post.example/bridge","published":"2024-03-05T15:30:00Z","title":"River bridge approved after ten years","text":"The city council approved the new river bridge on Tuesday after a decade of debate, the mayor said. The 400-metre bridge will cost 85 million euros, the council said, and work starts in March. Opponents said the money should go to schools."}`,
		`{"id":"three","outlet":"Wire Copy","url":"https://wire.example/bridge","published":"2024-03-05T10:00:00+01:00","title":"Council approves river bridge","text":"` + lead + ` Residents had campaigned for a crossing since the old ferry closed."}`,
	}
	if _, err := pipeline.Ingest(context.Background(), st, []string{"-"}, strings.NewReader(strings.Join(lines, "\n")), pipeline.DefaultOptions(), pipeline.DefaultStoryOptions()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	_, _, home := get(t, srv, "/")
	code, _, page := get(t, srv, "/stories/"+firstStoryID(t, home))
	if code != 200 {
		t.Fatalf("story page: %d", code)
	}
	sources, summary := strings.Index(page, `id="sources"`), strings.Index(page, `id="summary"`)
	if sources < 0 || summary < 0 || sources > summary {
		t.Fatalf("sources panel at %d, summary at %d: want the sources first", sources, summary)
	}
	panel := html.UnescapeString(page[sources:summary])
	for _, want := range []string{"Daily Courier", "Evening Post", "5 March 2024, 09:00 (UTC+01:00)", "5 March 2024, 15:30 (UTC)",
		`href="https://post.example/bridge"`, `class="copies"`, "copy:"} {
		if !strings.Contains(panel, want) {
			t.Errorf("sources panel lacks %q:\n%s", want, panel)
		}
	}
	if !strings.Contains(page, "3 articles · 3 outlets · 5 March 2024") {
		t.Errorf("story meta line missing or misworded")
	}
	cites := regexp.MustCompile(`<a class="cite" href="([^"]+)" title="([^"]*)">\[(\d+) ([^\]]+)\]</a>`).FindAllStringSubmatch(page[summary:], -1)
	if len(cites) == 0 {
		t.Fatalf("no citation names its outlet")
	}
	for _, c := range cites {
		if c[2] == "" {
			t.Errorf("citation [%s %s] has no title tooltip", c[3], c[4])
		}
		_, _, art := get(t, srv, strings.TrimSuffix(html.UnescapeString(c[1]), "#cited"))
		if !strings.Contains(art, `<mark id="cited">`) {
			t.Errorf("citation %s opens the article with no sentence marked", c[1])
		}
	}
}
