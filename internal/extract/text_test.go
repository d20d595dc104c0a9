package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
)

// aebTextPages reads the AEB pages in their plain-text form: each page's
// visible text with all its boilerplate (html-text.json), as the issue asks
// to measure the plain-text cleaner on.
func aebTextPages(tb testing.TB) map[string]string {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(aebDir, "html-text.json"))
	if os.IsNotExist(err) {
		tb.Skipf("%s not found", aebDir)
	}
	if err != nil {
		tb.Fatal(err)
	}
	var set struct {
		Output map[string]struct {
			ArticleBody string `json:"articleBody"`
		} `json:"output"`
	}
	if err := json.Unmarshal(raw, &set); err != nil {
		tb.Fatal(err)
	}
	pages := map[string]string{}
	for id, p := range set.Output {
		pages[id] = p.ArticleBody
	}
	return pages
}

func textDoc(id, body string) news.RawDoc {
	return news.RawDoc{Source: id + ".txt", Body: []byte(body), Format: news.FormatText}
}

// TestPlainTextAEB scores the plain-text cleaner on AEB's text dumps (full
// page text scores 0.665 there).
func TestPlainTextAEB(t *testing.T) {
	pages := aebTextPages(t)
	opts := DefaultOptions()
	P, R, F := scoreAEB(t, func(id string) string {
		a, _ := Extract(textDoc(id, pages[id]), opts)
		return a.Text
	})
	t.Logf("AEB plain text: %d pages, precision %.3f recall %.3f F1 %.3f", len(pages), P, R, F)
	if F < 0.87 {
		t.Errorf("AEB plain-text shingle F1 = %.3f, want >= 0.87", F)
	}
}

// BenchmarkPlainText measures extraction of the AEB pages from their text
// dumps; BenchmarkTrafilatura, in the same run, measures stock go-trafilatura
// on the HTML of the same pages.
func BenchmarkPlainText(b *testing.B) {
	pages := aebTextPages(b)
	docs := make([]news.RawDoc, 0, len(pages))
	for id, p := range pages {
		docs = append(docs, textDoc(id, p))
	}
	opts := DefaultOptions()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			_, _ = Extract(d, opts)
		}
	}
	reportPages(b, len(docs))
}

// TestTextTooLong checks that a plain-text input whose article would be
// over MaxText is refused with one line saying so, and one just under it
// is read.
func TestTextTooLong(t *testing.T) {
	para := strings.Repeat("The council voted on the new budget on Tuesday after a long debate about schools. ", 12) + "\n\n"
	long := strings.Repeat(para, MaxText/len(para)+2)
	_, err := Extract(news.RawDoc{Source: "long.txt", Body: []byte(long), IsArticle: true}, DefaultOptions())
	if err == nil || !strings.Contains(err.Error(), "long.txt") || !strings.Contains(err.Error(), "too long") {
		t.Errorf("a %d-byte article: error %v, want one naming the input and saying it is too long", len(long), err)
	}
	short := strings.Repeat(para, MaxText/len(para)-2)
	if _, err := Extract(news.RawDoc{Source: "short.txt", Body: []byte(short), IsArticle: true}, DefaultOptions()); err != nil {
		t.Errorf("a %d-byte article: %v", len(short), err)
	}
}
