package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/news"
)

//go:embed web
var webFiles embed.FS

// pages are parsed once; html/template escapes every value by its context,
// which is where untrusted article text is made safe.
var pages = func() map[string]*template.Template {
	m := map[string]*template.Template{}
	for _, name := range []string{"stories", "story", "article", "search"} {
		m[name] = template.Must(template.ParseFS(webFiles, "web/layout.html", "web/"+name+".html"))
	}
	return m
}()

func (s *Server) routeWeb() {
	s.mux.HandleFunc("GET /{$}", s.homePage)
	s.mux.HandleFunc("GET /stories/{id}", s.storyPage)
	s.mux.HandleFunc("GET /articles/{id}", s.articlePage)
	s.mux.HandleFunc("GET /search", s.searchPage)
	s.mux.HandleFunc("GET /static/chorus.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		http.ServeFileFS(w, r, webFiles, "web/chorus.css")
	})
}

// pageLimit is how many stories or results a web page lists unless asked.
const pageLimit = 50

// homePage lists the stories as the filter form in it asks (a GET form:
// the filters are in the URL, so a view survives a reload and can be
// bookmarked), a page at a time, with links to the next and previous
// pages and to the feed of the same view.
func (s *Server) homePage(w http.ResponseWriter, r *http.Request) {
	lq, err := s.parseList(r.URL.Query(), pageLimit)
	if err != nil {
		badPage(w, err)
		return
	}
	page, err := s.loadStories(r.Context(), lq, "/", pageLimit)
	if err != nil {
		failPage(w, err)
		return
	}
	render(w, "stories", map[string]any{"Stories": page.Stories, "Total": page.Total, "Links": page.Links,
		"Order": string(lq.Order), "Filter": lq.Filter, "Lang": r.URL.Query().Get("lang"),
		"Feed": link("/feed.atom", lq.values(pageLimit, s.lang), "", ""), "Filtered": !lq.Filter.IsZero()})
}

type speaker struct {
	Name   string
	Quotes []news.StoryQuote
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		failPage(w, err)
		return
	}
	arts, err := s.st.Articles(r.Context(), st.Articles)
	if err != nil {
		failPage(w, err)
		return
	}
	if lang := s.pageLang(r); lang != "" {
		st = digest.Localize(st, analyzed(arts), lang, digest.DefaultOptions())
	}
	num := map[string]int{}
	for i, id := range st.Articles {
		num[id] = i + 1
	}
	var speakers []speaker
	for _, q := range st.Quotes {
		k := slices.IndexFunc(speakers, func(sp speaker) bool { return sp.Name == q.Speaker })
		if k < 0 {
			speakers = append(speakers, speaker{Name: q.Speaker})
			k = len(speakers) - 1
		}
		speakers[k].Quotes = append(speakers[k].Quotes, q)
	}
	render(w, "story", map[string]any{"Story": st, "Articles": arts, "Num": num, "Speakers": speakers, "Chart": coverageChart(arts),
		"Languages": languageList(st)})
}

// pageLang is the language a page asks for (?lang=), else the server's; a
// page is lenient, and takes a value that is no language code for none.
func (s *Server) pageLang(r *http.Request) string {
	if lang := news.LangCode(r.URL.Query().Get("lang")); lang != "" {
		return lang
	}
	return s.lang
}

// storyLanguage is one language of a story, for the links that tell it in
// each.
type storyLanguage struct {
	Code     string
	Articles int
	Told     bool // the title and summary are in it
}

// languageList lists a story's languages, most articles first.
func languageList(st news.Story) []storyLanguage {
	out := make([]storyLanguage, 0, len(st.Languages))
	for _, l := range st.LanguagesByCoverage() {
		out = append(out, storyLanguage{Code: l, Articles: st.Languages[l], Told: l == st.SummaryLanguage})
	}
	return out
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		failPage(w, err)
		return
	}
	render(w, "article", map[string]any{"Title": a.Title, "Outlet": a.Outlet, "Authors": a.Authors, "Published": a.Published,
		"Language": a.Language, "Story": a.Story, "URL": safeURL(a.URL), "Paragraphs": strings.Split(a.Text, "\n\n")})
}

// searchPage lists a search's results by story, a page at a time; the
// query stays in the search box.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	lq, err := s.parseList(r.URL.Query(), pageLimit)
	if err == nil {
		err = refuse(r.URL.Query(), "not taken by search: results come by relevance, paged by offset", searchRefuses...)
	}
	if err != nil {
		badPage(w, err)
		return
	}
	var page searchPage
	if strings.TrimSpace(lq.Query) != "" {
		if page, err = s.loadSearch(r.Context(), lq, "/search", pageLimit); err != nil {
			failPage(w, err)
			return
		}
	}
	render(w, "search", map[string]any{"Query": lq.Query, "Results": page.Results, "Total": page.Total, "Links": page.Links,
		"From": lq.Offset + 1, "Feed": link("/feed.atom", lq.values(pageLimit, s.lang), "", "")})
}

// safeURL keeps only web addresses as links to originals.
func safeURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}

func render(w http.ResponseWriter, name string, data any) {
	var buf bytes.Buffer
	if err := pages[name].ExecuteTemplate(&buf, name+".html", data); err != nil {
		http.Error(w, "rendering the page failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// badPage answers a page asked for with a bad parameter: 400, saying which.
func badPage(w http.ResponseWriter, err error) {
	http.Error(w, "bad request: "+err.Error(), http.StatusBadRequest)
}

func failPage(w http.ResponseWriter, err error) {
	if isNotFound(err) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	http.Error(w, "the store failed to answer", http.StatusInternalServerError)
}

// coverageChart draws, as inline SVG, how many articles each outlet gave
// the story, in which languages, and on which days they came.
func coverageChart(arts []news.StoryArticle) template.HTML {
	byOutlet := map[string]int{}
	byLang := map[string]int{}
	byDay := map[string]int{}
	for _, a := range arts {
		o := a.Outlet
		if o == "" {
			o = "unknown outlet"
		}
		byOutlet[o]++
		l := news.LangCode(a.Language)
		if l == "" {
			l = "unknown"
		}
		byLang[l]++
		d := a.Published
		if len(d) >= 10 {
			d = d[:10]
		} else {
			d = "undated"
		}
		byDay[d]++
	}
	var b strings.Builder
	bars := func(title string, m map[string]int, sortByKey bool) {
		keys := make([]string, 0, len(m))
		most := 1
		for k, n := range m {
			keys = append(keys, k)
			most = max(most, n)
		}
		slices.SortFunc(keys, func(x, y string) int {
			if !sortByKey && m[x] != m[y] {
				return m[y] - m[x]
			}
			return strings.Compare(x, y)
		})
		h := 22*len(keys) + 24
		fmt.Fprintf(&b, `<svg role="img" aria-label="%s" viewBox="0 0 480 %d" width="480" height="%d"><text x="0" y="14">%s</text>`,
			template.HTMLEscapeString(title), h, h, template.HTMLEscapeString(title))
		for i, k := range keys {
			y := 24 + 22*i
			w := 260 * m[k] / most
			fmt.Fprintf(&b, `<text x="0" y="%d">%s</text><rect x="180" y="%d" width="%d" height="16" fill="#1f3a5f"></rect><text x="%d" y="%d">%d</text>`,
				y+12, template.HTMLEscapeString(truncate(k, 28)), y, w, 186+w, y+12, m[k])
		}
		b.WriteString(`</svg>`)
	}
	bars("Articles by outlet", byOutlet, false)
	bars("Articles by language", byLang, false)
	bars("Articles by day", byDay, true)
	return template.HTML(b.String())
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
