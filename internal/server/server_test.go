package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/shareddata"
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
	if code != 200 || !strings.Contains(body, `"hits"`) || !strings.Contains(body, `"kind"`) {
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
	srv := httptest.NewServer(New(st, Options{Token: "s3cret"}))
	defer srv.Close()
	post := func(token, body string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	article := `{"id":"p1","title":"Bridge approved","published":"2021-03-02","text":"The council approved the new bridge on Tuesday after a debate that lasted for more than ten years, and work will start in spring."}`
	if code, _ := post("", article); code != http.StatusUnauthorized {
		t.Errorf("no token: %d", code)
	}
	if code, _ := post("wrong", article); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", code)
	}
	if code, body := post("s3cret", article); code != http.StatusCreated || !strings.Contains(body, `"added":1`) {
		t.Errorf("first post: %d %s", code, body)
	}
	if code, body := post("s3cret", article); code != http.StatusOK || !strings.Contains(body, `"known":1`) {
		t.Errorf("same article again: %d %s", code, body)
	}
	if code, _ := post("s3cret", `{"id": `); code != http.StatusBadRequest {
		t.Errorf("malformed JSON: %d", code)
	}
	ro := httptest.NewServer(New(st, Options{}))
	defer ro.Close()
	resp, err := http.Post(ro.URL+"/api/v1/articles", "application/json", strings.NewReader(article))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("read-only server: %d", resp.StatusCode)
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
		"Quotes by speaker", "Antony Blinken", "We will uphold the principle", "<svg", "Articles by outlet"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if code != 200 {
		t.Errorf("story page: %d", code)
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
	id := home[strings.Index(home, "/stories/s-")+len("/stories/"):]
	id = id[:strings.IndexByte(id, '"')]
	_, _, story := get(t, srv, "/stories/"+id)
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
