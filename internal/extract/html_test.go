package extract

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/chorusnews/chorus/internal/news"
)

// pageBody is a few paragraphs of filler long enough for go-trafilatura to take
// them for an article.
const pageBody = `<p>The city council voted on Tuesday to expand the tram network by twelve kilometres, after a debate that lasted well into the night and drew hundreds of residents to the public gallery.</p>
<p>Supporters said the new lines would cut commuting times for the eastern districts, where buses are often full before they reach the centre, and would bring shops and jobs closer to people who live there.</p>
<p>Opponents questioned the cost, which the council put at 410 million euros, and asked how the works would affect traffic on the ring road during the four years of construction that the plan foresees.</p>
<p>The mayor said that the first section would open in 2027 and that the council would publish a detailed timetable for the works before the end of the year, together with the contracts awarded.</p>`

func testPage(head, article string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` + head +
		`</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>` +
		article + `</article></main><footer>Contact us</footer></body></html>`
}

func extractTestPage(t *testing.T, html, url string) news.Article {
	t.Helper()
	a, err := extractHTML(news.RawDoc{Source: "t.html", Body: []byte(html), Format: news.FormatHTML, URL: url}, HTMLOptions{})
	if err != nil {
		t.Fatalf("extractHTML: %v", err)
	}
	return a
}

func TestHTMLTitle(t *testing.T) {
	tests := []struct {
		name, head, article, want string
	}{
		{"h1 over og:title", `<title>Council backs tram plan | City Post</title><meta property="og:title" content="Council backs tram plan | City Post"><meta property="og:site_name" content="City Post">`,
			`<h1>Council backs tram expansion after long debate</h1>` + pageBody, "Council backs tram expansion after long debate"},
		{"site name cut from title", `<title>Council backs tram plan - City Post</title><meta property="og:site_name" content="City Post">`,
			pageBody, "Council backs tram plan"},
		{"site name first", `<title>City Post | Council backs tram plan</title><meta property="og:site_name" content="City Post">`,
			pageBody, "Council backs tram plan"},
		{"logo h1 ignored", `<title>Council backs tram plan | City Post</title>`,
			`<h1>CityPost</h1>` + pageBody, "Council backs tram plan"},
		{"unrelated h1 ignored", `<meta property="og:title" content="Council backs tram plan">`,
			`<h1>Weather warnings</h1>` + pageBody, "Council backs tram plan"},
		{"dash kept inside headline", `<title>Covid-19 - what we know</title>`,
			pageBody, "Covid-19 - what we know"},
		{"script title is literal text", `<title><script>alert(1)</script></title>`,
			pageBody, "<script>alert(1)</script>"},
		{"escaped script in h1", `<title>x</title>`,
			`<h1>&lt;script&gt;alert(1)&lt;/script&gt; x</h1>` + pageBody, "<script>alert(1)</script> x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractTestPage(t, testPage(tt.head, tt.article), "")
			if a.Title != tt.want {
				t.Errorf("title = %q, want %q", a.Title, tt.want)
			}
			if strings.Contains(a.Text, "alert(1)") && strings.Contains(tt.want, "alert") && !strings.Contains(tt.article, "alert") {
				t.Errorf("title leaked into text: %q", a.Text)
			}
		})
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe; John Roe", []string{"Jane Doe", "John Roe"}},
		{"By Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe, John Roe & Mary Major", []string{"Jane Doe", "John Roe", "Mary Major"}},
		{"Martin Luther King, Jr.", []string{"Martin Luther King, Jr."}},
		{"Jane Doe, MD, FACP", []string{"Jane Doe, MD, FACP"}},
		{"Doe, Jane; Roe, John", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe | Reuters", []string{"Jane Doe", "Reuters"}},
		{"María García y José López", []string{"María García", "José López"}},
		{"Anne Müller und Jan Meier", []string{"Anne Müller", "Jan Meier"}},
		{"Emily E Smith", []string{"Emily E Smith"}},
		{"Staff", nil},
		{"jane@example.com", nil},
		{"https://example.com/authors/jane", nil},
		{"Jane Doe; https://twitter.com/janedoe", []string{"Jane Doe"}},
		{"Jane Doe; jane; Jane Doe", []string{"Jane Doe", "jane"}},
		{"Colin Rust commented on", []string{"Colin Rust"}},
		{"Recipe by Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe Last updated on", []string{"Jane Doe"}},
		{"Ludwig van Beethoven", []string{"Ludwig van Beethoven"}},
		{"Dec", nil},
		{"May Smith", []string{"May Smith"}},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLAuthors(t *testing.T) {
	tests := []struct {
		name, head, article string
		want                []string
	}{
		{"meta author", `<meta name="author" content="Jane Doe, John Roe">`, pageBody, []string{"Jane Doe", "John Roe"}},
		{"json-ld author", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tram plan","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>`,
			pageBody, []string{"Jane Doe", "John Roe"}},
		{"byline in page", ``, `<div class="meta"><span>By <a href="/people/jane">Jane Doe</a></span> <time>Jan 27, 2022</time></div>` + pageBody, []string{"Jane Doe"}},
		{"author link", ``, `<div class="x"><a href="/author/jane-doe/">Jane Doe</a></div>` + pageBody, []string{"Jane Doe"}},
		{"sentence starting with By is no byline", ``, `<p>By 2030 the city wants half of all trips to be made by tram.</p>` + pageBody, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractTestPage(t, testPage(`<title>Tram plan</title>`+tt.head, tt.article), "")
			got := a.Authors
			if got == nil {
				got = []string{}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("authors = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLPublished(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"date only", `<meta property="article:published_time" content="2022-01-27">`, "2022-01-27"},
		{"date and time with offset", `<meta property="article:published_time" content="2022-01-27T17:03:00+05:30">`, "2022-01-27T17:03:00+05:30"},
		{"late evening west of UTC", `<meta property="article:published_time" content="2022-01-27T23:30:00-05:00">`, "2022-01-27T23:30:00-05:00"},
		{"UTC", `<meta property="article:published_time" content="2022-01-27T08:15:00Z">`, "2022-01-27T08:15:00Z"},
		{"midnight is no time", `<meta property="article:published_time" content="2022-01-27T00:00:00">`, "2022-01-27"},
		{"json-ld", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-04"}</script>`, "2021-03-04"},
		{"none", ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractTestPage(t, testPage(`<title>Tram plan</title>`+tt.head, pageBody), "")
			if a.Published != tt.want {
				t.Errorf("published = %q, want %q", a.Published, tt.want)
			}
		})
	}
}

func TestHTMLPublishedNotAfterFetch(t *testing.T) {
	head := `<title>Tram plan</title><meta property="article:published_time" content="2031-05-04T10:00:00Z">`
	doc := news.RawDoc{Source: "t.html", Body: []byte(testPage(head, pageBody)), Format: news.FormatHTML,
		Fetched: time.Date(2022, 1, 27, 12, 0, 0, 0, time.UTC)}
	a, err := extractHTML(doc, HTMLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "" {
		t.Errorf("published = %q, a date after the page was fetched", a.Published)
	}
}

func TestHTMLURLOutletLanguage(t *testing.T) {
	head := `<title>Tram plan</title><link rel="canonical" href="https://citypost.example/news/tram-plan"><meta property="og:site_name" content="City Post">`
	a := extractTestPage(t, testPage(head, pageBody), "https://citypost.example/news/tram-plan?utm_source=feed")
	if a.URL != "https://citypost.example/news/tram-plan" {
		t.Errorf("url = %q, want the canonical URL", a.URL)
	}
	if a.Outlet != "City Post" {
		t.Errorf("outlet = %q, want City Post", a.Outlet)
	}
	if a.Language != "en" {
		t.Errorf("language = %q, want en", a.Language)
	}

	// Without a canonical link the fetched URL is kept.
	a = extractTestPage(t, testPage(`<title>Tram plan</title>`, pageBody), "https://citypost.example/a/1")
	if a.URL != "https://citypost.example/a/1" {
		t.Errorf("url = %q, want the document's URL", a.URL)
	}
}

func TestHTMLParagraphs(t *testing.T) {
	article := `<h1>Council backs tram expansion</h1>
<p>The city council voted on <b>Tuesday</b> to expand the tram network by twelve kilometres, after a debate that lasted well into the night and drew hundreds of residents.</p>
<p>Supporters said the new lines would cut commuting times for the eastern districts, where buses are often full before they reach the centre.<br>They also promised more frequent trains.</p>
<p>Opponents questioned the cost, which the council put at 410 million euros, and asked about <a href="/traffic">traffic</a> on the ring road during four years of works.</p>
<p>Read more: Council election results</p>
<p>The mayor said that the first section would open in 2027 and that a detailed timetable would be published before the end of the year.</p>
<p>Sign up for our newsletter to get the latest news in your inbox.</p>`
	a := extractTestPage(t, testPage(`<title>Council backs tram expansion | City Post</title>`, article), "")
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 4 {
		t.Fatalf("got %d paragraphs, want 4:\n%s", len(paras), a.Text)
	}
	if strings.Contains(a.Text, "\n\n\n") || strings.TrimSpace(a.Text) != a.Text {
		t.Errorf("paragraphs not separated by exactly one blank line: %q", a.Text)
	}
	if strings.HasPrefix(a.Text, "Council backs tram expansion") {
		t.Errorf("text starts with the title: %q", a.Text)
	}
	if !strings.HasPrefix(paras[0], "The city council voted on Tuesday to expand") {
		t.Errorf("first paragraph = %q", paras[0])
	}
	if !strings.Contains(paras[1], "centre.\nThey also") {
		t.Errorf("<br> not kept as a line break: %q", paras[1])
	}
	if !strings.Contains(paras[2], "asked about traffic on the ring road") {
		t.Errorf("inline link text not joined with spaces: %q", paras[2])
	}
	for _, junk := range []string{"Read more", "newsletter", "Home", "Contact us"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q left in text:\n%s", junk, a.Text)
		}
	}
}

func TestParagraphsInlineSpacing(t *testing.T) {
	// go-trafilatura trims text around inline elements; words must not be
	// glued together, punctuation must not get a space before it, and
	// scripts written without spaces must not get one.
	tests := []struct{ html, want string }{
		{`<p>for<b>Larry</b>, 3 for<b>Myles</b>.</p>`, "for Larry, 3 for Myles."},
		{`<p>(<i>sic</i>) and “<i>quoted</i>”</p>`, "(sic) and “quoted”"},
		{`<p>東京<b>都</b>の</p>`, "東京都の"},
		{`<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, "a b\n\nc d"},
		{`<ul><li>one</li><li>two</li></ul>`, "one\n\ntwo"},
	}
	for _, tt := range tests {
		root := parseHTMLFragment(t, tt.html)
		if got := strings.Join(paragraphs(root), "\n\n"); got != tt.want {
			t.Errorf("paragraphs(%s) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

func TestIsBoilerplate(t *testing.T) {
	yes := []string{
		"Read more: Council election results", "Related: The 15 weirdest galaxies",
		"Advertisement", "Share this article", "Sign up for our newsletter",
		"Subscribe to our newsletters to get the latest news in your inbox.",
		"Follow us on Twitter and Facebook.", "Copyright 2019 Hawaii News Now. All rights reserved.",
		"(Reporting by Jane Doe; Editing by John Roe)", "Jane Doe contributed reporting from Paris.",
		"jane.doe@example.com", "4 min read", "Updated: Nov. 19, 2019 10:43",
		"Photo credit: Getty Images", "By Jane Doe",
	}
	no := []string{
		"Read more about how the plan will be financed in the council's report.",
		"By 2030 the city wants half of all trips to be made by tram.",
		"The council said subscribers to the transport pass would pay less.",
		"Published research shows that trams cut emissions.",
		"Follow the money, the mayor said.",
	}
	for _, p := range yes {
		if !isBoilerplate(p, nil) {
			t.Errorf("isBoilerplate(%q) = false, want true", p)
		}
	}
	for _, p := range no {
		if isBoilerplate(p, nil) {
			t.Errorf("isBoilerplate(%q) = true, want false", p)
		}
	}
}

func TestHTMLErrors(t *testing.T) {
	for name, html := range map[string]string{
		"empty":         ``,
		"no body":       `<!DOCTYPE html><html><head><title>Nothing here</title></head></html>`,
		"empty body":    `<html><head><title>Nothing</title></head><body></body></html>`,
		"only a script": `<html><body><script>var x = 1;</script></body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			a, err := extractHTML(news.RawDoc{Source: "t.html", Body: []byte(html), Format: news.FormatHTML}, HTMLOptions{})
			if err == nil {
				t.Errorf("no error, got %+v", a)
			}
		})
	}
}

func TestHTMLOptionsResolve(t *testing.T) {
	got := HTMLOptions{}.resolve()
	want := HTMLOptions{Fallback: FallbackOn, Focus: FocusBalanced, DateMode: DateAuto}
	if got != want {
		t.Errorf("zero HTMLOptions resolve to %+v, want %+v", got, want)
	}
	set := HTMLOptions{Fallback: FallbackOff, Focus: FocusRecall, DateMode: DateOff}
	if set.resolve() != set {
		t.Errorf("explicit options changed: %+v", set.resolve())
	}
}

// TestHTMLAEB runs the HTML path over the ScrapingHub article-extraction
// benchmark and checks its mean 4-gram shingle F1, the benchmark's metric.
func TestHTMLAEB(t *testing.T) {
	if testing.Short() {
		t.Skip("long: runs 181 pages")
	}
	ids, bodies := loadHTMLSet(t, filepath.Join(aebDir, "html"))
	pages := map[string][]byte{}
	for i, id := range ids {
		pages[id] = bodies[i]
	}
	P, R, F := scoreAEB(t, func(id string) string {
		a, err := extractHTML(news.RawDoc{Source: id, Body: pages[id], Format: news.FormatHTML}, HTMLOptions{})
		if err != nil {
			t.Logf("%s: %v", id, err)
		}
		return a.Text
	})
	t.Logf("AEB HTML: %d pages, precision %.3f recall %.3f F1 %.3f", len(ids), P, R, F)
	if F < 0.95 {
		t.Errorf("AEB shingle F1 = %.3f, want >= 0.95", F)
	}
}

func parseHTMLFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return root
}
