package watch

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
)

// testItem is one item of a test feed.
type testItem struct {
	guid, title, link, description, content string
}

// rssOf writes an RSS feed of items.
func rssOf(items ...testItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test News</title><link>https://example.org/</link>`)
	for _, it := range items {
		b.WriteString("<item>")
		if it.guid != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it.guid)
		}
		fmt.Fprintf(&b, "<title>%s</title><link>%s</link><pubDate>Tue, 02 Mar 2021 10:00:00 +0000</pubDate>", it.title, it.link)
		if it.description != "" {
			fmt.Fprintf(&b, "<description><![CDATA[%s]]></description>", it.description)
		}
		if it.content != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", it.content)
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// longText is a full article's worth of paragraphs.
func longText(topic string) string {
	var b strings.Builder
	for i := range 6 {
		fmt.Fprintf(&b, "<p>Paragraph %d about the %s: the council met again on Tuesday and the members debated the plan at length before a vote that passed narrowly.</p>", i+1, topic)
	}
	return b.String()
}

// clock is a settable clock for the schedule.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// collector is a sink that keeps what it is given, and the reports.
type collector struct {
	mu      sync.Mutex
	docs    []news.RawDoc
	errs    []error
	calls   int
	fail    error // returned instead of taking the documents
	reports []string
}

func (c *collector) sink(ctx context.Context, docs iter.Seq2[news.RawDoc, error]) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.fail != nil {
		return c.fail
	}
	for doc, err := range docs {
		if err != nil {
			c.errs = append(c.errs, err)
			continue
		}
		c.docs = append(c.docs, doc)
	}
	return nil
}

func (c *collector) report(err error) {
	c.mu.Lock()
	c.reports = append(c.reports, err.Error())
	c.mu.Unlock()
}

// take returns the documents gathered so far and forgets them.
func (c *collector) take() []news.RawDoc {
	c.mu.Lock()
	defer c.mu.Unlock()
	docs := c.docs
	c.docs = nil
	return docs
}

func (c *collector) takeReports() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.reports
	c.reports = nil
	return r
}

// testOptions are fast options on a fake clock, with the state in a
// temporary folder.
func testOptions(t *testing.T, c *collector, clk *clock) Options {
	o := DefaultOptions()
	o.Interval = time.Minute
	o.Delay = 0
	o.Timeout = 2 * time.Second
	o.StatePath = filepath.Join(t.TempDir(), "chorus.db.watch.json")
	o.Now = clk.Now
	o.Report = c.report
	o.Client = &http.Client{Transport: localOnly{t}}
	return o
}

// testTransport is the watcher's own transport, allowed to reach the
// httptest servers on 127.0.0.1 and no other internal address.
var testTransport = NetPolicy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}.Transport()

// localOnly lets tests reach their httptest servers and nothing else:
// the policy refuses the other internal addresses, and it refuses the
// public ones.
type localOnly struct{ t *testing.T }

func (l localOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Hostname() != "127.0.0.1" {
		l.t.Errorf("request to %s: tests stay off the network", r.URL)
		return nil, errors.New("off the network")
	}
	return testTransport.RoundTrip(r)
}

func newWatcher(t *testing.T, urls []string, c *collector, o Options) *Watcher {
	t.Helper()
	var feeds []Feed
	for _, u := range urls {
		feeds = append(feeds, Feed{URL: u})
	}
	w, err := New(feeds, c.sink, o)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func poll(t *testing.T, w *Watcher) Round {
	t.Helper()
	r, err := w.Poll(context.Background())
	if err != nil {
		t.Fatalf("Poll: %v", err)
	}
	return r
}

func titles(docs []news.RawDoc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Meta.Title)
	}
	return out
}

func TestConditionalGet(t *testing.T) {
	const etag, modified = `"v1"`, "Tue, 02 Mar 2021 10:00:00 GMT"
	var mu sync.Mutex
	var seen []http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Clone())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == etag {
			rw.WriteHeader(http.StatusNotModified)
			return
		}
		rw.Header().Set("ETag", etag)
		rw.Header().Set("Last-Modified", modified)
		fmt.Fprint(rw, rssOf(testItem{guid: "a", title: "Bridge", link: "https://example.org/a", content: longText("bridge")}))
	}))
	defer srv.Close()
	c, clk := &collector{}, newClock()
	o := testOptions(t, c, clk)
	feed := srv.URL + "/feed.xml"

	w := newWatcher(t, []string{feed}, c, o)
	if r := poll(t, w); r.Polled != 1 || r.Items != 1 || r.Unchanged != 0 {
		t.Errorf("first poll: %+v", r)
	}
	if got := titles(c.take()); !slices.Equal(got, []string{"Bridge"}) {
		t.Errorf("first poll handed on %q", got)
	}
	clk.Advance(o.Interval)
	if r := poll(t, w); r.Polled != 1 || r.Items != 0 || r.Unchanged != 1 {
		t.Errorf("second poll: %+v", r)
	}
	// A restart: a new watcher reads the validators from the state file.
	w = newWatcher(t, []string{feed}, c, o)
	if r := poll(t, w); r.Polled != 1 || r.Items != 0 || r.Unchanged != 1 {
		t.Errorf("poll after restart: %+v", r)
	}
	if docs := c.take(); len(docs) != 0 || c.calls != 1 {
		t.Errorf("304s handed on %d documents in %d sink calls after the first", len(docs), c.calls-1)
	}
	if len(seen) != 3 {
		t.Fatalf("%d requests, want 3", len(seen))
	}
	if h := seen[0]; h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
		t.Errorf("first request sent validators: %v", h)
	}
	for i, h := range seen[1:] {
		if h.Get("If-None-Match") != etag || h.Get("If-Modified-Since") != modified {
			t.Errorf("request %d: If-None-Match %q, If-Modified-Since %q", i+2, h.Get("If-None-Match"), h.Get("If-Modified-Since"))
		}
	}
	for i, h := range seen {
		if h.Get("User-Agent") != UserAgent {
			t.Errorf("request %d: User-Agent %q", i+1, h.Get("User-Agent"))
		}
	}
	if r := c.takeReports(); len(r) != 0 {
		t.Errorf("reports: %q", r)
	}
	// The state file was replaced whole: no temporary file stays behind.
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(o.StatePath), "*"))
	if len(files) != 1 || files[0] != o.StatePath {
		t.Errorf("files beside the state: %q", files)
	}
}

// TestNewItemsOnly: a feed without validators that changes by one item
// hands on that item only, and the pages behind old teasers are not
// fetched again.
func TestNewItemsOnly(t *testing.T) {
	var pages atomic.Int32
	items := []testItem{{guid: "a", title: "A", content: longText("a"), link: "https://example.org/a"}}
	var mu sync.Mutex
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed", func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprint(rw, rssOf(items...))
	})
	mux.HandleFunc("/page/", func(rw http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		fmt.Fprintf(rw, "<html><body><article><h1>Page</h1>%s</article></body></html>", longText(r.URL.Path))
	})
	items = append(items, testItem{title: "T", description: "A teaser.", link: srv.URL + "/page/t"})
	c, clk := &collector{}, newClock()
	w := newWatcher(t, []string{srv.URL + "/feed"}, c, testOptions(t, c, clk))

	poll(t, w)
	if got := titles(c.take()); !slices.Equal(got, []string{"A", "T"}) || pages.Load() != 1 {
		t.Fatalf("first poll: %q, %d pages", got, pages.Load())
	}
	poll(t, w)
	if got := titles(c.take()); len(got) != 0 || pages.Load() != 1 {
		t.Errorf("unchanged feed: %q handed on, %d pages", got, pages.Load())
	}
	// A new item first, without a guid: the items' positions shift.
	mu.Lock()
	items = append([]testItem{{title: "N", content: longText("n"), link: "https://example.org/n"}}, items...)
	mu.Unlock()
	if r := poll(t, w); r.Items != 1 || r.Unchanged != 0 {
		t.Errorf("poll with a new item: %+v", r)
	}
	if got := titles(c.take()); !slices.Equal(got, []string{"N"}) || pages.Load() != 1 {
		t.Errorf("new item: %q handed on, %d pages", got, pages.Load())
	}
}

func TestBackoff(t *testing.T) {
	var hits atomic.Int32
	var ok atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if !ok.Load() {
			http.Error(rw, "boom", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(rw, rssOf(testItem{guid: "a", title: "A", link: "https://example.org/a", content: longText("a")}))
	}))
	defer srv.Close()
	c, clk := &collector{}, newClock()
	o := testOptions(t, c, clk)
	feed := srv.URL + "/rss"
	w := newWatcher(t, []string{feed}, c, o)

	steps := []struct {
		advance  time.Duration
		wantHits int32
		failed   int
		waiting  int
	}{
		{0, 1, 1, 0},                           // fails: back off 2 minutes
		{o.Interval, 1, 0, 1},                  // 1 minute on: still backing off
		{o.Interval + time.Second, 2, 1, 0},    // past it: asked, fails again, 4 minutes
		{3 * o.Interval, 2, 0, 1},              // 3 minutes on: backing off
		{o.Interval + time.Second, 3, 1, 0},    // past it: 8 minutes
		{7 * o.Interval, 3, 0, 1},              // backing off
		{o.Interval + time.Second, 4, 1, 0},    // 16 minutes
		{16*o.Interval + time.Second, 5, 1, 0}, // 32 minutes
	}
	for i, s := range steps {
		clk.Advance(s.advance)
		r := poll(t, w)
		if hits.Load() != s.wantHits || r.Failed != s.failed || r.Waiting != s.waiting {
			t.Fatalf("step %d: %d requests, round %+v; want %d requests, %d failed, %d waiting", i, hits.Load(), r, s.wantHits, s.failed, s.waiting)
		}
	}
	reports := c.takeReports()
	if len(reports) != 5 {
		t.Fatalf("reports %q, want one per failure", reports)
	}
	if r := reports[0]; !strings.HasPrefix(r, feed+": ") || !strings.Contains(r, "HTTP 500 Internal Server Error") || !strings.Contains(r, "next try in 2m0s") {
		t.Errorf("report %q", r)
	}
	if r := reports[4]; !strings.Contains(r, "next try in 32m0s") {
		t.Errorf("fifth report %q: want a 32-minute wait", r)
	}
	// Well again: the feed is read, and its back-off forgotten.
	ok.Store(true)
	clk.Advance(64 * o.Interval)
	if r := poll(t, w); r.Items != 1 || r.Failed != 0 {
		t.Errorf("recovered poll: %+v", r)
	}
	if st := w.state[feed]; st.Failures != 0 || !st.NextPoll.Equal(clk.Now().Add(o.Interval)) || st.LastError != "" {
		t.Errorf("state after recovery: %+v", st)
	}
}

func TestBackoffCap(t *testing.T) {
	w := &Watcher{opts: Options{Interval: 15 * time.Minute, MaxBackoff: 24 * time.Hour}}
	for _, tt := range []struct {
		failures int
		want     time.Duration
	}{
		{0, 15 * time.Minute}, {1, 30 * time.Minute}, {2, time.Hour}, {6, 16 * time.Hour},
		{7, 24 * time.Hour}, {40, 24 * time.Hour}, {1000, 24 * time.Hour},
	} {
		if got := w.backoff(tt.failures); got != tt.want {
			t.Errorf("backoff(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		header string
		want   time.Duration
	}{
		{"", 0}, {"120", 2 * time.Minute}, {" 7200 ", 2 * time.Hour}, {"0", 0}, {"-5", 0}, {"soon", 0},
		{now.Add(3 * time.Hour).Format(http.TimeFormat), 3 * time.Hour},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"99999999999", maxRetryAfter},
	} {
		if got := retryAfter(tt.header, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	for _, status := range []int{http.StatusTooManyRequests, http.StatusServiceUnavailable} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
				if hits.Add(1) == 1 {
					rw.Header().Set("Retry-After", "7200")
					rw.WriteHeader(status)
					return
				}
				fmt.Fprint(rw, rssOf(testItem{guid: "a", title: "A", link: "https://example.org/a", content: longText("a")}))
			}))
			defer srv.Close()
			c, clk := &collector{}, newClock()
			w := newWatcher(t, []string{srv.URL}, c, testOptions(t, c, clk))
			poll(t, w)
			// The back-off alone would be 2 minutes; the server asked for 2 hours.
			clk.Advance(time.Hour)
			if r := poll(t, w); r.Waiting != 1 || hits.Load() != 1 {
				t.Errorf("an hour on: round %+v, %d requests", r, hits.Load())
			}
			clk.Advance(time.Hour)
			if r := poll(t, w); r.Items != 1 || hits.Load() != 2 {
				t.Errorf("two hours on: round %+v, %d requests", r, hits.Load())
			}
			if r := c.takeReports(); len(r) != 1 || !strings.Contains(r[0], fmt.Sprintf("HTTP %d", status)) || !strings.Contains(r[0], "next try in 2h0m0s") {
				t.Errorf("reports %q", r)
			}
		})
	}
}

// TestPoliteness polls several feeds on one host, with teasers whose
// pages are on that host too: the host never sees two requests at once,
// and their starts are at least the delay apart. A second host is not
// held up by the first.
func TestPoliteness(t *testing.T) {
	const delay = 15 * time.Millisecond
	var inFlight, most atomic.Int32
	var mu sync.Mutex
	var starts []time.Time
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed/", func(rw http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(2 * time.Millisecond)
		if strings.HasPrefix(r.URL.Path, "/feed/page/") {
			fmt.Fprintf(rw, "<html><body><article>%s</article></body></html>", longText(r.URL.Path))
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/feed/")
		fmt.Fprint(rw, rssOf(
			testItem{guid: name + "1", title: name + " one", description: "Teaser.", link: srv.URL + "/feed/page/" + name + "1"},
			testItem{guid: name + "2", title: name + " two", description: "Teaser.", link: srv.URL + "/feed/page/" + name + "2"},
		))
	})
	var other atomic.Int32
	srv2 := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		other.Add(1)
		fmt.Fprint(rw, rssOf(testItem{guid: "x", title: "X", link: "https://example.org/x", content: longText("x")}))
	}))
	defer srv2.Close()

	c, clk := &collector{}, newClock()
	o := testOptions(t, c, clk)
	o.Delay = delay
	urls := []string{srv.URL + "/feed/a", srv.URL + "/feed/b", srv.URL + "/feed/c", srv2.URL + "/rss"}
	w := newWatcher(t, urls, c, o)
	start := time.Now()
	r := poll(t, w)
	if r.Polled != 4 || r.Items != 7 || r.Pages != 6 || r.Failed != 0 {
		t.Errorf("round %+v", r)
	}
	if most.Load() != 1 {
		t.Errorf("the host saw %d requests at once", most.Load())
	}
	if len(starts) != 9 {
		t.Fatalf("the host saw %d requests, want 9", len(starts))
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < delay {
			t.Errorf("requests %d and %d to one host %v apart, want at least %v", i, i+1, gap, delay)
		}
	}
	if elapsed := time.Since(start); elapsed < 8*delay {
		t.Errorf("9 requests to one host took %v, want at least %v", elapsed, 8*delay)
	}
	if other.Load() != 1 {
		t.Errorf("the second host saw %d requests", other.Load())
	}
	// The pause holds across rounds too.
	poll(t, w)
	mu.Lock()
	defer mu.Unlock()
	if gap := starts[9].Sub(starts[8]); gap < delay {
		t.Errorf("first request of the next round %v after the last, want at least %v", gap, delay)
	}
}

func TestTeaser(t *testing.T) {
	var fullPageHits atomic.Int32
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/news/bridge", func(rw http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != UserAgent {
			t.Errorf("page request with User-Agent %q", r.Header.Get("User-Agent"))
		}
		fmt.Fprint(rw, `<!DOCTYPE html><html><head><title>Site | Bridge</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Council approves the bridge</h1>
<p>The city council approved the new bridge on Tuesday after a debate that lasted more than ten years.</p>
<p>Construction is due to start in the spring, the mayor told reporters outside the town hall.</p>
<p>Opponents said they would appeal the decision to the regional court within the month.</p>
</article><footer>Copyright</footer></body></html>`)
	})
	mux.HandleFunc("/news/full", func(rw http.ResponseWriter, r *http.Request) { fullPageHits.Add(1) })
	mux.HandleFunc("/news/gone", http.NotFound)
	mux.HandleFunc("/rss", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, rssOf(
			testItem{guid: "bridge", title: "Bridge approved", link: srv.URL + "/news/bridge",
				description: "<p>The council approved the bridge. <a href=\"x\">Read more</a></p>"},
			testItem{guid: "full", title: "Full story", link: srv.URL + "/news/full",
				description: "Short.", content: longText("full story")},
			testItem{guid: "gone", title: "Gone", link: srv.URL + "/news/gone",
				description: "The page behind this teaser is gone."},
		))
	})
	c, clk := &collector{}, newClock()
	feed := srv.URL + "/rss"
	w := newWatcher(t, []string{feed}, c, testOptions(t, c, clk))
	if r := poll(t, w); r.Items != 3 || r.Pages != 1 {
		t.Errorf("round %+v", r)
	}
	docs := c.take()
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}

	page := docs[0]
	for _, want := range []string{"debate that lasted more than ten years", "Construction is due to start", "appeal the decision"} {
		if !strings.Contains(string(page.Body), want) {
			t.Errorf("the page's document lacks %q: %.300q", want, page.Body)
		}
	}
	if page.Format != news.FormatHTML || page.Source != srv.URL+"/news/bridge" || page.URL != srv.URL+"/news/bridge" ||
		page.Meta.URL != srv.URL+"/news/bridge" || page.Meta.Title != "Bridge approved" ||
		page.Meta.Published != "2021-03-02T10:00:00Z" || page.Meta.Outlet != "Test News" || page.Fetched.IsZero() {
		t.Errorf("page document: source %q, URL %q, format %v, meta %+v, fetched %v", page.Source, page.URL, page.Format, page.Meta, page.Fetched)
	}
	if !strings.HasPrefix(string(page.Raw), "<!DOCTYPE html>") {
		t.Errorf("page raw %.40q: want the page as fetched", page.Raw)
	}

	full := docs[1]
	if full.Source != feed+"#full" || !strings.Contains(string(full.Body), "Paragraph 6 about the full story") || fullPageHits.Load() != 0 {
		t.Errorf("item with its content: source %q, page fetched %d times", full.Source, fullPageHits.Load())
	}
	gone := docs[2]
	if gone.Source != feed+"#gone" || !strings.Contains(string(gone.Body), "The page behind this teaser is gone.") || gone.Meta.Title != "Gone" {
		t.Errorf("teaser kept for a missing page: source %q, body %q", gone.Source, gone.Body)
	}
	reports := c.takeReports()
	if len(reports) != 1 || !strings.HasPrefix(reports[0], feed+"#gone: page "+srv.URL+"/news/gone: HTTP 404 Not Found") {
		t.Errorf("reports %q", reports)
	}
}

func TestIsTeaser(t *testing.T) {
	words := func(n int) string { return strings.Repeat("word ", n) }
	for _, tt := range []struct {
		name string
		doc  news.RawDoc
		want bool
	}{
		{"short description with a link", news.RawDoc{Format: news.FormatHTML, URL: "https://x.org/a", Raw: []byte("<p>A teaser.</p>")}, true},
		{"79 long words", news.RawDoc{Format: news.FormatHTML, URL: "https://x.org/a", Raw: []byte(strings.Repeat("extraordinary ", 79))}, true},
		{"120 words in markup", news.RawDoc{Format: news.FormatHTML, URL: "https://x.org/a", Raw: []byte("<p>" + words(120) + "</p>")}, false},
		{"short text in long markup", news.RawDoc{Format: news.FormatHTML, URL: "https://x.org/a", Raw: []byte("<div class=\"" + strings.Repeat("x", 2000) + "\">Teaser.</div><script>" + words(200) + "</script>")}, true},
		{"no link", news.RawDoc{Format: news.FormatHTML, Raw: []byte("Teaser.")}, false},
		{"not an http link", news.RawDoc{Format: news.FormatHTML, URL: "ftp://x.org/a", Raw: []byte("Teaser.")}, false},
		{"an article's own text", news.RawDoc{Format: news.FormatHTML, URL: "https://x.org/a", Raw: []byte("Teaser."), IsArticle: true}, false},
	} {
		if got := isTeaser(tt.doc); got != tt.want {
			t.Errorf("%s: isTeaser = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestFeedFailures: a feed that fails in any way gets one report naming
// it and what was wrong, and the other feeds go on.
func TestFeedFailures(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/good", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, rssOf(testItem{guid: "g", title: "Good", link: "https://example.org/g", content: longText("good")}))
	})
	mux.HandleFunc("/slow", func(rw http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/500", func(rw http.ResponseWriter, r *http.Request) { http.Error(rw, "oops", 500) })
	mux.HandleFunc("/garbage", func(rw http.ResponseWriter, r *http.Request) {
		rw.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"))
	})
	mux.HandleFunc("/malformed.xml", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>cut`)
	})
	mux.HandleFunc("/empty", func(rw http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/page", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(rw, "<html><body><p>%s</p></body></html>", longText("page"))
	})
	mux.HandleFunc("/huge", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, rssOf(testItem{guid: "h", title: "Huge", link: "https://example.org/h", content: strings.Repeat(longText("huge"), 100)}))
	})
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()

	for _, tt := range []struct {
		path, want string
	}{
		{srv.URL + "/slow", "timed out after 100ms"},
		{srv.URL + "/500", "HTTP 500 Internal Server Error"},
		{srv.URL + "/missing", "HTTP 404 Not Found"},
		{srv.URL + "/garbage", "binary content, not text or HTML"},
		{srv.URL + "/malformed.xml", "malformed feed"},
		{srv.URL + "/empty", "empty file"},
		{srv.URL + "/page", "not a feed but a web page"},
		{srv.URL + "/huge", "response too large"},
		{closed.URL + "/rss", "connection refused"},
	} {
		t.Run(strings.TrimPrefix(tt.path, srv.URL), func(t *testing.T) {
			c, clk := &collector{}, newClock()
			o := testOptions(t, c, clk)
			o.Timeout = 100 * time.Millisecond
			o.MaxBytes = 64 << 10
			w := newWatcher(t, []string{tt.path, srv.URL + "/good"}, c, o)
			r := poll(t, w)
			if r.Polled != 2 || r.Failed != 1 || r.Items != 1 {
				t.Errorf("round %+v", r)
			}
			if got := titles(c.take()); !slices.Equal(got, []string{"Good"}) {
				t.Errorf("handed on %q", got)
			}
			reports := c.takeReports()
			if len(reports) != 1 || !strings.HasPrefix(reports[0], tt.path+": ") || !strings.Contains(reports[0], tt.want) || strings.Contains(reports[0], "\n") {
				t.Errorf("reports %q, want one line %q", reports, tt.path+": "+tt.want+"…")
			}
		})
	}
}

// TestItemErrorsGoToTheSink: an item that cannot be read reaches the sink
// as an input error naming it, once.
func TestItemErrorsGoToTheSink(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, rssOf(
			testItem{guid: "empty", title: "Empty", link: "https://example.org/e"},
			testItem{guid: "ok", title: "OK", link: "https://example.org/ok", content: longText("ok")},
		))
	}))
	defer srv.Close()
	c, clk := &collector{}, newClock()
	w := newWatcher(t, []string{srv.URL}, c, testOptions(t, c, clk))
	poll(t, w)
	poll(t, w)
	var ie *news.InputError
	if len(c.errs) != 1 || !errors.As(c.errs[0], &ie) || ie.Source != srv.URL+"#empty" {
		t.Errorf("sink errors %v", c.errs)
	}
	if got := titles(c.take()); !slices.Equal(got, []string{"OK"}) {
		t.Errorf("handed on %q", got)
	}
}

// TestSinkFailureLosesNothing: items a failing sink did not store come
// again, validators and all, on the next poll.
func TestSinkFailureLosesNothing(t *testing.T) {
	var mu sync.Mutex
	var inm []string
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inm = append(inm, r.Header.Get("If-None-Match"))
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` {
			rw.WriteHeader(http.StatusNotModified)
			return
		}
		rw.Header().Set("ETag", `"v1"`)
		fmt.Fprint(rw, rssOf(testItem{guid: "a", title: "A", link: "https://example.org/a", content: longText("a")}))
	}))
	defer srv.Close()
	c, clk := &collector{fail: errors.New("database is locked")}, newClock()
	o := testOptions(t, c, clk)
	w := newWatcher(t, []string{srv.URL}, c, o)
	r, err := w.Poll(context.Background())
	if err == nil || !strings.Contains(err.Error(), "database is locked") || r.Failed != 1 {
		t.Fatalf("Poll with a failing sink: %+v, %v", r, err)
	}
	c.fail = nil
	// A restart after the back-off: the state file kept no validator.
	clk.Advance(o.Interval * 2)
	w = newWatcher(t, []string{srv.URL}, c, o)
	poll(t, w)
	if got := titles(c.take()); !slices.Equal(got, []string{"A"}) {
		t.Errorf("after the failure, handed on %q", got)
	}
	if !slices.Equal(inm, []string{"", ""}) {
		t.Errorf("If-None-Match sent: %q", inm)
	}
}

func TestCancel(t *testing.T) {
	started := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-r.Context().Done()
	}))
	defer srv.Close()
	c, clk := &collector{}, newClock()
	o := testOptions(t, c, clk)
	o.Timeout = 10 * time.Second
	w := newWatcher(t, []string{srv.URL}, c, o)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	begin := time.Now()
	_, err := w.Poll(ctx)
	if !errors.Is(err, context.Canceled) || time.Since(begin) > 2*time.Second {
		t.Errorf("Poll: %v after %v", err, time.Since(begin))
	}
	if r := c.takeReports(); len(r) != 0 {
		t.Errorf("an interrupted poll reported %q", r)
	}
	if _, err := os.Stat(o.StatePath); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an interrupted poll saved state: %v", err)
	}
}

// TestRun: the schedule polls each feed every interval, later after
// failures, and stops when its context is done.
func TestRun(t *testing.T) {
	var goodHits, badHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/good", func(rw http.ResponseWriter, r *http.Request) {
		goodHits.Add(1)
		fmt.Fprint(rw, rssOf(testItem{guid: "g", title: "Good", link: "https://example.org/g", content: longText("good")}))
	})
	mux.HandleFunc("/bad", func(rw http.ResponseWriter, r *http.Request) {
		badHits.Add(1)
		http.Error(rw, "oops", 500)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, clk := &collector{}, newClock()
	o := testOptions(t, c, clk)
	var sleeps []time.Duration
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o.Sleep = func(ctx context.Context, d time.Duration) error {
		sleeps = append(sleeps, d)
		if len(sleeps) == 8 {
			cancel()
			return ctx.Err()
		}
		clk.Advance(d)
		return nil
	}
	w := newWatcher(t, []string{srv.URL + "/good", srv.URL + "/bad"}, c, o)
	if err := w.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Run: %v", err)
	}
	// Seven minutes passed: the good feed was asked at 0..7, the bad one
	// at 0, 2 and 6 (waits of 2 and 4 minutes).
	if goodHits.Load() != 8 || badHits.Load() != 3 {
		t.Errorf("good feed asked %d times, bad %d", goodHits.Load(), badHits.Load())
	}
	for i, d := range sleeps {
		if d != time.Minute {
			t.Errorf("sleep %d: %v, want 1m", i, d)
		}
	}
	if got := titles(c.take()); !slices.Equal(got, []string{"Good"}) {
		t.Errorf("handed on %q", got)
	}
}

func TestDamagedState(t *testing.T) {
	c, clk := &collector{}, newClock()
	o := testOptions(t, c, clk)
	os.WriteFile(o.StatePath, []byte("{not json"), 0o644)
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, rssOf(testItem{guid: "a", title: "A", link: "https://example.org/a", content: longText("a")}))
	}))
	defer srv.Close()
	w := newWatcher(t, []string{srv.URL}, c, o)
	if r := c.takeReports(); len(r) != 1 || !strings.Contains(r[0], o.StatePath) || !strings.Contains(r[0], "starting afresh") {
		t.Errorf("reports %q", r)
	}
	if r := poll(t, w); r.Items != 1 {
		t.Errorf("round %+v", r)
	}
	if st, err := loadState(o.StatePath); err != nil || st[srv.URL] == nil || len(st[srv.URL].Seen) != 1 {
		t.Errorf("state written afresh: %+v, %v", st, err)
	}
}

func TestNewRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"ftp://example.org/rss", "file:///etc/passwd", "example.org/rss", "http://"} {
		if _, err := New([]Feed{{URL: u}}, (&collector{}).sink, Options{}); err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("New(%q): error %v", u, err)
		}
	}
	if _, err := New(nil, (&collector{}).sink, Options{}); err == nil {
		t.Error("New without feeds: no error")
	}
}
