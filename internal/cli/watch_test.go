package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store/sqlite"
	"github.com/chorusnews/chorus/internal/watch"
)

// morePros makes prose a full article, more than a teaser.
const morePros = "Opponents of the project said they would appeal the decision to the regional court, arguing that the council had not studied the effect on the river banks.\n\n" +
	"The mayor dismissed the criticism, saying that three separate studies had been published since 2015 and that all of them supported the new crossing."

// watchServer serves a feed with one full item and one teaser, the page
// behind the teaser, and a feed that fails.
func watchServer(t *testing.T) (srv *httptest.Server, feedHits *atomic.Int32) {
	t.Helper()
	feedHits = new(atomic.Int32)
	paragraphs := func(s string) string {
		var b strings.Builder
		for p := range strings.SplitSeq(s, "\n\n") {
			b.WriteString("<p>" + p + "</p>")
		}
		return b.String()
	}
	mux := http.NewServeMux()
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	mux.HandleFunc("/rss", func(rw http.ResponseWriter, r *http.Request) {
		feedHits.Add(1)
		if r.Header.Get("If-None-Match") == `"feed-v1"` {
			rw.WriteHeader(http.StatusNotModified)
			return
		}
		rw.Header().Set("ETag", `"feed-v1"`)
		fmt.Fprintf(rw, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>River Gazette</title>
<item><guid>bridge</guid><title>Council approves the new bridge</title><link>%s/news/bridge</link>
<pubDate>Tue, 02 Mar 2021 10:00:00 +0000</pubDate><content:encoded><![CDATA[%s]]></content:encoded></item>
<item><guid>tunnel</guid><title>Tunnel plans unveiled</title><link>%s/news/tunnel</link>
<pubDate>Wed, 03 Mar 2021 08:30:00 +0000</pubDate><description>Plans for a tunnel were unveiled.</description></item>
</channel></rss>`, srv.URL, paragraphs(prose+"\n\n"+morePros), srv.URL)
	})
	mux.HandleFunc("/news/bridge", func(rw http.ResponseWriter, r *http.Request) {
		t.Errorf("the page behind an item with its full text was fetched")
	})
	mux.HandleFunc("/news/tunnel", func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprint(rw, `<!DOCTYPE html><html><head><title>Tunnel | River Gazette</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Tunnel plans unveiled</h1>
<p>The transport ministry unveiled plans on Wednesday for a tunnel under the river, to be finished by 2030 at a cost of about 400 million euros.</p>
<p>The tunnel would carry two lanes of traffic in each direction and take pressure off the old bridge, the minister told reporters in the capital.</p>
<p>Residents near the planned entrances said they feared years of construction noise, and a local group announced that it would challenge the plans in court.</p>
</article><footer>© River Gazette</footer></body></html>`)
	})
	mux.HandleFunc("/broken", func(rw http.ResponseWriter, r *http.Request) { http.Error(rw, "oops", http.StatusInternalServerError) })
	return srv, feedHits
}

func storedTitles(t *testing.T, db string) map[string]news.StoryArticle {
	t.Helper()
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts := map[string]news.StoryArticle{}
	if err := st.AllArticles(context.Background(), func(a news.StoryArticle) error {
		arts[a.Title] = a
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return arts
}

func TestWatchOnce(t *testing.T) {
	srv, feedHits := watchServer(t)
	db := filepath.Join(t.TempDir(), "chorus.db")
	code, _, stderr := run(t, "", "watch", "--once", "--db", db, "--delay", "0", "--allow-net", "127.0.0.1/32", srv.URL+"/rss", srv.URL+"/broken")
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	arts := storedTitles(t, db)
	bridge, ok := arts["Council approves the new bridge"]
	if !ok || !strings.Contains(bridge.Text, "debate that lasted for more than ten years") || bridge.URL != srv.URL+"/news/bridge" {
		t.Errorf("bridge article: %+v (stored: %v)", bridge, slices.Collect(maps.Keys(arts)))
	}
	tunnel, ok := arts["Tunnel plans unveiled"]
	if !ok || !strings.Contains(tunnel.Text, "take pressure off the old bridge") || tunnel.URL != srv.URL+"/news/tunnel" ||
		!strings.HasPrefix(tunnel.Published, "2021-03-03") {
		t.Errorf("tunnel article from the page behind the teaser: %+v", tunnel)
	}
	if len(arts) != 2 {
		t.Errorf("%d articles stored, want 2", len(arts))
	}
	var failures []string
	for line := range strings.SplitSeq(strings.TrimSpace(stderr), "\n") {
		if strings.Contains(line, "/broken") {
			failures = append(failures, line)
		}
	}
	if len(failures) != 1 || !strings.HasPrefix(failures[0], "chorus: "+srv.URL+"/broken: HTTP 500") {
		t.Errorf("want one line on the broken feed; stderr:\n%s", stderr)
	}
	if !strings.Contains(stderr, "2 feeds polled: 0 unchanged, 1 failed, 0 backing off; 2 new items, 1 pages fetched") {
		t.Errorf("no summary; stderr:\n%s", stderr)
	}
	if _, err := os.Stat(db + ".watch.json"); err == nil {
		t.Errorf("the watch state went to a file beside the store, not into it")
	}
	_, list, _ := run(t, "", "watch", "list", "--db", db)
	if !strings.Contains(list, srv.URL+"/rss") || !strings.Contains(list, "HTTP 500") {
		t.Errorf("the store does not list the feeds watched with their state:\n%s", list)
	}

	// Again: the feed answers 304, the broken feed is backing off, and
	// nothing is added.
	code, _, stderr = run(t, "", "watch", "--once", "--quiet", "--db", db, "--delay", "0", "--allow-net", "127.0.0.1/32", srv.URL+"/rss", srv.URL+"/broken")
	if code != exitOK || stderr != "" {
		t.Errorf("second run: exit %d; stderr:\n%s", code, stderr)
	}
	if feedHits.Load() != 2 || len(storedTitles(t, db)) != 2 {
		t.Errorf("second run: feed asked %d times in all, %d articles", feedHits.Load(), len(storedTitles(t, db)))
	}
}

func TestWatchOPML(t *testing.T) {
	srv, _ := watchServer(t)
	dir := t.TempDir()
	subs := filepath.Join(dir, "subs.opml")
	os.WriteFile(subs, []byte(`<?xml version="1.0"?><opml version="2.0"><body>
<outline text="News"><outline text="River Gazette" type="rss" xmlUrl="`+srv.URL+`/rss"/></outline>
<outline text="Not a feed"/>
<outline text="FTP" xmlUrl="ftp://files.example/feed"/>
</body></opml>`), 0o644)
	broken := filepath.Join(dir, "broken.opml")
	os.WriteFile(broken, []byte(`<opml><body><outline text="x"`), 0o644)
	db := filepath.Join(dir, "chorus.db")
	code, _, stderr := run(t, "", "watch", "--once", "--quiet", "--db", db, "--delay", "0", "--allow-net", "127.0.0.1/32", "--opml", subs, "--opml", broken)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 2 || !strings.Contains(stderr, "ftp://files.example/feed: unsupported scheme") ||
		!strings.Contains(stderr, broken+": malformed OPML") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if n := len(storedTitles(t, db)); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
}

func TestWatchUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "chorus.db")
	for _, args := range [][]string{
		{"watch", "--once", "--db", db},
		{"watch", "--once", "--db", db, "file:///etc/passwd"},
		{"watch", "--once", "--db", db, "--interval", "0", "http://127.0.0.1:1/rss"},
		{"watch", "--bogus"},
		{"watch", "--once", "--db", db, "--allow-net", "10.0.0.0/33", "http://127.0.0.1:1/rss"},
		{"watch", "--once", "--db", db, "--allow-net", "127.0.0.0/8,intranet", "http://127.0.0.1:1/rss"},
	} {
		if code, _, stderr := run(t, "", args...); code != exitUsage || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want %d and a message", args, code, stderr, exitUsage)
		}
	}
}

// TestWatchRefusesInternal: a teaser on an allowed feed that links to an
// internal address gets one line naming it, and the server there sees no
// request; allowed with --allow-net, the page is fetched.
func TestWatchRefusesInternal(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2 here: %v", err)
	}
	var hits atomic.Int32
	internal := httptest.NewUnstartedServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(rw, `<!DOCTYPE html><html><head><title>Admin</title></head><body><article><h1>Internal admin page</h1>
<p>The internal admin page lists every account on the office network, with the passwords of the printers and the routers.</p>
<p>Nothing on this page was ever meant to be read from outside the building, the administrator wrote in a note at the top.</p>
<p>Whoever reads this through a feed reader has found a way in that the administrator did not know about.</p>
</article></body></html>`)
	}))
	internal.Listener.Close()
	internal.Listener = ln
	internal.Start()
	defer internal.Close()
	page := internal.URL + "/admin"

	feed := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(rw, `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile Feed</title>
<item><guid>admin</guid><title>Look inside</title><link>%s</link><description>A teaser.</description></item>
</channel></rss>`, page)
	}))
	defer feed.Close()

	db := filepath.Join(t.TempDir(), "chorus.db")
	code, _, stderr := run(t, "", "watch", "--once", "--db", db, "--delay", "0", "--allow-net", "127.0.0.1/32", feed.URL)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	want := "chorus: " + feed.URL + "#admin: page " + page + ": refused: 127.0.0.2 is an internal address (loopback 127.0.0.0/8), not fetched; --allow-net allows a range; the feed's teaser is stored instead\n"
	if !strings.Contains(stderr, want) || strings.Count(stderr, "refused") != 1 {
		t.Errorf("stderr:\n%s\nwant the line:\n%s", stderr, want)
	}
	if hits.Load() != 0 {
		t.Errorf("the server on 127.0.0.2 saw %d requests", hits.Load())
	}
	if arts := storedTitles(t, db); strings.Contains(arts["Look inside"].Text, "passwords") {
		t.Errorf("the internal page was stored: %q", arts["Look inside"].Text)
	}

	db = filepath.Join(t.TempDir(), "chorus.db")
	code, _, stderr = run(t, "", "watch", "--once", "--db", db, "--delay", "0", "--allow-net", "127.0.0.1/32", "--allow-net", "127.0.0.2", feed.URL)
	if code != exitOK || strings.Contains(stderr, "refused") || hits.Load() != 1 {
		t.Errorf("allowed: exit %d, %d requests to 127.0.0.2; stderr:\n%s", code, hits.Load(), stderr)
	}
	if arts := storedTitles(t, db); !strings.Contains(arts["Look inside"].Text, "passwords") {
		t.Errorf("allowed: the page was not stored: %q", arts["Look inside"].Text)
	}
}

// TestWatchSubscriptions: feeds are added from a page that names them,
// listed with their state, exported as OPML, polled from the store with no
// URL given, retried at once while backing off, and removed.
func TestWatchSubscriptions(t *testing.T) {
	srv, feedHits := watchServer(t)
	db := filepath.Join(t.TempDir(), "chorus.db")
	net := []string{"--db", db, "--allow-net", "127.0.0.1/32"}
	home := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(rw, `<html><head><link rel="alternate" type="application/rss+xml" href="%s/rss"></head><body>Home</body></html>`, srv.URL)
	}))
	defer home.Close()
	noFeed := srv.URL + "/news/tunnel" // a page that names no feed
	code, stdout, stderr := run(t, "", append([]string{"watch", "add"}, append(net, home.URL+"/", noFeed)...)...)
	if code != exitOK || !strings.Contains(stdout, "found "+srv.URL+"/rss") || !strings.Contains(stdout, "1 feeds added") ||
		!strings.Contains(stderr, noFeed+": no feed") {
		t.Errorf("add: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = run(t, "", "watch", "add", "--db", db, "--as-given", srv.URL+"/broken")
	if code != exitOK || !strings.Contains(stdout, "1 feeds added") {
		t.Errorf("add --as-given: exit %d: %s", code, stdout)
	}
	_, opml, _ := run(t, "", "watch", "export", "--db", db)
	feeds, err := watch.ParseOPML(strings.NewReader(opml))
	if err != nil || len(feeds) != 2 || feeds[0].URL != srv.URL+"/broken" || feeds[1].URL != srv.URL+"/rss" {
		t.Errorf("export: %+v %v\n%s", feeds, err, opml)
	}

	// The watch polls what the store lists, no URL given.
	if code, _, stderr := run(t, "", "watch", "--once", "--quiet", "--delay", "0", "--db", db, "--allow-net", "127.0.0.1/32"); code != exitOK {
		t.Fatalf("watch from the store: exit %d\n%s", code, stderr)
	}
	if n := len(storedTitles(t, db)); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
	_, list, _ := run(t, "", "watch", "list", "--db", db, "--json")
	var broken subscriptionJSON
	for line := range strings.SplitSeq(strings.TrimSpace(list), "\n") {
		var s subscriptionJSON
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("list --json: %v: %q", err, line)
		}
		if s.URL == srv.URL+"/broken" {
			broken = s
		}
	}
	if broken.Failures != 1 || !strings.Contains(broken.LastError, "HTTP 500") || broken.LastFetch == "" || broken.NextFetch <= broken.LastFetch {
		t.Errorf("the broken feed's state: %+v", broken)
	}

	// Backing off, the broken feed is skipped by the watch but polled by
	// retry.
	before := feedHits.Load()
	if code, _, stderr := run(t, "", "watch", "retry", "--db", db, "--allow-net", "127.0.0.1/32", srv.URL+"/broken"); code != exitEmpty || !strings.Contains(stderr, "1 feeds polled, 1 failed") {
		t.Errorf("retry: exit %d\n%s", code, stderr)
	}
	if feedHits.Load() != before {
		t.Errorf("retry of one feed polled another")
	}
	if code, _, stderr := run(t, "", "watch", "retry", "--db", db, srv.URL+"/nosuch"); code != exitEmpty || !strings.Contains(stderr, "not subscribed") {
		t.Errorf("retry of an unknown feed: exit %d\n%s", code, stderr)
	}
	if code, stdout, _ := run(t, "", "watch", "remove", "--db", db, srv.URL+"/broken"); code != exitOK || !strings.Contains(stdout, "1 feeds removed") {
		t.Errorf("remove: exit %d: %s", code, stdout)
	}
	_, opml, _ = run(t, "", "watch", "export", "--db", db)
	if strings.Contains(opml, "/broken") {
		t.Errorf("a removed feed is still exported")
	}
}
