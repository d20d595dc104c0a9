package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/chorusnews/chorus/internal/news"
)

func TestMeasureHTML(t *testing.T) {
	tests := []struct {
		page string
		want htmlShape
	}{
		{`<p class="lead" id=p1>Hello</p>`, htmlShape{elements: 1, attrs: 2, attrBytes: len("class") + len("lead") + len("id") + len("p1"), texts: 1, textBytes: 5}},
		// A '>' inside quotes does not end the tag; one without a value
		// counts, a repeated one too.
		{`<a title="x > y" href='/z' hidden hidden>t</a>`, htmlShape{elements: 1, attrs: 4, attrBytes: 5 + 5 + 4 + 2 + 6 + 6, texts: 1, textBytes: 1}},
		// Markup in a script is its text, which is not visible text.
		{`<script>if (a<b) document.write("<p x=1>")</script><p>x</p>`, htmlShape{elements: 2, texts: 2, textBytes: 1}},
		{`<STYLE>p > a {}</Style ><p>x</p>`, htmlShape{elements: 2, texts: 2, textBytes: 1}},
		{`<title>A <b>c</b></title>`, htmlShape{elements: 1, texts: 1, textBytes: len("A <b>c</b>")}},
		{`<!DOCTYPE html><!-- <p a=b> -- --><p>x</p><!--->`, htmlShape{elements: 1, texts: 1, textBytes: 1, comments: 3}},
		{`<?xml version="1.0"?></ p>x</>y`, htmlShape{texts: 2, textBytes: 2, comments: 2}},
		// A '<' that opens no tag is text.
		{`a < b <3 c`, htmlShape{texts: 1, textBytes: 10}},
		{`<div a=1 b`, htmlShape{elements: 1, attrs: 2, attrBytes: 3}},
		{`<p>x</p  class="y">z`, htmlShape{elements: 1, texts: 2, textBytes: 2}},
		{`<plaintext><p>all text`, htmlShape{elements: 1, texts: 1, textBytes: len("<p>all text")}},
	}
	for _, tt := range tests {
		if got := measureHTML([]byte(tt.page)); got != tt.want {
			t.Errorf("measureHTML(%q) = %+v, want %+v", tt.page, got, tt.want)
		}
	}
}

// tokenizerShape counts as measureHTML does, with html.Tokenizer.
func tokenizerShape(page []byte) htmlShape {
	var s htmlShape
	z := html.NewTokenizer(bytes.NewReader(page))
	raw := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return s
		case html.StartTagToken, html.SelfClosingTagToken:
			s.elements++
			name, more := z.TagName()
			raw = rawTextElement(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				s.attrs++
				s.attrBytes += len(k) + len(v)
			}
		case html.TextToken:
			s.texts++
			if raw != "script" && raw != "style" {
				s.textBytes += len(z.Raw())
			}
		case html.CommentToken, html.DoctypeToken:
			s.comments++
		case html.EndTagToken:
			raw = ""
		}
	}
}

// TestHTMLLimitsRealPages checks that the news pages of the evaluation
// sets are far from the limits (none is even heavy), and that
// measureHTML counts them as html.Tokenizer does (attributes excepted,
// which the tokenizer counts once per name).
func TestHTMLLimitsRealPages(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the evaluation sets")
	}
	for _, dir := range []string{aebDir, filepath.Join(filepath.Dir(aebDir), "wcxb-articles-dev")} {
		if _, err := os.Stat(filepath.Join(dir, "html")); err != nil {
			t.Skipf("%s not found", dir)
		}
		ids, bodies := loadHTMLSet(t, filepath.Join(dir, "html"))
		var most htmlShape
		for i, body := range bodies {
			_, s, err := parseHTML(body)
			tok := tokenizerShape(body)
			if tok.textDepth = s.textDepth; s.elements != tok.elements || s.texts != tok.texts || s.textBytes != tok.textBytes || s.comments != tok.comments || s.attrs < tok.attrs {
				t.Errorf("%s: measureHTML %+v, html.Tokenizer %+v", ids[i], s, tok)
			}
			if err != nil {
				t.Errorf("%s: refused: %v", ids[i], err)
			} else if s.heavy() {
				t.Errorf("%s: heavy: %+v", ids[i], s)
			}
			most = htmlShape{
				elements: max(most.elements, s.elements), attrs: max(most.attrs, s.attrs), attrBytes: max(most.attrBytes, s.attrBytes),
				texts: max(most.texts, s.texts), textBytes: max(most.textBytes, s.textBytes), comments: max(most.comments, s.comments),
				textDepth: max(most.textDepth, s.textDepth),
			}
		}
		t.Logf("%s: %d pages, the most of each: %+v", filepath.Base(dir), len(bodies), most)
	}
}

func TestHTMLLimits(t *testing.T) {
	l := htmlLimits
	page := func(s string) string { return testPage("<title>Trams</title>", pageBody+s) }
	tests := []struct {
		name, page, want string
	}{
		{"elements", page(strings.Repeat("<i></i>", l.elements)), "too many elements: 20,0"},
		{"attributes", page("<div" + strings.Repeat(" a=1", l.attrs) + "></div>"), "too many attributes: 50,0"},
		{"attribute bytes", page(`<img src="data:image/png;base64,` + strings.Repeat("A", l.attrBytes) + `">`), "attributes too long: 4,19"},
		{"text nodes", page(strings.Repeat("</i>.", l.texts)), "too many text nodes: 30,0"},
		{"text", page("<p>" + strings.Repeat("All work and no play. ", l.textBytes/22) + "</p>"), "too much text: 1,0"},
		{"comments", page(strings.Repeat("<!---->", l.comments)), "too many comments: 10,0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(news.RawDoc{Source: "big.html", Body: []byte(tt.page), Format: news.FormatHTML}, DefaultOptions())
			var ie *news.InputError
			if !errors.As(err, &ie) || ie.Source != "big.html" || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "exceeds the limit of") {
				t.Errorf("error %v, want one naming big.html: %s…", err, tt.want)
			}
		})
	}
	// Text nested deep is refused once parsed; just under the limits, a
	// page goes through, lean.
	for _, p := range []struct {
		name, want string
		body       []byte
		heavy      bool
	}{
		{"nested", "text nested too deep: 129,9", limitsPage(19_750, 250, 172), true},
		{"at the limits", "", limitsPage(19_750, 50, 172), true},
		{"under a quarter of them", "", limitsPage(4_750, 50, 172), false},
	} {
		_, s, err := parseHTML(p.body)
		if (err == nil) != (p.want == "") || err != nil && !strings.Contains(err.Error(), p.want) || s.heavy() != p.heavy {
			t.Errorf("%s: %+v: %v, heavy %v; want %q, heavy %v", p.name, s, err, s.heavy(), p.want, p.heavy)
		}
	}
}

// TestHeavyPages extracts heavy pages side by side: their text comes out,
// and they take turns.
func TestHeavyPages(t *testing.T) {
	body := testPage("<title>Trams</title>", pageBody+strings.Repeat("<span class=x>.</span>", htmlLimits.elements/4))
	if s := measureHTML([]byte(body)); !s.heavy() || s.check() != nil {
		t.Fatalf("the page is not heavy: %+v", s)
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			a, err := Extract(news.RawDoc{Source: "heavy.html", Body: []byte(body), Format: news.FormatHTML}, DefaultOptions())
			if err != nil || !strings.Contains(a.Text, "expand the tram network") {
				t.Errorf("heavy page: %v, text %q", err, a.Text)
			}
		})
	}
	wg.Wait()
	select {
	case heavyPages <- struct{}{}:
		<-heavyPages
	default:
		t.Error("heavyPages still held")
	}
}

func TestExtensiveAffordable(t *testing.T) {
	if got := yearNumbers([]byte("1999, 2000 and x2019y; not 20001, 1899, 2100 or 12019")); got != 3 {
		t.Errorf("yearNumbers = %d, want 3", got)
	}
	var dates strings.Builder
	for y := 1990; y < 2030; y++ {
		for m := 1; m <= 12; m++ {
			dates.WriteString(" " + strconv.Itoa(y) + "-" + strconv.Itoa(m) + "-14")
		}
	}
	page := testPage("<title>Dates</title>", pageBody+strings.Repeat("<p>"+dates.String()+"</p>", 40))
	if extensiveAffordable([]byte(page)) {
		t.Errorf("a page of %d bytes with %d dates goes to the extensive search", len(page), 480*40)
	}
	if !extensiveAffordable([]byte(testPage("<title>Dates</title>", pageBody))) {
		t.Error("a plain page does not go to the extensive search")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 50_000: "50,000", 1_000_000: "1,000,000", 4 << 20: "4,194,304", -12345: "-12,345"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// attributeBomb returns a page of about 12 MB whose first <div> holds n
// attributes, before an article.
func attributeBomb(n int) []byte {
	b := make([]byte, 0, 12*n+4096)
	b = append(b, `<!DOCTYPE html><html><head><title>Trams</title></head><body><div`...)
	for i := range n {
		b = append(b, " a"...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `="x"`...)
	}
	b = append(b, "></div><article><h1>Council backs trams</h1>"...)
	b = append(b, pageBody...)
	return append(b, "</article></body></html>"...)
}

// limitsPage returns a page of the given elements, nested depth deep in
// runs, each with a class of classLen bytes and an id, every other one a
// title, each with a text and every other one a text after it and a
// comment: limitsPage(19_750, 250, 172) is just under every limit at once.
func limitsPage(elements, depth, classLen int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html><head><title>Trams</title></head><body><article><h1>Council backs trams</h1>`)
	b.WriteString(pageBody)
	class := strings.Repeat("x", classLen)
	text := strings.Repeat("w", 34)
	for run := 0; run < elements; run += depth {
		for j := range depth {
			k := run + j
			b.WriteString(`<div class="c` + strconv.Itoa(j) + " " + class + `" id=d` + strconv.Itoa(k))
			if k%2 == 1 {
				b.WriteString(" title=t")
			}
			b.WriteString(">" + text)
			if k%2 == 0 {
				b.WriteString("<!--c-->")
			}
		}
		for j := range depth {
			b.WriteString("</div>")
			if j%2 == 1 {
				b.WriteString(text)
			}
		}
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}
