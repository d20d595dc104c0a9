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
	"github.com/chorusnews/chorus/internal/store"
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

func (s *Server) homePage(w http.ResponseWriter, r *http.Request) {
	order := store.OrderNewest
	if r.URL.Query().Get("order") == string(store.OrderMostCovered) {
		order = store.OrderMostCovered
	}
	stories, err := s.st.Stories(r.Context(), store.ListOptions{Limit: 100, Order: order})
	if err == nil {
		err = s.localize(r.Context(), stories, s.pageLang(r))
	}
	if err != nil {
		failPage(w, err)
		return
	}
	render(w, "stories", map[string]any{"Stories": stories, "Order": string(order)})
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

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	var hits []store.SearchHit
	if strings.TrimSpace(q) != "" {
		var err error
		if hits, err = s.st.Search(r.Context(), q, 50); err != nil {
			failPage(w, err)
			return
		}
	}
	render(w, "search", map[string]any{"Query": q, "Hits": hits})
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
