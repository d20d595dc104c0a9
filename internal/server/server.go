// Package server serves the store over HTTP: the JSON API and the Atom feed
// of stories. Handlers are thin: they read through the store.Store
// interface and write what it returns.
package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
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
	s := &Server{st: st, mux: http.NewServeMux(), token: o.Token, lang: news.LangCode(o.Lang), ingest: o.Ingest, outlets: o.Outlets}
	s.mux.HandleFunc("GET /healthz", s.health)
	s.mux.HandleFunc("GET /feed.atom", s.feed)
	s.routeAPI()
	s.routeWeb()
	return s
}

// routeAPI routes /api/: each route, a JSON 405 for a method a route's
// path does not take, and a JSON 404 for any other path under /api/.
func (s *Server) routeAPI() {
	routes := []struct {
		method, path string
		handler      http.HandlerFunc
	}{
		{http.MethodPost, "/api/v1/articles", s.postArticles},
		{http.MethodGet, "/api/v1/stories", s.stories},
		{http.MethodGet, "/api/v1/stories/{id}", s.story},
		{http.MethodGet, "/api/v1/articles/{id}", s.article},
		{http.MethodGet, "/api/v1/search", s.search},
	}
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

func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	o, lang, err := s.listParams(r.URL.Query())
	if err != nil {
		badParam(w, err)
		return
	}
	stories, err := s.st.Stories(r.Context(), o)
	if err == nil {
		err = s.localize(r.Context(), stories, lang)
	}
	if err != nil {
		fail(w, err)
		return
	}
	if stories == nil {
		stories = []news.Story{}
	}
	writeJSON(w, http.StatusOK, map[string][]news.Story{"stories": stories})
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
	writeJSON(w, http.StatusOK, st)
}

// localize tells the title and summary of each story in lang when some
// of its articles are written in it (see digest.Localize), reading the
// articles of those stories only.
func (s *Server) localize(ctx context.Context, stories []news.Story, lang string) error {
	for i, st := range stories {
		var err error
		if stories[i], err = s.localized(ctx, st, lang); err != nil {
			return err
		}
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
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := limitParam(q, 20)
	if err != nil {
		badParam(w, err)
		return
	}
	hits, err := s.st.Search(r.Context(), q.Get("q"), limit)
	if err != nil {
		fail(w, err)
		return
	}
	if hits == nil {
		hits = []store.SearchHit{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q.Get("q"), "hits": hits})
}

func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	stories, err := s.st.Stories(r.Context(), store.ListOptions{Limit: 100, Order: store.OrderNewest})
	if err == nil {
		err = s.localize(r.Context(), stories, s.lang)
	}
	if err != nil {
		fail(w, err)
		return
	}
	var buf bytes.Buffer
	if err := export.Atom(&buf, news.Digest{Stories: stories}); err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write(buf.Bytes())
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

// MaxLimit is the most items an API list gives at once: a larger limit
// is refused, never taken for "everything".
const MaxLimit = 200

// A paramError is a query parameter the API refuses; it answers 400.
type paramError struct{ name, want string }

func (e *paramError) Error() string { return e.name + ": " + e.want }

func badParam(w http.ResponseWriter, err error) {
	writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
}

// param is the one value of the parameter name, if given.
func param(q url.Values, name, want string) (v string, given bool, err error) {
	vs, given := q[name]
	if len(vs) > 1 {
		return "", true, &paramError{name, want + ", given once"}
	}
	if given {
		v = vs[0]
	}
	return v, given, nil
}

// listParams reads the parameters of a story list: limit (50 when
// absent), offset, order and lang, and refuses the first that is bad.
func (s *Server) listParams(q url.Values) (o store.ListOptions, lang string, err error) {
	if o.Limit, err = limitParam(q, 50); err != nil {
		return o, "", err
	}
	if o.Offset, err = offsetParam(q); err != nil {
		return o, "", err
	}
	if o.Order, err = orderParam(q); err != nil {
		return o, "", err
	}
	lang, err = s.langParam(q)
	return o, lang, err
}

// limitParam reads limit: an integer from 1 to MaxLimit, def when absent.
func limitParam(q url.Values, def int) (int, error) {
	want := "must be an integer from 1 to " + strconv.Itoa(MaxLimit)
	v, given, err := param(q, "limit", want)
	if err != nil || !given {
		return def, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, &paramError{"limit", want}
	}
	return n, nil
}

// offsetParam reads offset: an integer of 0 or more, 0 when absent.
func offsetParam(q url.Values) (int, error) {
	const want = "must be an integer of 0 or more"
	v, given, err := param(q, "offset", want)
	if err != nil || !given {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, &paramError{"offset", want}
	}
	return n, nil
}

// langParam reads lang: a language code (ISO 639-1), the server's
// language when absent.
func (s *Server) langParam(q url.Values) (string, error) {
	const want = "must be a language code (ISO 639-1, e.g. de)"
	v, given, err := param(q, "lang", want)
	if err != nil || !given {
		return s.lang, err
	}
	lang := news.LangCode(v)
	if lang == "" {
		return "", &paramError{"lang", want}
	}
	return lang, nil
}

// orderParam reads order: newest (the default) or most_covered.
func orderParam(q url.Values) (store.Order, error) {
	want := "must be " + string(store.OrderNewest) + " or " + string(store.OrderMostCovered)
	v, given, err := param(q, "order", want)
	if err != nil || !given {
		return store.OrderNewest, err
	}
	switch o := store.Order(v); o {
	case store.OrderNewest, store.OrderMostCovered:
		return o, nil
	}
	return "", &paramError{"order", want}
}
