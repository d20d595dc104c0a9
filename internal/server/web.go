package server

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

//go:embed web
var webFiles embed.FS

// pages are parsed once; html/template escapes every value by its context,
// which is where untrusted article text is made safe.
var pages = func() map[string]*template.Template {
	m := map[string]*template.Template{}
	for _, name := range []string{"stories", "story", "article", "search", "blindspots"} {
		m[name] = template.Must(template.ParseFS(webFiles, "web/layout.html", "web/"+name+".html"))
	}
	return m
}()

func (s *Server) routeWeb() {
	s.mux.HandleFunc("GET /{$}", s.homePage)
	s.mux.HandleFunc("GET /stories/{id}", s.storyPage)
	s.mux.HandleFunc("GET /articles/{id}", s.articlePage)
	s.mux.HandleFunc("GET /search", s.searchPage)
	s.mux.HandleFunc("GET /blindspots", s.blindspotsPage)
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
