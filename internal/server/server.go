// Package server serves the store over HTTP: the JSON API and the Atom feed
// of stories. Handlers are thin: they read through the store.Store
// interface and write what it returns.
package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/export"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/outlets"
	"github.com/chorusnews/chorus/internal/store"
)

// Server answers HTTP requests from a store.
type Server struct {
	st      store.Store
	mux     *http.ServeMux
	token   string
	lang    string // the language stories are told in unless asked
	base    string // the address links in feeds start with; "": the request's
	start   time.Time
	outlets *outlets.Table
	ingest  func(ctx context.Context, body io.Reader) (Ingested, error)
}

// Options configures a server.
type Options struct {
	// Token must be presented (Authorization: Bearer …) to write; with
	// no token, or no Ingest, the API is read-only.
	Token string
	// Ingest stores the articles of a JSON Lines body (one article a
	// line, the contract's input form) and brings their stories up to
	// date, waiting for that only so long (see Ingested.Pending). An error
	// means that the articles could not be stored.
	Ingest func(ctx context.Context, body io.Reader) (Ingested, error)
	// Lang is the language (ISO 639-1) to tell stories' titles and
	// summaries in when some of their articles are written in it and a
	// request does not ask for another (?lang=); "": each story's main
	// language.
	Lang string
	// BaseURL is the address the server is reached at (feeds link to
	// pages by it); "": the address of each request (its Host).
	BaseURL string
	// Outlets is the user's outlet file, read (nil: none): coverage is
	// counted by its columns and blindspots shown by them.
	Outlets *outlets.Table
}

// Ingested is what an Ingest did.
type Ingested struct {
	// Added counts the inputs it stored, new to the store; Known those
	// the store held already.
	Added, Known int
	// Stories counts the stories it wrote.
	Stories int
	// Pending, when not empty, says why the articles are stored but not
	// yet known to be in their stories: the story update failed, or was
	// still running when Ingest stopped waiting for it. The articles wait
	// in the store for it, or for the next one.
	Pending string
	// Errors names the inputs that failed, and warnings.
	Errors []news.ErrorEntry
}

// New returns a server over st.
func New(st store.Store, o Options) *Server {
	s := &Server{st: st, mux: http.NewServeMux(), token: o.Token, lang: news.LangCode(o.Lang), ingest: o.Ingest, start: time.Now(),
		outlets: o.Outlets}
	if o.BaseURL != "" {
		s.base = strings.TrimRight(o.BaseURL, "/") + "/"
	}
	s.mux.HandleFunc("GET /healthz", s.health)
	s.mux.HandleFunc("GET /feed.atom", s.feed)
	s.routeAPI()
	s.routeWeb()
	return s
}

// apiRoute is one route of the API.
type apiRoute struct {
	method, path string
	handler      http.HandlerFunc
}

// apiRoutes are the routes of the API, each of which the OpenAPI
// document describes (TestOpenAPI holds them to it).
func (s *Server) apiRoutes() []apiRoute {
	return []apiRoute{
		{http.MethodPost, "/api/v1/articles", s.postArticles},
		{http.MethodGet, "/api/v1/stories", s.stories},
		{http.MethodGet, "/api/v1/stories/{id}", s.story},
		{http.MethodGet, "/api/v1/articles/{id}", s.article},
		{http.MethodGet, "/api/v1/search", s.search},
		{http.MethodGet, "/api/v1/openapi.json", serveOpenAPI},
	}
}

// openAPI is the OpenAPI 3 document of the API.
//
//go:embed api/openapi.json
var openAPI []byte

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// routeAPI routes /api/: each route, a JSON 405 for a method a route's
// path does not take, and a JSON 404 for any other path under /api/.
func (s *Server) routeAPI() {
	routes := s.apiRoutes()
	allow := map[string][]string{}
	var paths []string
	for _, r := range routes {
		s.mux.HandleFunc(r.method+" "+r.path, r.handler)
		if allow[r.path] == nil {
			paths = append(paths, r.path)
		}
		allow[r.path] = append(allow[r.path], r.method)
		if r.method == http.MethodGet {
			allow[r.path] = append(allow[r.path], http.MethodHead)
		}
	}
	for _, p := range paths {
		methods := strings.Join(allow[p], ", ")
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", methods)
			writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "method " + r.Method + " not allowed: " + methods})
		})
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such API route"})
	})
}

// ServeHTTP sets the headers every answer carries, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Article text is untrusted: nothing the server sends may run script.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if cacheable(r) {
		s.serveCached(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// HTTPServer wraps the server with the timeouts a public listener needs.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{Addr: addr, Handler: s, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
}

// postArticles ingests JSON Lines articles (the contract's input form; one
// object alone is a line too) and answers once they are in their stories:
// 201 (200 when all were stored already) with what was added and how many
// stories were written; 202 when they are stored but their stories are
// still pending (the update failed, or outlasted the wait); 400 when no
// line gave an input.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if s.token == "" || s.ingest == nil {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "this server is read-only: start it with a token to accept articles"})
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="chorus"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "a valid token is required (Authorization: Bearer TOKEN)"})
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": "request body too large or unreadable"})
		return
	}
	// Only JSON Lines articles come this way, never a page to sniff.
	for n, line := range bytes.Split(body, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 && !json.Valid(line) {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "line " + strconv.Itoa(n+1) + ": invalid JSON"})
			return
		}
	}
	res, err := s.ingest(r.Context(), bytes.NewReader(body))
	if err != nil {
		fail(w, err)
		return
	}
	code := http.StatusOK
	switch {
	case res.Added+res.Known == 0:
		code = http.StatusBadRequest
	case res.Pending != "":
		code = http.StatusAccepted
	case res.Added > 0:
		code = http.StatusCreated
	}
	if res.Errors == nil {
		res.Errors = []news.ErrorEntry{}
	}
	answer := map[string]any{"added": res.Added, "known": res.Known, "stories": res.Stories, "pending": res.Pending != "", "errors": res.Errors}
	if res.Pending != "" {
		answer["status"] = res.Pending
	}
	writeJSON(w, code, answer)
}

// authorized tells whether r carries the server's token as
// "Authorization: Bearer TOKEN" (the scheme's case aside, RFC 7235); the
// token alone, without its scheme, is not enough.
func (s *Server) authorized(r *http.Request) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(token), []byte(s.token)) == 1
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// storiesAnswer is a page of the story list in the API.
type storiesAnswer struct {
	Stories []news.Story `json:"stories"`
	// Total counts the stories of every page of the list.
	Total int `json:"total"`
	Limit int `json:"limit"`
	// First, Next and Prev are the links of the list's pages (Next and
	// Prev absent when there is none), paths with their query.
	First string `json:"first"`
	Next  string `json:"next,omitempty"`
	Prev  string `json:"prev,omitempty"`
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	lq, err := s.parseList(r.URL.Query(), DefaultLimit)
	if err == nil {
		err = refuse(r.URL.Query(), "not taken here: search at /api/v1/search", "q")
	}
	if err != nil {
		badParam(w, err)
		return
	}
	page, err := s.loadStories(r.Context(), lq, r.URL.Path, DefaultLimit)
	if err != nil {
		fail(w, err)
		return
	}
	for i := range page.Stories {
		page.Stories[i] = apiStory(page.Stories[i])
	}
	setLinkHeader(w, page.Links)
	writeJSON(w, http.StatusOK, storiesAnswer{Stories: page.Stories, Total: page.Total, Limit: lq.Limit,
		First: page.Links.First, Next: page.Links.Next, Prev: page.Links.Prev})
}

// loadStories reads the page of stories lq asks for, told in its
// language, with the total of the list and the links of its pages (on
// path). It reads one story more than the page holds, to learn whether
// a page follows (or, going back, precedes) it.
func (s *Server) loadStories(ctx context.Context, lq listQuery, path string, def int) (storyPage, error) {
	opts := store.ListOptions{Limit: lq.Limit + 1, Offset: lq.Offset, Order: lq.Order, Filter: lq.Filter,
		After: lq.After, Before: lq.Before}
	stories, err := s.st.Stories(ctx, opts)
	if err != nil {
		return storyPage{}, err
	}
	total, err := s.st.CountStories(ctx, lq.Filter)
	if err != nil {
		return storyPage{}, err
	}
	backwards := lq.Before != nil
	more := len(stories) > lq.Limit
	if more && backwards {
		stories = stories[1:]
	} else if more {
		stories = stories[:lq.Limit]
	}
	if err := s.localize(ctx, stories, lq.Lang); err != nil {
		return storyPage{}, err
	}
	if stories == nil {
		stories = []news.Story{}
	}
	view := lq.values(def, s.lang)
	page := storyPage{Stories: stories, Total: total, Links: pageLinks{First: link(path, view, "", "")}}
	// A page read back from a later one has that one after it; a page
	// read forwards from a cursor (or an offset) has one before it.
	hasNext := more || backwards
	hasPrev := backwards && more || !backwards && (lq.After != nil || lq.Offset > 0)
	if len(stories) > 0 && hasNext {
		page.Links.Next = link(path, view, "after", encodeCursor(store.KeyOf(stories[len(stories)-1])))
	}
	if len(stories) > 0 && hasPrev {
		page.Links.Prev = link(path, view, "before", encodeCursor(store.KeyOf(stories[0])))
	}
	return page, nil
}

// setLinkHeader gives a page's links as an HTTP Link header (RFC 8288)
// too, where generic clients look for them.
func setLinkHeader(w http.ResponseWriter, l pageLinks) {
	var links []string
	for _, x := range []struct{ rel, href string }{{"first", l.First}, {"next", l.Next}, {"prev", l.Prev}} {
		if x.href != "" {
			links = append(links, "<"+x.href+`>; rel="`+x.rel+`"`)
		}
	}
	w.Header().Set("Link", strings.Join(links, ", "))
}

// rfc3339 writes a contract date as RFC 3339, as the API gives times;
// a date it cannot read is left as it is.
func rfc3339(d string) string {
	if t := news.ParseTime(d); !t.IsZero() {
		return t.UTC().Format(time.RFC3339)
	}
	return d
}

// apiStory is st as the API gives it: its dates in RFC 3339.
func apiStory(st news.Story) news.Story {
	st.FirstPublished, st.LastPublished = rfc3339(st.FirstPublished), rfc3339(st.LastPublished)
	return st
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) {
	lang, err := s.langParam(r.URL.Query())
	if err != nil {
		badParam(w, err)
		return
	}
	st, err := s.st.Story(r.Context(), r.PathValue("id"))
	if err == nil {
		st, err = s.localized(r.Context(), st, lang)
	}
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, apiStory(st))
}

// localize tells the title and summary of each story in lang when some
// of its articles are written in it (see digest.Localize), reading the
// articles of those stories only, in one query for the whole page.
func (s *Server) localize(ctx context.Context, stories []news.Story, lang string) error {
	if lang == "" {
		return nil
	}
	var need []int
	var ids []string
	for i, st := range stories {
		if digest.NeedsLocalizing(st, lang) {
			need = append(need, i)
			ids = append(ids, st.Articles...)
		}
	}
	if len(need) == 0 {
		return nil
	}
	arts, err := s.st.Articles(ctx, ids)
	if err != nil {
		return err
	}
	byID := make(map[string]news.Analyzed, len(arts))
	for _, a := range arts {
		byID[a.ID] = a.Analyzed
	}
	for _, i := range need {
		st := stories[i]
		own := make([]news.Analyzed, 0, len(st.Articles))
		for _, id := range st.Articles { // in the story's order, as Articles gives them
			if a, ok := byID[id]; ok {
				own = append(own, a)
			}
		}
		stories[i] = digest.Localize(st, own, lang, digest.DefaultOptions())
	}
	return nil
}

// localized is st told in lang, as localize tells each story.
func (s *Server) localized(ctx context.Context, st news.Story, lang string) (news.Story, error) {
	if lang == "" || !digest.NeedsLocalizing(st, lang) {
		return st, nil
	}
	arts, err := s.st.Articles(ctx, st.Articles)
	if err != nil {
		return st, err
	}
	return digest.Localize(st, analyzed(arts), lang, digest.DefaultOptions()), nil
}

func analyzed(arts []news.StoryArticle) []news.Analyzed {
	out := make([]news.Analyzed, len(arts))
	for i, a := range arts {
		out[i] = a.Analyzed
	}
	return out
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, err)
		return
	}
	a.Published = rfc3339(a.Published)
	writeJSON(w, http.StatusOK, a)
}

// searchAnswer is a page of search results in the API.
type searchAnswer struct {
	Query   string         `json:"query"`
	Total   int            `json:"total"`
	Limit   int            `json:"limit"`
	Offset  int            `json:"offset"`
	Results []searchResult `json:"results"`
	First   string         `json:"first"`
	Next    string         `json:"next,omitempty"`
	Prev    string         `json:"prev,omitempty"`
}

// searchResult is a store.SearchResult as the API and pages give it: its
// snippet as plain text and as HTML, the matching words in <mark>.
type searchResult struct {
	store.SearchResult
	SnippetHTML template.HTML `json:"snippet_html"`
}

// searchPage is a page of search results with its links.
type searchPage struct {
	Results []searchResult
	Total   int
	Links   pageLinks
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	lq, err := s.parseList(r.URL.Query(), DefaultLimit)
	if err == nil {
		err = refuse(r.URL.Query(), "not taken by search: results come by relevance, paged by offset", searchRefuses...)
	}
	if err != nil {
		badParam(w, err)
		return
	}
	page, err := s.loadSearch(r.Context(), lq, r.URL.Path, DefaultLimit)
	if err != nil {
		fail(w, err)
		return
	}
	for i := range page.Results {
		res := &page.Results[i]
		res.Published = rfc3339(res.Published)
		for j := range res.Articles {
			res.Articles[j].Published = rfc3339(res.Articles[j].Published)
		}
	}
	setLinkHeader(w, page.Links)
	writeJSON(w, http.StatusOK, searchAnswer{Query: lq.Query, Total: page.Total, Limit: lq.Limit, Offset: lq.Offset,
		Results: page.Results, First: page.Links.First, Next: page.Links.Next, Prev: page.Links.Prev})
}

// loadSearch reads the page of results lq asks for, with the links of
// the pages before and after it (by offset: results come by relevance).
func (s *Server) loadSearch(ctx context.Context, lq listQuery, path string, def int) (searchPage, error) {
	found, err := s.st.SearchStories(ctx, lq.Query, store.SearchOptions{Limit: lq.Limit, Offset: lq.Offset, Filter: lq.Filter})
	if err != nil {
		return searchPage{}, err
	}
	page := searchPage{Results: make([]searchResult, len(found.Results)), Total: found.Total}
	for i, res := range found.Results {
		plain, marked := highlight(res.Snippet)
		res.Snippet = plain
		if res.Outlets == nil {
			res.Outlets = []string{}
		}
		if res.Articles == nil {
			res.Articles = []store.SearchArticle{}
		}
		for j := range res.Articles {
			res.Articles[j].Snippet, _ = highlight(res.Articles[j].Snippet)
		}
		page.Results[i] = searchResult{SearchResult: res, SnippetHTML: marked}
	}
	view := lq.values(def, s.lang)
	page.Links.First = link(path, view, "", "")
	if lq.Offset+lq.Limit < found.Total {
		page.Links.Next = link(path, view, "offset", strconv.Itoa(lq.Offset+lq.Limit))
	}
	if lq.Offset > 0 {
		page.Links.Prev = link(path, view, "offset", strconv.Itoa(max(lq.Offset-lq.Limit, 0)))
	}
	return page, nil
}

// highlight turns a snippet with the store's marks into plain text and
// into HTML: the text escaped, the matching words in <mark>.
func highlight(snippet string) (string, template.HTML) {
	plain := strings.NewReplacer(store.MarkStart, "", store.MarkEnd, "").Replace(snippet)
	var b strings.Builder
	open := false
	for rest := snippet; rest != ""; {
		i := strings.IndexAny(rest, store.MarkStart+store.MarkEnd)
		if i < 0 {
			b.WriteString(template.HTMLEscapeString(rest))
			break
		}
		b.WriteString(template.HTMLEscapeString(rest[:i]))
		mark := rest[i : i+len(store.MarkStart)] // both marks are three bytes
		switch {
		case mark == store.MarkStart && !open:
			b.WriteString("<mark>")
			open = true
		case mark == store.MarkEnd && open:
			b.WriteString("</mark>")
			open = false
		}
		rest = rest[i+len(mark):]
	}
	if open {
		b.WriteString("</mark>")
	}
	return plain, template.HTML(b.String())
}

func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	lq, err := s.parseList(r.URL.Query(), DefaultLimit)
	if err == nil && lq.Query != "" {
		err = refuse(r.URL.Query(), "not taken by search: results come by relevance, paged by offset", searchRefuses...)
	}
	if err != nil {
		badParam(w, err)
		return
	}
	var buf bytes.Buffer
	if err := s.writeFeed(r, &buf, lq); err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write(buf.Bytes())
}

// writeFeed writes the feed of the view lq asks for: its stories, or
// its search's results, one entry each, with the links of its pages.
func (s *Server) writeFeed(r *http.Request, w io.Writer, lq listQuery) error {
	stamp, err := s.stampOf(r.Context())
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	view := lq.values(DefaultLimit, s.lang)
	viewID := url.Values{}
	for k, v := range view {
		if k != "limit" {
			viewID[k] = v
		}
	}
	o := export.AtomOptions{BaseURL: base, Installation: stamp.Installation, View: viewID.Encode(),
		Self: base + strings.TrimPrefix(r.URL.RequestURI(), "/"), Title: feedTitle(lq)}
	abs := func(l string) string {
		if l == "" {
			return ""
		}
		return base + strings.TrimPrefix(l, "/")
	}
	if lq.Query != "" {
		page, err := s.loadSearch(r.Context(), lq, r.URL.Path, DefaultLimit)
		if err != nil {
			return err
		}
		o.First, o.Next, o.Previous = abs(page.Links.First), abs(page.Links.Next), abs(page.Links.Prev)
		return export.WriteAtom(w, o, searchEntries(base, page.Results))
	}
	page, err := s.loadStories(r.Context(), lq, r.URL.Path, DefaultLimit)
	if err != nil {
		return err
	}
	o.First, o.Next, o.Previous = abs(page.Links.First), abs(page.Links.Next), abs(page.Links.Prev)
	var ids []string
	for _, st := range page.Stories {
		ids = append(ids, st.Articles...)
	}
	arts, err := s.st.Articles(r.Context(), ids)
	if err != nil {
		return err
	}
	return export.AtomFeed(w, news.Digest{Stories: page.Stories, Articles: arts}, o)
}

// searchEntries are a search's results as feed entries.
func searchEntries(base string, results []searchResult) []export.AtomEntry {
	entries := make([]export.AtomEntry, 0, len(results))
	for _, res := range results {
		e := export.AtomEntry{Title: res.Title, Updated: res.Published, Summary: res.Snippet,
			ContentHTML: "<p>" + string(res.SnippetHTML) + "</p>", Categories: res.Outlets}
		if res.Story != "" {
			e.Key, e.Link = "story:"+res.Story, base+"stories/"+url.PathEscape(res.Story)
		} else if len(res.Articles) > 0 {
			e.Key, e.Link = "article:"+res.Articles[0].ID, base+"articles/"+url.PathEscape(res.Articles[0].ID)
		}
		entries = append(entries, e)
	}
	return entries
}

// feedTitle names a feed by its view.
func feedTitle(lq listQuery) string {
	var parts []string
	if lq.Query != "" {
		parts = append(parts, "search “"+lq.Query+"”")
	}
	f := lq.Filter
	for _, x := range []struct{ name, v string }{{"language", f.Language}, {"outlet", f.Outlet}, {"entity", f.Entity}, {"from", f.From}, {"to", f.To}} {
		if x.v != "" {
			parts = append(parts, x.name+" "+x.v)
		}
	}
	if len(parts) == 0 {
		return "Chorus stories"
	}
	return "Chorus stories: " + strings.Join(parts, ", ")
}

// baseURL is the address the server is reached at, as links in feeds
// need it: Options.BaseURL, else the request's own host.
func (s *Server) baseURL(r *http.Request) string {
	if s.base != "" {
		return s.base
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/"
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // JSON shown in a browser must not carry live markup
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"encoding the answer failed"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }

func fail(w http.ResponseWriter, err error) {
	if isNotFound(err) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
		return
	}
	writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "the store failed to answer"})
}

// badParam answers 400 with the error, and the parameter it is about.
func badParam(w http.ResponseWriter, err error) {
	answer := map[string]string{"error": err.Error()}
	var pe *paramError
	if errors.As(err, &pe) {
		answer["parameter"] = pe.name
	}
	writeJSON(w, http.StatusBadRequest, answer)
}
