package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"github.com/chorusnews/chorus/internal/store"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// full is a store holding the seeds and the AllSides dev articles, made
// once for the tests that need a store of some size (it takes a while).
var full struct {
	once sync.Once
	path string
	err  error
}

// fullStore opens the store of the seeds and AllSides, making it the
// first time.
func fullStore(t *testing.T) *sqlite.Store {
	t.Helper()
	shareddata.Seeds(t)
	corpus := shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("AllSides dev is read from ../shared")
	}
	full.once.Do(func() {
		dir, err := os.MkdirTemp("", "chorus-server-test-")
		if err != nil {
			full.err = err
			return
		}
		full.path = filepath.Join(dir, "chorus.db")
		st, err := sqlite.Open(full.path)
		if err != nil {
			full.err = err
			return
		}
		defer st.Close()
		_, full.err = pipeline.Ingest(context.Background(), st, []string{shareddata.Path("seeds"), corpus}, nil,
			pipeline.DefaultOptions(), pipeline.DefaultStoryOptions())
	})
	if full.err != nil {
		t.Fatal(full.err)
	}
	st, err := sqlite.Open(full.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestMain(m *testing.M) {
	code := m.Run()
	if full.path != "" {
		os.RemoveAll(filepath.Dir(full.path))
	}
	os.Exit(code)
}

// storiesPage is the API's answer for a page of stories.
type storiesPage struct {
	Stories           []news.Story
	Total, Limit      int
	First, Next, Prev string
}

func getJSON(t *testing.T, srv *httptest.Server, path string, v any) {
	t.Helper()
	code, _, body := get(t, srv, path)
	if code != 200 {
		t.Fatalf("%s: %d %s", path, code, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestAPIPagesReachEveryStory: following next from the first page gives
// every story once, as many as the total says, for each order and a
// filter; following prev back gives the same pages.
func TestAPIPagesReachEveryStory(t *testing.T) {
	st := fullStore(t)
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	all, err := st.CountStories(t.Context(), storeFilterNone)
	if err != nil || all < 300 {
		t.Fatalf("%d stories (%v), want the seeds' and AllSides'", all, err)
	}
	for _, start := range []string{"/api/v1/stories?limit=37", "/api/v1/stories?order=most_covered&limit=100",
		"/api/v1/stories?min_articles=2&limit=7", "/api/v1/stories"} {
		seen := map[string]bool{}
		var pages []storiesPage
		for next := start; next != ""; {
			var p storiesPage
			getJSON(t, srv, next, &p)
			pages = append(pages, p)
			for _, s := range p.Stories {
				if seen[s.ID] {
					t.Fatalf("%s: story %s twice", start, s.ID)
				}
				seen[s.ID] = true
			}
			if p.Total != pages[0].Total || len(p.Stories) > p.Limit || (p.Next != "" && len(p.Stories) != p.Limit) {
				t.Fatalf("%s: page %s: total %d, %d stories of %d", start, next, p.Total, len(p.Stories), p.Limit)
			}
			if len(pages) > 1 && p.Prev == "" {
				t.Errorf("%s: page %d has no prev link", start, len(pages))
			}
			next = p.Next
		}
		if len(seen) != pages[0].Total || pages[0].Prev != "" {
			t.Errorf("%s: reached %d stories, total says %d", start, len(seen), pages[0].Total)
		}
		if start == "/api/v1/stories" && pages[0].Total != all {
			t.Errorf("total %d, store holds %d", pages[0].Total, all)
		}
		// Back from the last page by prev links, the same pages.
		for i := len(pages) - 1; i > 0; i-- {
			var p storiesPage
			getJSON(t, srv, pages[i].Prev, &p)
			if got, want := storyIDList(p.Stories), storyIDList(pages[i-1].Stories); got != want {
				t.Fatalf("%s: prev of page %d:\n%s\nwant\n%s", start, i+1, got, want)
			}
		}
	}
}

func storyIDList(ss []news.Story) string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, " ")
}

// TestAPIFilters: each filter narrows the list to stories that match it,
// and the total counts them.
func TestAPIFilters(t *testing.T) {
	st := fullStore(t)
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	var all storiesPage
	getJSON(t, srv, "/api/v1/stories?limit=1", &all)
	var some storiesPage
	getJSON(t, srv, "/api/v1/stories?limit=100&min_outlets=3", &some)
	if some.Total == 0 || some.Total >= all.Total {
		t.Fatalf("min_outlets=3: %d of %d", some.Total, all.Total)
	}
	for _, s := range some.Stories {
		if len(s.Outlets) < 3 {
			t.Errorf("min_outlets=3 gave %s with %d outlets", s.ID, len(s.Outlets))
		}
	}
	outlet := some.Stories[0].Outlets[0]
	var byOutlet storiesPage
	getJSON(t, srv, "/api/v1/stories?limit=100&outlet="+urlEscape(outlet), &byOutlet)
	if byOutlet.Total == 0 || byOutlet.Total >= all.Total {
		t.Errorf("outlet=%s: %d of %d", outlet, byOutlet.Total, all.Total)
	}
	for _, s := range byOutlet.Stories {
		if !containsFold(s.Outlets, outlet) {
			t.Errorf("outlet=%s gave %s of %v", outlet, s.ID, s.Outlets)
		}
	}
	var dated storiesPage
	getJSON(t, srv, "/api/v1/stories?limit=100&from=2022-01-01&to=2022-01-31", &dated)
	for _, s := range dated.Stories {
		if s.LastPublished < "2022-01-01" || s.FirstPublished >= "2022-02-01" {
			t.Errorf("January 2022 gave %s: %s to %s", s.ID, s.FirstPublished, s.LastPublished)
		}
	}
	var lavrov storiesPage
	getJSON(t, srv, "/api/v1/stories?entity=sergey+lavrov", &lavrov)
	t.Logf("%d stories; min_outlets=3: %d; outlet=%s: %d; January 2022: %d; entity=sergey lavrov: %d",
		all.Total, some.Total, outlet, byOutlet.Total, dated.Total, lavrov.Total)
	if lavrov.Total == 0 {
		t.Error("entity=sergey lavrov: no story (the seeds quote him)")
	}
}

var storeFilterNone = storeFilter{}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// TestConditionalAndGzip: a repeated request with the validators it got
// is answered 304 without a body, by ETag and by date; a story written
// meanwhile makes it 200 again; gzip is given when asked, and only then.
func TestConditionalAndGzip(t *testing.T) {
	shareddata.Seeds(t)
	st := seeded(t, filepath.Join(t.TempDir(), "chorus.db"))
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	do := func(path string, header ...string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		tr := &http.Transport{DisableCompression: true} // see the encoding as sent
		resp, err := (&http.Client{Transport: tr}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	for _, path := range []string{"/", "/api/v1/stories", "/feed.atom", "/search?q=Lavrov", "/api/v1/search?q=Lavrov"} {
		first := do(path)
		first.Body.Close()
		etag, modified := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
		if first.StatusCode != 200 || etag == "" || modified == "" {
			t.Fatalf("%s: %d ETag %q Last-Modified %q", path, first.StatusCode, etag, modified)
		}
		for _, cond := range [][]string{{"If-None-Match", etag}, {"If-Modified-Since", modified}} {
			resp := do(path, cond...)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotModified || len(b) != 0 || resp.Header.Get("ETag") != etag {
				t.Errorf("%s with %s: %d (%d bytes)", path, cond[0], resp.StatusCode, len(b))
			}
		}
		if resp := do(path, "If-None-Match", `W/"other"`); resp.StatusCode != 200 {
			t.Errorf("%s with another ETag: %d", path, resp.StatusCode)
		}
		plain := do(path)
		zipped := do(path, "Accept-Encoding", "gzip")
		pb, _ := io.ReadAll(plain.Body)
		zb, _ := io.ReadAll(zipped.Body)
		plain.Body.Close()
		zipped.Body.Close()
		if plain.Header.Get("Content-Encoding") != "" || zipped.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: encodings %q and %q", path, plain.Header.Get("Content-Encoding"), zipped.Header.Get("Content-Encoding"))
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(zb))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		unzipped, _ := io.ReadAll(zr)
		if !bytes.Equal(unzipped, pb) {
			t.Errorf("%s: the gzipped answer is another", path)
		}
	}
	head, err := http.Head(srv.URL + "/api/v1/stories")
	if err != nil {
		t.Fatal(err)
	}
	hb, _ := io.ReadAll(head.Body)
	head.Body.Close()
	if head.StatusCode != 200 || len(hb) != 0 || head.Header.Get("ETag") == "" || !strings.HasPrefix(head.Header.Get("Content-Type"), "application/json") {
		t.Errorf("HEAD: %d %v (%d bytes)", head.StatusCode, head.Header, len(hb))
	}
	first := do("/api/v1/stories")
	first.Body.Close()
	stories, err := st.Stories(t.Context(), storeListAll)
	if err != nil || len(stories) == 0 {
		t.Fatal(err)
	}
	stories[0].Title = "Changed"
	if err := st.PutStories(t.Context(), stories[:1]); err != nil {
		t.Fatal(err)
	}
	if resp := do("/api/v1/stories", "If-None-Match", first.Header.Get("ETag")); resp.StatusCode != 200 {
		t.Errorf("after a story write: %d, want 200", resp.StatusCode)
	}
}

// TestFeedsParse: the feed and a filtered and a search feed, read by an
// independent parser: every entry has a link and content, the feed its
// self link and an id of its own.
func TestFeedsParse(t *testing.T) {
	st := fullStore(t)
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	ids := map[string]string{}
	for _, path := range []string{"/feed.atom", "/feed.atom?min_outlets=3&language=en", "/feed.atom?q=%22supreme+court%22",
		"/feed.atom?entity=Sergey+Lavrov&limit=5"} {
		code, h, body := get(t, srv, path)
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("%s: %d %s", path, code, h.Get("Content-Type"))
		}
		f, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(f.Items) == 0 {
			t.Errorf("%s: no entries", path)
		}
		for _, it := range f.Items {
			if !strings.HasPrefix(it.Link, srv.URL+"/stories/") && !strings.HasPrefix(it.Link, srv.URL+"/articles/") || it.Content == "" {
				t.Errorf("%s: entry %q: link %q, content %d bytes", path, it.Title, it.Link, len(it.Content))
			}
		}
		if f.FeedLink != srv.URL+path {
			t.Errorf("%s: self link %q", path, f.FeedLink)
		}
		af, err := (&atom.Parser{}).Parse(strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if other, ok := ids[af.ID]; ok || !strings.HasPrefix(af.ID, "urn:uuid:") {
			t.Errorf("%s: feed id %q (also %s's)", path, af.ID, other)
		}
		ids[af.ID] = path
		for _, e := range af.Entries {
			if e.ID == "" || e.Content == nil {
				t.Errorf("%s: entry %q without id or content", path, e.Title)
			}
		}
		if !strings.Contains(path, "q=") && !strings.Contains(path, "limit=5") && !strings.Contains(body, `rel="next"`) && len(f.Items) == DefaultLimit {
			t.Errorf("%s: a full page without a next link", path)
		}
	}
}

func urlEscape(s string) string { return url.QueryEscape(s) }

type storeFilter = store.StoryFilter

var storeListAll = store.ListOptions{}
