package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// scoreAEB runs predict over every page of the AEB set and scores the texts
// as ../shared/scoring/score_extraction.py does: mean shingle precision and
// recall over pages, and their F1.
func scoreAEB(t *testing.T, predict func(id string) string) (P, R, F float64) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(aebDir, "ground-truth.json"))
	if os.IsNotExist(err) {
		t.Skipf("%s not found", aebDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	var ps, rs []float64
	for id, g := range gold {
		p, r, ok := shinglePR(g.ArticleBody, predict(id))
		if !ok {
			continue
		}
		if p >= 0 {
			ps = append(ps, p)
		}
		rs = append(rs, r)
	}
	P, R = mean(ps), mean(rs)
	if P+R > 0 {
		F = 2 * P * R / (P + R)
	}
	return P, R, F
}

// rxWord is Python's \w: letters, digits and the underscore.
var rxWord = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shinglePR is shingle_prf of ../shared/scoring/score_extraction.py: the
// multisets of 4-token shingles (case kept) of the gold and predicted texts,
// precision and recall from their overlap. p is -1 when undefined; ok is
// false when both texts are empty.
func shinglePR(gold, pred string) (p, r float64, ok bool) {
	t, q := shingles(gold), shingles(pred)
	tp, np, nt := 0, 0, 0
	for k, c := range q {
		np += c
		tp += min(c, t[k])
	}
	for _, c := range t {
		nt += c
	}
	fp, fn := np-tp, nt-tp
	if tp+fp+fn == 0 {
		return 0, 0, false
	}
	p = -1
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	r = 1
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	return p, r, true
}

func shingles(text string) map[string]int {
	toks := rxWord.FindAllString(text, -1)
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], "\x00")]++
	}
	return m
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
