package postgres

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/shareddata"
)

// TestSearchVectorIsTheServers checks that the search vector built here is
// the very one the server's to_tsvector makes, on real articles (whose
// vocabulary exercises the stemmer) and on texts at the type's limits.
func TestSearchVectorIsTheServers(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	type pair struct{ name, title, text string }
	var pairs []pair
	for _, sd := range shareddata.Seeds(t) {
		title, text, _ := strings.Cut(sd.Text, "\n")
		pairs = append(pairs, pair{sd.Name, title, text})
	}
	arts, _ := shareddata.AllSides(t)
	for _, a := range arts {
		pairs = append(pairs, pair{a.ID, a.Title, a.Text})
	}
	texts, _ := filepath.Glob(shareddata.Path("data", "attribution", "polnear-train", "text", "*.txt"))
	for _, p := range texts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(string(b), "\n")
		pairs = append(pairs, pair{filepath.Base(p), title, text})
	}
	long := strings.Repeat("the running dogs ran 3D 1e5 2022 ", 5000) // past maxPosition and maxPositions
	pairs = append(pairs,
		pair{"empty", "", ""},
		pair{"title only", "Talks, talks and more talks", ""},
		pair{"text only", "", "Nothing but a body"},
		pair{"shared words", strings.Repeat("talks ", 300), strings.Repeat("talks held ", 300)},
		pair{"long", "Running talks", long},
		pair{"long title", long, "and a body of running words"},
		pair{"long word", "x", strings.Repeat("a", maxWordBytes-1) + " " + strings.Repeat("b", maxWordBytes) + " " + strings.Repeat("c", maxStemmedBytes+1) + "ing after"},
		pair{"digits and letters", "COVID19 19th 0x1F", "abc123def 123abc a1 12345678901234567890 running1 RUNNING"},
	)
	built := 0
	for _, p := range pairs {
		title, text := searchText(p.title), searchText(p.text)
		vector, ok := searchVector(title, text)
		if !ok {
			continue
		}
		built++
		var same bool
		var theirs, ours string
		err := s.pool.QueryRow(t.Context(), `SELECT v = $1, v::text, $1::text FROM (SELECT
	setweight(to_tsvector('chorus_search', $2), 'A') || setweight(to_tsvector('chorus_search', $3), 'B') AS v) x`,
			vector, title, text).Scan(&same, &theirs, &ours)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		if !same {
			t.Errorf("%s: the built search vector differs from the server's:\nserver %.300s\nbuilt  %.300s", p.name, theirs, ours)
		}
	}
	if built < len(pairs)*9/10 {
		t.Errorf("built %d of %d search vectors here; want nearly all (the rest go to the server)", built, len(pairs))
	}
	if _, ok := searchVector(searchText("Сергей Лавров"), ""); ok {
		t.Error("a Cyrillic title was built here; its parsing depends on the server's locale")
	}
}

// FuzzSearchFold holds the fast fold of mostly-ASCII text to the
// decomposed walk it stands in for.
func FuzzSearchFold(f *testing.F) {
	for _, s := range []string{"“Talks”, he said — in Paris…", "café Lavrov", "e\u0301 and ﬁ", "x² ½ ٣ Ω K", "\u1fed\u037e\u2000", "a\xffb\x00c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(s)
		if got, ok := foldPlain(s); ok {
			if want := foldDecomposed(s); got != want {
				t.Errorf("foldPlain(%q) = %q, the decomposed walk gives %q", s, got, want)
			}
		}
	})
}

func BenchmarkSearchColumns(b *testing.B) {
	arts, _ := shareddata.AllSides(b)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			searchColumns(a.Title, a.Text)
		}
	}
}
