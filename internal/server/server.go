// Package server serves the store over HTTP: the JSON API and the Atom feed
// of stories. Handlers are thin: they read through the store.Store
// interface and write what it returns.
package server

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chorusnews/chorus/internal/export"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/store"
)

// Server answers HTTP requests from a store.
type Server struct {
	st    store.Store
	mux   *http.ServeMux
	token string
	write sync.Mutex // one ingest at a time: each rebuilds the stories
}

// Options configures a server.
type Options struct {
	// Token must be presented (Authorization: Bearer …) to write; with
	// no token, the API is read-only.
	Token string
}

// New returns a server over st.
func New(st store.Store, o Options) *Server {
	s := &Server{st: st, mux: http.NewServeMux(), token: o.Token}
	s.mux.HandleFunc("POST /api/v1/articles", s.postArticles)
	s.mux.HandleFunc("GET /healthz", s.health)
	s.mux.HandleFunc("GET /api/v1/stories", s.stories)
	s.mux.HandleFunc("GET /api/v1/stories/{id}", s.story)
	s.mux.HandleFunc("GET /api/v1/articles/{id}", s.article)
	s.mux.HandleFunc("GET /api/v1/search", s.search)
	s.mux.HandleFunc("GET /feed.atom", s.feed)
	s.routeWeb()
	return s
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
// object alone is a line too) and rebuilds the stories.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if s.token == "" {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "this server is read-only: start it with a token to accept articles"})
		return
	}
	got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "a valid token is required"})
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
	s.write.Lock()
	defer s.write.Unlock()
	res, err := pipeline.Ingest(r.Context(), s.st, []string{"-"}, bytes.NewReader(body), pipeline.DefaultOptions(), pipeline.DefaultStoryOptions())
	if err != nil {
		fail(w, err)
		return
	}
	code := http.StatusOK
	if res.Added > 0 {
		code = http.StatusCreated
	}
	if res.Added+res.Known == 0 {
		code = http.StatusBadRequest
	}
	if res.Errors == nil {
		res.Errors = []news.ErrorEntry{}
	}
	writeJSON(w, code, map[string]any{"added": res.Added, "known": res.Known, "stories": res.Stories, "errors": res.Errors})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	o := store.ListOptions{Limit: intParam(q.Get("limit"), 50, 500), Offset: intParam(q.Get("offset"), 0, 1<<30), Order: store.OrderNewest}
	if q.Get("order") == string(store.OrderMostCovered) {
		o.Order = store.OrderMostCovered
	}
	stories, err := s.st.Stories(r.Context(), o)
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
	st, err := s.st.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
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
	hits, err := s.st.Search(r.Context(), q.Get("q"), intParam(q.Get("limit"), 20, 200))
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

// intParam reads a non-negative integer parameter, with a default and a cap.
func intParam(s string, def, limit int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return def
	}
	return min(n, limit)
}
