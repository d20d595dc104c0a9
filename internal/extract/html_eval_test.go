package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html/charset"

	"github.com/chorusnews/chorus/internal/news"
)

// loadHTMLSet reads every <id>.html.gz under dir, decoded to UTF-8 much as
// ingest does it (UTF-8 kept, else the page's own declaration, else a guess).
// It returns the ids (file names without .html.gz) and bodies, sorted by id.
func loadHTMLSet(tb testing.TB, dir string) ([]string, [][]byte) {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(paths)
	ids := make([]string, 0, len(paths))
	bodies := make([][]byte, 0, len(paths))
	for _, p := range paths {
		body, err := readHTMLGz(p)
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		ids = append(ids, strings.TrimSuffix(filepath.Base(p), ".html.gz"))
		bodies = append(bodies, body)
	}
	return ids, bodies
}

func readHTMLGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return decodeHTML(raw)
}

// decodeHTML decodes a page to UTF-8. A body that is valid UTF-8 is kept as
// it is: charset.NewReader alone looks at the first 1024 bytes only, and
// when those are plain ASCII without a declaration it guesses windows-1252,
// which turns every later "’" of a UTF-8 page into "â€™".
func decodeHTML(raw []byte) ([]byte, error) {
	if utf8.Valid(raw) {
		return raw, nil
	}
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// TestHTMLEvalDump writes one prediction per page of an evaluation set as
// JSON Lines ({"source", "text", "title", "authors", "published", …}) for
// ../shared/scoring/score_extraction.py, and prints the time per page. It
// runs only when asked; relative paths are from this package's directory:
//
//	CHORUS_EVAL_DIR=../../../shared/data/extraction/wcxb-articles-dev/html \
//	CHORUS_EVAL_OUT=/tmp/wcxb.jsonl go test -v -run TestHTMLEvalDump ./internal/extract/
//	python3 ../shared/scoring/score_extraction.py wcxb ../shared/data/extraction/wcxb-articles-dev /tmp/wcxb.jsonl
//
// CHORUS_EVAL_DIR defaults to the AEB set; CHORUS_EVAL_REPEAT=n times each
// page n times and keeps its fastest run.
// CHORUS_EVAL_OPTS picks non-default options: a comma-separated list of
// fallback=on|off, focus=balanced|precision|recall, date=fast|extensive|auto|off;
// or "stock" for go-trafilatura with its default options and its own text.
func TestHTMLEvalDump(t *testing.T) {
	out := os.Getenv("CHORUS_EVAL_OUT")
	if out == "" {
		t.Skip("set CHORUS_EVAL_OUT (and CHORUS_EVAL_DIR) to dump predictions")
	}
	var err error
	dir := os.Getenv("CHORUS_EVAL_DIR")
	if dir == "" {
		dir = filepath.Join(aebDir, "html")
	}
	stock := os.Getenv("CHORUS_EVAL_OPTS") == "stock"
	var opts HTMLOptions
	if !stock {
		opts, err = parseEvalOpts(os.Getenv("CHORUS_EVAL_OPTS"))
	}
	if err != nil {
		t.Fatal(err)
	}
	ids, bodies := loadHTMLSet(t, dir)
	if len(ids) == 0 {
		t.Fatalf("no *.html.gz under %s", dir)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	// CHORUS_EVAL_REPEAT runs each page that many times and keeps its
	// fastest run, to time pages on a busy machine.
	repeat, _ := strconv.Atoi(os.Getenv("CHORUS_EVAL_REPEAT"))
	repeat = max(repeat, 1)
	var total time.Duration
	failed := 0
	for i, id := range ids {
		var (
			a    news.Article
			err  error
			best time.Duration
		)
		for r := 0; r < repeat; r++ {
			start := time.Now()
			if stock {
				a, err = extractStock(bodies[i])
			} else {
				a, err = extractHTML(news.RawDoc{Source: id, Body: bodies[i], Format: news.FormatHTML}, opts)
			}
			if d := time.Since(start); r == 0 || d < best {
				best = d
			}
		}
		total += best
		if err != nil {
			failed++
			t.Logf("%s: %v", id, err)
		}
		if a.Authors == nil {
			a.Authors = []string{}
		}
		rec := map[string]any{
			"source": id, "text": a.Text, "title": a.Title, "authors": a.Authors,
			"published": a.Published, "url": a.URL, "outlet": a.Outlet, "language": a.Language,
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("pages %d  failed %d  %.1f ms/page  opts %+v\n", len(ids), failed,
		float64(total.Microseconds())/1000/float64(len(ids)), opts)
}

// extractStock runs go-trafilatura as it comes, for comparison.
func extractStock(body []byte) (news.Article, error) {
	res, err := trafilatura.Extract(bytes.NewReader(body), trafilatura.Options{})
	if err != nil {
		return news.Article{}, err
	}
	a := news.Article{Title: res.Metadata.Title, Text: res.ContentText, Authors: []string{}}
	if res.Metadata.Author != "" {
		a.Authors = strings.Split(res.Metadata.Author, "; ")
	}
	if !res.Metadata.Date.IsZero() {
		a.Published = res.Metadata.Date.Format(time.DateOnly)
	}
	return a, nil
}

func parseEvalOpts(s string) (HTMLOptions, error) {
	var o HTMLOptions
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		switch k + "=" + v {
		case "fallback=on":
			o.Fallback = FallbackOn
		case "fallback=off":
			o.Fallback = FallbackOff
		case "focus=balanced":
			o.Focus = FocusBalanced
		case "focus=precision":
			o.Focus = FocusPrecision
		case "focus=recall":
			o.Focus = FocusRecall
		case "date=fast":
			o.DateMode = DateFast
		case "date=extensive":
			o.DateMode = DateExtensive
		case "date=off":
			o.DateMode = DateOff
		case "date=auto":
			o.DateMode = DateAuto
		default:
			return o, fmt.Errorf("CHORUS_EVAL_OPTS: unknown %q", kv)
		}
	}
	return o, nil
}

// aebDir is the ScrapingHub article-extraction-benchmark, relative to this
// package's directory.
const aebDir = "../../../shared/data/extraction/aeb"
