package server

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

//go:embed web
var webFiles embed.FS

// pages are parsed once; html/template escapes every value by its context,
// which is where untrusted article text is made safe.
var pages = func() map[string]*template.Template {
	m := map[string]*template.Template{}
	for _, name := range []string{"stories", "story", "article", "search", "blindspots", "facet", "feeds"} {
		m[name] = template.Must(template.New(name).Funcs(pageFuncs).ParseFS(webFiles, "web/layout.html", "web/"+name+".html"))
	}
	return m
}()

// pageFuncs word numbers and times for readers.
var pageFuncs = template.FuncMap{
	"plural":  news.Count,
	"day":     func(s string) string { return news.DayRange(news.ParseTime(s), time.Time{}) },
	"stamp":   func(t time.Time) string { return t.UTC().Format("2 January 2006, 15:04 UTC") },
	"rfc3339": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
}

func (s *Server) routeWeb() {
	s.mux.HandleFunc("GET /{$}", s.homePage)
	s.mux.HandleFunc("GET /stories/{id}", s.storyPage)
	s.mux.HandleFunc("GET /articles/{id}", s.articlePage)
	s.mux.HandleFunc("GET /search", s.searchPage)
	s.mux.HandleFunc("GET /blindspots", s.blindspotsPage)
	s.mux.HandleFunc("GET /entities/{name}", s.entityPage)
	s.mux.HandleFunc("GET /outlets/{name}", s.outletPage)
	s.mux.HandleFunc("GET /feeds", s.feedsPage)
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
