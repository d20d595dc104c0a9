package quotes

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/sentences"
)

// TestEvalDump writes the quotes of every CHORUS_EVAL_DIR/text/*.txt (or
// CHORUS_EVAL_DIR/*.txt) to CHORUS_EVAL_OUT as JSON lines {"source",
// "quotes"}, for scoring:
//
//	CHORUS_EVAL_DIR=../shared/data/attribution/polnear-dev CHORUS_EVAL_OUT=/tmp/pn.jsonl \
//	    go test ./internal/analyze/quotes/ -run TestEvalDump
//	python3 ../shared/scoring/score_attribution.py ../shared/data/attribution/polnear-dev /tmp/pn.jsonl
func TestEvalDump(t *testing.T) {
	dir, out := os.Getenv("CHORUS_EVAL_DIR"), os.Getenv("CHORUS_EVAL_OUT")
	if dir == "" || out == "" {
		t.Skip("set CHORUS_EVAL_DIR and CHORUS_EVAL_OUT")
	}
	files := evalFiles(t, dir)
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	n := 0
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		qs := Find(text, sentences.Split(text), nil)
		if qs == nil {
			qs = []news.Quote{}
		}
		n += len(qs)
		if err := enc.Encode(struct {
			Source string       `json:"source"`
			Quotes []news.Quote `json:"quotes"`
		}{p, qs}); err != nil {
			t.Fatal(err)
		}
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles, %d quotes -> %s", len(files), n, out)
}

// evalFiles lists the texts of an evaluation folder.
func evalFiles(tb testing.TB, dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(dir, "*.txt"))
	}
	if len(files) == 0 {
		tb.Skipf("no texts under %s", dir)
	}
	sort.Strings(files)
	return files
}
