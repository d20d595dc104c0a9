package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/digest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// seeded opens a store at path holding the seeds.
func seeded(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Ingest(context.Background(), st, []string{shareddata.Path("seeds")}, nil, pipeline.DefaultOptions(), pipeline.DefaultStoryOptions()); err != nil {
		t.Fatal(err)
	}
	return st
}

// firstStoryID is the id of the first story a page links to.
func firstStoryID(t *testing.T, page string) string {
	t.Helper()
	i := strings.Index(page, "/stories/s-")
	if i < 0 {
		t.Fatalf("the page links to no story:\n%.500s", page)
	}
	id := page[i+len("/stories/"):]
	return id[:strings.IndexByte(id, '"')]
}

func get(t *testing.T, srv *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestAPI(t *testing.T) {
	shareddata.Seeds(t)
	st := seeded(t, filepath.Join(t.TempDir(), "chorus.db"))
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()

	code, h, body := get(t, srv, "/healthz")
	if code != 200 || !strings.Contains(body, "ok") || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("healthz: %d %q %v", code, body, h)
	}
	code, _, body = get(t, srv, "/api/v1/stories")
	var list struct{ Stories []news.Story }
	if err := json.Unmarshal([]byte(body), &list); code != 200 || err != nil || len(list.Stories) != 1 {
		t.Fatalf("stories: %d %v %s", code, err, body)
	}
	id := list.Stories[0].ID
	code, _, body = get(t, srv, "/api/v1/stories/"+id)
	var story news.Story
	if err := json.Unmarshal([]byte(body), &story); code != 200 || err != nil || len(story.Articles) != 5 || len(story.Disagreements) == 0 {
		t.Fatalf("story: %d %v", code, err)
	}
	code, _, body = get(t, srv, "/api/v1/articles/"+story.Articles[0])
	var art news.StoryArticle
	if err := json.Unmarshal([]byte(body), &art); code != 200 || err != nil || art.Story != id || art.Text == "" {
		t.Errorf("article: %d %v story %q", code, err, art.Story)
	}
	if code, _, _ := get(t, srv, "/api/v1/articles/a-nothing"); code != 404 {
		t.Errorf("missing article: %d", code)
	}
	code, _, body = get(t, srv, "/api/v1/search?q=Lavrov")
	if code != 200 || !strings.Contains(body, `"results"`) || !strings.Contains(body, `"snippet_html"`) || !strings.Contains(body, `"total":1`) {
		t.Errorf("search: %d %s", code, body)
	}
	if code, _, _ := get(t, srv, `/api/v1/search?q=%22NEAR(%20title:`); code != 200 {
		t.Errorf("hostile search: %d", code)
	}
	code, h, body = get(t, srv, "/feed.atom")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") || strings.Count(body, "<entry>") != 1 {
		t.Errorf("feed: %d %s", code, body)
	}
}

func TestRestartKeepsEverything(t *testing.T) {
	shareddata.Seeds(t)
	path := filepath.Join(t.TempDir(), "chorus.db")
	st := seeded(t, path)
	srv := httptest.NewServer(New(st, Options{}))
	_, _, before := get(t, srv, "/api/v1/stories")
	srv.Close()
	st.Close()

	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv = httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	if _, _, after := get(t, srv, "/api/v1/stories"); after != before {
		t.Errorf("stories changed across a restart:\n%s\n%s", before, after)
	}
}

func TestPostArticles(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{Token: "s3cret", Ingest: ingestInto(st)}))
	defer srv.Close()
	postAuth := func(auth, body string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	post := func(token, body string) (int, string) {
		if token == "" {
			return postAuth("", body)
		}
		return postAuth("Bearer "+token, body)
	}
	article := `{"id":"p1","title":"Bridge approved","published":"2021-03-02","text":"The council approved the new bridge on Tuesday after a debate that lasted for more than ten years, and work will start in spring."}`
	if code, _ := post("", article); code != http.StatusUnauthorized {
		t.Errorf("no token: %d", code)
	}
	if code, _ := post("wrong", article); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", code)
	}
	// The token must come as a Bearer token: alone, under another scheme
	// or glued to the scheme, it is refused.
	for _, auth := range []string{"s3cret", "Basic s3cret", "Token s3cret", "Bearers3cret", "Bearer", "Bearer ", "Bearer  s3cret", "s3cret Bearer", "Bearer s3cret2", "Bearer s3cre"} {
		if code, body := postAuth(auth, article); code != http.StatusUnauthorized || !strings.Contains(body, `"error"`) {
			t.Errorf("Authorization: %q: %d %s, want 401", auth, code, body)
		}
	}
	if code, body := post("s3cret", article); code != http.StatusCreated || !strings.Contains(body, `"added":1`) ||
		!strings.Contains(body, `"stories":1`) || !strings.Contains(body, `"pending":false`) {
		t.Errorf("first post: %d %s", code, body)
	}
	if code, body := post("s3cret", article); code != http.StatusOK || !strings.Contains(body, `"known":1`) {
		t.Errorf("same article again: %d %s", code, body)
	}
	if code, body := postAuth("bearer s3cret", article); code != http.StatusOK {
		t.Errorf("the scheme in lower case (RFC 7235 makes it case-insensitive): %d %s", code, body)
	}
	if code, _ := post("s3cret", `{"id": `); code != http.StatusBadRequest {
		t.Errorf("malformed JSON: %d", code)
	}
	for name, o := range map[string]Options{"no token": {Ingest: ingestInto(st)}, "no ingest": {Token: "s3cret"}} {
		ro := httptest.NewServer(New(st, o))
		req, _ := http.NewRequest("POST", ro.URL+"/api/v1/articles", strings.NewReader(article))
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		ro.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("read-only server (%s): %d", name, resp.StatusCode)
		}
	}
}

// ingestInto is an Ingest that stores through the pipeline and waits for
// the stories, as serve's does (without its bound: see the cli's tests).
func ingestInto(st store.Store) func(context.Context, io.Reader) (Ingested, error) {
	return func(ctx context.Context, body io.Reader) (Ingested, error) {
		res, err := pipeline.Ingest(ctx, st, []string{"-"}, body, pipeline.DefaultOptions(), pipeline.DefaultStoryOptions())
		return Ingested{Added: res.Added, Known: res.Known, Stories: res.Stories, Errors: res.Errors}, err
	}
}

// TestPostArticlesAnswers: what each outcome of an Ingest answers — the
// articles in their stories (201, or 200 when all were stored already),
// stored with their stories pending (202, saying so), nothing read (400),
// not stored (500) — and that the handler hands Ingest the body as sent.
func TestPostArticlesAnswers(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var got Ingested
	var gotErr error
	var sent string
	srv := httptest.NewServer(New(st, Options{Token: "t", Ingest: func(ctx context.Context, body io.Reader) (Ingested, error) {
		b, _ := io.ReadAll(body)
		sent = string(b)
		return got, gotErr
	}}))
	defer srv.Close()
	const line = `{"id":"p1","text":"some text"}` + "\n"
	for _, c := range []struct {
		res  Ingested
		err  error
		code int
		want []string
	}{
		{Ingested{Added: 2, Stories: 1}, nil, 201, []string{`"added":2`, `"known":0`, `"stories":1`, `"pending":false`, `"errors":[]`}},
		{Ingested{Known: 2}, nil, 200, []string{`"added":0`, `"known":2`, `"pending":false`}},
		{Ingested{Added: 2, Pending: "stored; their stories are still being brought up to date"}, nil, 202,
			[]string{`"added":2`, `"stories":0`, `"pending":true`, `"status":"stored; their stories are still being brought up to date"`}},
		{Ingested{Known: 1, Pending: "stored; bringing their stories up to date failed, and will be tried again"}, nil, 202, []string{`"known":1`, `"pending":true`}},
		{Ingested{Errors: []news.ErrorEntry{{Source: "-", Error: "no text"}}}, nil, 400, []string{`"added":0`, `"no text"`}},
		{Ingested{}, errors.New("disk full"), 500, []string{`"error":"the store failed to answer"`}},
	} {
		got, gotErr = c.res, c.err
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", strings.NewReader(line))
		req.Header.Set("Authorization", "Bearer t")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.code || sent != line {
			t.Errorf("%+v, %v: %d %s (Ingest given %q), want %d", c.res, c.err, resp.StatusCode, b, sent, c.code)
		}
		for _, w := range c.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%+v, %v: answer %s lacks %s", c.res, c.err, b, w)
			}
		}
		if strings.Contains(string(b), "disk full") {
			t.Errorf("the store's error reaches the client: %s", b)
		}
	}
}

func TestWebPages(t *testing.T) {
	shareddata.Seeds(t)
	st := seeded(t, filepath.Join(t.TempDir(), "chorus.db"))
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	code, h, body := get(t, srv, "/")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(body, "/stories/s-") {
		t.Fatalf("home: %d %s", code, body)
	}
	id := body[strings.Index(body, "/stories/s-")+len("/stories/"):]
	id = id[:strings.IndexByte(id, '"')]
	code, _, body = get(t, srv, "/stories/"+id)
	for _, want := range []string{"Summary", `class="cite" href="/articles/a-`, "Where outlets disagree", "120,000 troops", "100,000 troops",
		"Quotes by speaker", "Antony Blinken", "We will uphold the principle", "<svg", "Articles by outlet", `href="/entities/Antony%20Blinken"`} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if code != 200 {
		t.Errorf("story page: %d", code)
	}
	// The seeds' pages name no outlet: what backs a quote or fact is
	// counted in articles, never called outlets.
	if !strings.Contains(body, "4 articles") || strings.Contains(body, "2 outlets") || strings.Contains(body, "4 outlets") {
		t.Errorf("the seeds' story page counts outlets it does not know")
	}
	if code, _, _ := get(t, srv, "/stories/s-none"); code != 404 {
		t.Errorf("missing story: %d", code)
	}
	if code, _, body := get(t, srv, "/search?q=Stoltenberg"); code != 200 || !strings.Contains(body, "<li>") {
		t.Errorf("search page: %d", code)
	}
	if code, _, body := get(t, srv, "/static/chorus.css"); code != 200 || !strings.Contains(body, "body{") {
		t.Errorf("css: %d", code)
	}
	// An entity's page: its stories, the names it goes by, and the way to
	// the list and feed of all of them; by any of its names.
	for _, name := range []string{"Antony%20Blinken", "blinken"} {
		code, _, body = get(t, srv, "/entities/"+name)
		for _, want := range []string{"<h1>Antony Blinken</h1>", "person", "named in 1 story", "Also written: Blinken", "/stories/" + id,
			`href="/?entity=`, `href="/feed.atom?entity=`, "Stories over time"} {
			if code != 200 || !strings.Contains(body, want) {
				t.Errorf("entity page /entities/%s (%d) lacks %q", name, code, want)
			}
		}
	}
	if code, _, _ := get(t, srv, "/entities/Nobody%20Named"); code != 404 {
		t.Errorf("an entity no story names: %d, want 404", code)
	}
}

func TestUntrustedTitleRendersAsText(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	line := `{"id":"x","title":"<script>alert(1)</script>","url":"javascript:alert(2)","text":"The council approved the new bridge on Tuesday after a long debate that lasted ten years, the mayor said."}`
	if _, err := pipeline.Ingest(context.Background(), st, []string{"-"}, strings.NewReader(line), pipeline.DefaultOptions(), pipeline.DefaultStoryOptions()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	_, _, home := get(t, srv, "/")
	_, _, story := get(t, srv, "/stories/"+firstStoryID(t, home))
	for name, page := range map[string]string{"home": home, "story": story} {
		if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s page: title not escaped", name)
		}
	}
	var art string
	if i := strings.Index(story, "/articles/a-"); i >= 0 {
		art = story[i+1:]
		art = art[:strings.IndexByte(art, '"')]
	}
	_, _, page := get(t, srv, "/"+art)
	if strings.Contains(page, "<script>") || strings.Contains(page, "javascript:") {
		t.Errorf("article page carries live markup or a script link:\n%s", page)
	}
}

// TestAPIParameters: list parameters out of range or unknown are refused
// with 400 and a JSON error naming the parameter; good ones pass.
func TestAPIParameters(t *testing.T) {
	shareddata.Seeds(t)
	st := seeded(t, filepath.Join(t.TempDir(), "chorus.db"))
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	limitErr := `limit: must be an integer from 1 to 100`
	offsetErr := `offset: must be an integer of 0 or more`
	orderErr := `order: must be newest or most_covered`
	dateErr := func(name string) string { return name + `: must be a date, YYYY-MM-DD` }
	for _, tt := range []struct {
		query string
		code  int
		err   string // the error of a 400; its parameter is what comes before ":"
	}{
		{"/api/v1/stories", 200, ""},
		{"/api/v1/stories?limit=1", 200, ""},
		{"/api/v1/stories?limit=100", 200, ""},
		{"/api/v1/stories?offset=0", 200, ""},
		{"/api/v1/stories?offset=5", 200, ""},
		{"/api/v1/stories?order=newest", 200, ""},
		{"/api/v1/stories?order=most_covered&limit=10&offset=1", 200, ""},
		{"/api/v1/stories?language=en&from=2022-01-01&to=2022-12-31&outlet=BBC&entity=Lavrov&min_outlets=2&min_articles=3", 200, ""},
		{"/api/v1/stories?language=&from=&to=&outlet=&entity=&min_outlets=&min_articles=", 200, ""}, // a form's blank fields
		{"/api/v1/stories?limit=0", 400, limitErr},
		{"/api/v1/stories?limit=101", 400, limitErr},
		{"/api/v1/stories?limit=-1", 400, limitErr},
		{"/api/v1/stories?limit=abc", 400, limitErr},
		{"/api/v1/stories?limit=", 400, limitErr},
		{"/api/v1/stories?limit=1.5", 400, limitErr},
		{"/api/v1/stories?limit=99999999999999999999", 400, limitErr},
		{"/api/v1/stories?limit=5&limit=6", 400, limitErr + ", given once"},
		{"/api/v1/stories?offset=-5", 400, offsetErr},
		{"/api/v1/stories?offset=x", 400, offsetErr},
		{"/api/v1/stories?offset=", 400, offsetErr},
		{"/api/v1/stories?order=bogus", 400, orderErr},
		{"/api/v1/stories?order=", 400, orderErr},
		{"/api/v1/stories?order=NEWEST", 400, orderErr},
		{"/api/v1/stories?limit=10&offset=-1&order=bogus", 400, offsetErr},
		{"/api/v1/stories?from=yesterday", 400, dateErr("from")},
		{"/api/v1/stories?to=2022-13-01", 400, dateErr("to")},
		{"/api/v1/stories?from=2022-02-01&to=2022-01-01", 400, "to: must not be before from"},
		{"/api/v1/stories?language=english", 400, "language: must be a language code (ISO 639-1, e.g. de)"},
		{"/api/v1/stories?min_outlets=-1", 400, "min_outlets: must be an integer of 0 or more"},
		{"/api/v1/stories?min_articles=many", 400, "min_articles: must be an integer of 0 or more"},
		{"/api/v1/stories?after=garbage", 400, "after: must be a cursor from a next or previous link"},
		{"/api/v1/stories?before=e30", 400, "before: must be a cursor from a next or previous link"},
		{"/api/v1/search?q=Lavrov", 200, ""},
		{"/api/v1/search?q=Lavrov&limit=100&offset=3&language=en", 200, ""},
		{"/api/v1/search?q=Lavrov&limit=0", 400, limitErr},
		{"/api/v1/search?q=Lavrov&limit=1000", 400, limitErr},
		{"/api/v1/search?q=Lavrov&limit=abc", 400, limitErr},
		{"/api/v1/search?q=Lavrov&offset=-5", 400, offsetErr},
		{"/api/v1/search?q=Lavrov&from=2022-1-1", 400, dateErr("from")},
		{"/feed.atom?limit=abc", 400, limitErr},
		{"/api/v1/stories?q=lavrov", 400, "q: not taken here: search at /api/v1/search"},
		{"/api/v1/search?q=lavrov&order=newest", 400, "order: not taken by search: results come by relevance, paged by offset"},
		{"/feed.atom?q=lavrov&order=most_covered", 400, "order: not taken by search: results come by relevance, paged by offset"},
		{"/feed.atom?language=xx1", 400, "language: must be a language code (ISO 639-1, e.g. de)"},
	} {
		code, h, body := get(t, srv, tt.query)
		if code != tt.code || (tt.code == 400 || strings.HasPrefix(tt.query, "/api/")) && !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Errorf("%s: %d %s %s, want %d", tt.query, code, h.Get("Content-Type"), body, tt.code)
			continue
		}
		if tt.code != 400 {
			continue
		}
		var e struct{ Error, Parameter string }
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error != tt.err || e.Parameter != tt.err[:strings.IndexByte(tt.err, ':')] {
			t.Errorf("%s: %s, want error %q naming its parameter", tt.query, body, tt.err)
		}
	}
	// The limit holds: one story asked for, one given; past the end, none.
	_, _, body := get(t, srv, "/api/v1/stories?limit=1")
	var list struct{ Stories []news.Story }
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Stories) != 1 {
		t.Errorf("limit=1: %v %s", err, body)
	}
	_, _, body = get(t, srv, "/api/v1/stories?offset=1")
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Stories) != 0 {
		t.Errorf("offset=1 of one story: %v %s", err, body)
	}
}

// TestAPIRoutes: under /api/, an unknown route is a JSON 404 and a method
// a route does not take a JSON 405; the routes outside /api/ are as they
// were.
func TestAPIRoutes(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{Token: "s3cret"}))
	defer srv.Close()
	for _, tt := range []struct {
		method, path string
		code         int
		allow        string
	}{
		{"GET", "/api/v1/nothing", 404, ""},
		{"GET", "/api/", 404, ""},
		{"GET", "/api/v2/stories", 404, ""},
		{"GET", "/api/v1/stories/", 404, ""},
		{"GET", "/api/v1/stories/s-none", 404, ""},
		{"GET", "/api/v1/articles/a-none", 404, ""},
		{"POST", "/api/v1/nothing", 404, ""},
		{"DELETE", "/api/v1/stories", 405, "GET, HEAD"},
		{"POST", "/api/v1/search", 405, "GET, HEAD"},
		{"GET", "/api/v1/articles", 405, "POST"},
		{"PUT", "/api/v1/stories/s-1", 405, "GET, HEAD"},
		{"GET", "/api/v1/stories", 200, ""},
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e struct{ Error string }
		if resp.StatusCode != tt.code || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") ||
			(tt.code != 200 && (json.Unmarshal(b, &e) != nil || e.Error == "")) || resp.Header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: %d %q Allow %q %s; want %d, JSON, Allow %q", tt.method, tt.path, resp.StatusCode,
				resp.Header.Get("Content-Type"), resp.Header.Get("Allow"), b, tt.code, tt.allow)
		}
	}
	if code, h, _ := get(t, srv, "/no-such-page"); code != 404 || strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Errorf("a missing web page: %d %s", code, h.Get("Content-Type"))
	}
}

// multilingual opens a store holding one story told in German (two
// articles), English and French.
func multilingual(t *testing.T) (*sqlite.Store, string) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	a := func(id, lang, title, text string) news.Analyzed {
		return news.Analyzed{Article: news.Article{ID: id, Source: id, Outlet: id + ".example", Published: "2024-06-06", Language: lang, Title: title, Text: text}}
	}
	arts := []news.Analyzed{
		a("a-de1", "de", "EZB senkt erstmals seit 2019 die Zinsen", "Die Europäische Zentralbank senkt den Einlagenzins von 4 auf 3,75 Prozent, wie die Notenbank am Donnerstag mitteilte.\n\nLaut Christine Lagarde stimmten 25 der 26 Mitglieder des Rates in Frankfurt für die Senkung."),
		a("a-de2", "de", "Zinswende der EZB", "Die Europäische Zentralbank hat den Leitzins zum ersten Mal seit 2019 gesenkt, der Einlagenzins sinkt auf 3,75 Prozent.\n\nChristine Lagarde ließ offen, ob in diesem Jahr weitere Schritte folgen werden."),
		a("a-en1", "en", "ECB cuts interest rates for the first time since 2019", "The European Central Bank cut its deposit rate to 3.75% from 4% on Thursday, its first cut since 2019.\n\nChristine Lagarde said 25 of the 26 members of the Governing Council backed the decision in Frankfurt."),
		a("a-fr1", "fr", "La BCE baisse ses taux pour la première fois depuis 2019", "La Banque centrale européenne a abaissé jeudi son taux de dépôt à 3,75 %, contre 4 % auparavant.\n\nSelon Christine Lagarde, 25 des 26 membres du Conseil des gouverneurs ont soutenu la décision à Francfort."),
	}
	s := digest.Build("s-ecb", arts, pipeline.DefaultStoryOptions().Digest)
	if err := st.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateStories(context.Background(), []news.Story{s}, nil); err != nil {
		t.Fatal(err)
	}
	return st, s.ID
}

// TestStoryLanguages: a story's languages in the API and on its page, its
// title and summary in the language asked for (?lang=, or the server's),
// in its main language when none of its articles is in that language.
func TestStoryLanguages(t *testing.T) {
	st, id := multilingual(t)
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	story := func(srv *httptest.Server, path string) news.Story {
		t.Helper()
		code, _, body := get(t, srv, path)
		var s news.Story
		if err := json.Unmarshal([]byte(body), &s); code != 200 || err != nil {
			t.Fatalf("%s: %d %v %s", path, code, err, body)
		}
		return s
	}
	s := story(srv, "/api/v1/stories/"+id)
	if s.Language != "de" || s.SummaryLanguage != "de" || s.Languages["de"] != 2 || s.Languages["en"] != 1 || s.Languages["fr"] != 1 {
		t.Errorf("story languages: %q %q %v", s.Language, s.SummaryLanguage, s.Languages)
	}
	if s := story(srv, "/api/v1/stories/"+id+"?lang=en"); s.SummaryLanguage != "en" || s.Title != "ECB cuts interest rates for the first time since 2019" || s.Language != "de" {
		t.Errorf("?lang=en: told in %q as %q (main %q)", s.SummaryLanguage, s.Title, s.Language)
	}
	if s := story(srv, "/api/v1/stories/"+id+"?lang=es"); s.SummaryLanguage != "de" {
		t.Errorf("?lang=es, no article in Spanish: told in %q, want de", s.SummaryLanguage)
	}
	langErr := `{"error":"lang: must be a language code (ISO 639-1, e.g. de)","parameter":"lang"}`
	for q, want := range map[string]string{"/api/v1/stories/" + id + "?lang=12": langErr, "/api/v1/stories?lang=": langErr,
		"/api/v1/stories?lang=fr&lang=en": strings.Replace(langErr, ")", "), given once", 1)} {
		code, _, body := get(t, srv, q)
		if code != 400 || strings.TrimSpace(body) != want {
			t.Errorf("%s: %d %s, want 400 %s", q, code, body, want)
		}
	}
	_, _, page := get(t, srv, "/stories/"+id)
	for _, want := range []string{"Articles by language", `<strong>de</strong> (2)`, `href="/stories/` + id + `?lang=en"`, `<span class="lang">fr</span>`, `<h1 lang="de">`} {
		if !strings.Contains(page, want) {
			t.Errorf("story page lacks %q", want)
		}
	}

	// A server told to speak French: its lists, stories, pages and feed.
	fr := httptest.NewServer(New(st, Options{Lang: "fr"}))
	defer fr.Close()
	want := "La BCE baisse ses taux pour la première fois depuis 2019"
	if s := story(fr, "/api/v1/stories/"+id); s.SummaryLanguage != "fr" || s.Title != want {
		t.Errorf("French server: told in %q as %q", s.SummaryLanguage, s.Title)
	}
	if s := story(fr, "/api/v1/stories/"+id+"?lang=en"); s.SummaryLanguage != "en" {
		t.Errorf("French server, ?lang=en: told in %q", s.SummaryLanguage)
	}
	for _, path := range []string{"/api/v1/stories", "/", "/stories/" + id, "/feed.atom"} {
		if _, _, body := get(t, fr, path); !strings.Contains(body, want) {
			t.Errorf("French server: %s does not give the French title", path)
		}
	}
	if _, _, page := get(t, fr, "/stories/"+id+"?lang=en"); !strings.Contains(page, "<h1 lang=\"en\">ECB cuts interest rates") {
		t.Errorf("French server, page ?lang=en: no English title")
	}
}
