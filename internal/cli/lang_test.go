package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// TestLangFlag: --lang tells each story in the language asked for when one
// of its articles is in it, in its main language otherwise; a value that is
// no language code is bad usage.
func TestLangFlag(t *testing.T) {
	in := `{"id":"en","language":"en","title":"ECB cuts rates","published":"2024-06-06","text":"The European Central Bank cut its deposit rate to 3.75% from 4% on Thursday in Frankfurt, its first cut since 2019, Christine Lagarde said."}
{"id":"de","language":"de","title":"EZB senkt die Zinsen","published":"2024-06-06","text":"Die Europäische Zentralbank senkt den Einlagenzins von 4 auf 3,75 Prozent, wie Christine Lagarde am Donnerstag in Frankfurt mitteilte."}
`
	code, stdout, stderr := run(t, in, "digest", "--json", "--quiet", "--lang", "DE", "-")
	var d news.Digest
	if err := json.Unmarshal([]byte(stdout), &d); code != exitOK || err != nil {
		t.Fatalf("digest --lang DE: %d %v %s", code, err, stderr)
	}
	lang := map[string]string{}
	for _, a := range d.Articles {
		lang[a.ID] = a.Language
	}
	for _, s := range d.Stories {
		want := s.Language
		for _, id := range s.Articles {
			if lang[id] == "de" {
				want = "de"
			}
		}
		if s.SummaryLanguage != want || len(s.Languages) == 0 {
			t.Errorf("story %v: told in %q, want %q (languages %v)", s.Articles, s.SummaryLanguage, want, s.Languages)
		}
	}
	db := filepath.Join(t.TempDir(), "chorus.db")
	for _, args := range [][]string{{"digest", "--lang", "german", "-"}, {"export", "--db", db, "--lang", "1"}, {"serve", "--db", db, "--lang", "x"}} {
		if code, _, stderr := run(t, "", args...); code != exitUsage || !strings.Contains(stderr, "not a language code") {
			t.Errorf("%v: exit %d %q, want %d", args, code, stderr, exitUsage)
		}
	}
	if code, _, stderr := run(t, in, "ingest", "--db", db, "--quiet", "-"); code != exitOK {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	code, stdout, _ = run(t, "", "export", "--db", db, "--format", "json", "--lang", "de")
	if err := json.Unmarshal([]byte(stdout), &d); code != exitOK || err != nil {
		t.Fatalf("export --lang de: %d %v", code, err)
	}
	for _, s := range d.Stories {
		if s.Languages["de"] > 0 && s.SummaryLanguage != "de" {
			t.Errorf("export --lang de: story %v told in %q", s.Articles, s.SummaryLanguage)
		}
	}
}
