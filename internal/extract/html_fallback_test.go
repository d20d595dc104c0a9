package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// TestFallbackOnDemandSameAsLibrary extracts every AEB page (and, with
// CHORUS_EVAL_WCXB=1, every WCXB article page: a minute more) with the
// fallback made on demand and with the library's own fallback, and wants
// the same content tree from both.
func TestFallbackOnDemandSameAsLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("long: runs 181 pages twice")
	}
	sets := []string{aebDir}
	if os.Getenv("CHORUS_EVAL_WCXB") == "1" {
		sets = append(sets, filepath.Join(filepath.Dir(aebDir), "wcxb-articles-dev"))
	}
	for _, set := range sets {
		dir := filepath.Join(set, "html")
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("%s not found", dir)
		}
		ids, bodies := loadHTMLSet(t, dir)
		for i, body := range bodies {
			root, _, err := parseHTML(body)
			if err != nil {
				continue
			}
			opts := trafilatura.Options{EnableFallback: true, HtmlDateMode: trafilatura.Disabled}
			got, gotErr := extractMain(root, opts)
			want, wantErr := trafilatura.ExtractDocument(root, opts)
			if (gotErr != nil) != (wantErr != nil) {
				t.Errorf("%s: error %v, the library's %v", ids[i], gotErr, wantErr)
				continue
			}
			if gotErr != nil {
				continue
			}
			if g, w := render(t, got.ContentNode), render(t, want.ContentNode); g != w || got.ContentText != want.ContentText {
				t.Errorf("%s: %d characters extracted, the library %d", ids[i], len(got.ContentText), len(want.ContentText))
			}
		}
	}
}

// TestFallbackProbe checks the probe's premises: a page whose own
// extraction is short gets the library's fallback, and a page that holds
// the probe's text as its own is still extracted.
func TestFallbackProbe(t *testing.T) {
	opts := trafilatura.Options{EnableFallback: true, HtmlDateMode: trafilatura.Disabled}
	short := parseHTMLFragment(t, `<html><body><div class="nav"><a href="/">Home</a></div><main><p>A short note.</p></main></body></html>`)
	got, gotErr := extractMain(short, opts)
	want, wantErr := trafilatura.ExtractDocument(short, opts)
	if (gotErr != nil) != (wantErr != nil) || gotErr == nil && got.ContentText != want.ContentText {
		t.Errorf("short page: got %v %v, the library %v %v", got, gotErr, want, wantErr)
	}
	if gotErr == nil && strings.Contains(got.ContentText, probeText) {
		t.Errorf("the probe's text came out: %q", got.ContentText)
	}
	page := parseHTMLFragment(t, `<html><body><article><p>`+strings.Repeat("Text of the page. ", 40)+`</p><p>`+probeText+`</p></article></body></html>`)
	got, err := extractMain(page, opts)
	if err != nil || !strings.Contains(got.ContentText, "Text of the page.") {
		t.Errorf("a page holding the probe's text: %v, %v", got, err)
	}
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestWordCount checks the streaming count against the text joined and
// collapsed with strings.Fields, as go-trafilatura measures it.
func TestWordCount(t *testing.T) {
	for _, pieces := range [][]string{
		{},
		{"   "},
		{"one"},
		{" two  words "},
		{"run", "on", " then\tapart\n"},
		{"non\u00a0breaking", "\u3000ideographic space", "émigré naïve"},
		{"a", " ", "b", "", "c "},
	} {
		var w wordCount
		joined := ""
		for i, p := range pieces {
			if i == 3 {
				w.space()
				joined += " "
			}
			w.add(p)
			joined += p
		}
		want := utf8.RuneCountInString(strings.Join(strings.Fields(joined), " "))
		if got := w.collapsedLen(); got != want {
			t.Errorf("%q: %d characters, want %d", pieces, got, want)
		}
	}
}
