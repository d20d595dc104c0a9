package server

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/outlets"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// TestBlindspots: with the user's outlet file, coverage is counted by its
// columns, and a story only one side covered is listed under that side.
func TestBlindspots(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	bridge := "The city council approved the new river bridge on Tuesday after a debate that lasted ten years, the mayor said. The 400-metre bridge will cost 85 million euros."
	museum := "The national museum reopened its restored east wing on Saturday after six years of repairs, its director said. The wing holds 3,000 paintings and drew long queues."
	lines := []string{
		`{"id":"b1","url":"https://courier.example/bridge","published":"2024-03-05T09:00:00Z","title":"Council approves river bridge","text":"` + bridge + `"}`,
		`{"id":"b2","url":"https://post.example/bridge","published":"2024-03-05T11:00:00Z","title":"River bridge approved","text":"` + bridge + ` Opponents want schools funded first."}`,
		`{"id":"m1","url":"https://courier.example/museum","published":"2024-03-09T09:00:00Z","title":"Museum reopens east wing","text":"` + museum + `"}`,
		`{"id":"m2","outlet":"Left Weekly","published":"2024-03-09T12:00:00Z","title":"East wing of museum reopens","text":"` + museum + ` Tickets sold out by noon."}`,
	}
	if _, err := pipeline.Ingest(context.Background(), st, []string{"-"}, strings.NewReader(strings.Join(lines, "\n")), pipeline.DefaultOptions(), pipeline.DefaultStoryOptions()); err != nil {
		t.Fatal(err)
	}
	table, err := outlets.Load(strings.NewReader("domain,name,lean\ncourier.example,Daily Courier,left\npost.example,Evening Post,right\n,Left Weekly,left\n"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, Options{Outlets: table}))
	defer srv.Close()

	code, _, page := get(t, srv, "/blindspots?by=lean")
	if code != 200 {
		t.Fatalf("blindspots: %d", code)
	}
	if !strings.Contains(page, "Only lean “left” (1)") || !strings.Contains(page, "Museum") || strings.Contains(page, "bridge") {
		t.Errorf("blindspots page lists the wrong stories:\n%s", page)
	}
	if code, _, _ := get(t, srv, "/blindspots?by=owner"); code != 400 {
		t.Errorf("a column the file lacks: %d, want 400", code)
	}
	_, _, home := get(t, srv, "/")
	i := strings.Index(home, "Council approves river bridge")
	if i < 0 {
		i = strings.Index(home, "River bridge approved")
	}
	id := home[strings.LastIndex(home[:i], "/stories/")+len("/stories/"):]
	id = id[:strings.IndexByte(id, '"')]
	_, _, story := get(t, srv, "/stories/"+id)
	if !strings.Contains(story, "Articles by lean") || !strings.Contains(story, ">left</text>") || !strings.Contains(story, ">right</text>") {
		t.Errorf("the story page counts no coverage by lean")
	}

	// An outlet's page lists the stories it covered and its own articles.
	code, _, outlet := get(t, srv, "/outlets/courier.example")
	own := outlet[strings.Index(outlet, `id="articles"`)+1:]
	if code != 200 || !strings.Contains(outlet, "covered 2 stories") || !strings.Contains(own, "Museum reopens east wing") ||
		!strings.Contains(own, "Council approves river bridge") || strings.Contains(own, "River bridge approved") {
		t.Errorf("outlet page (%d):\n%s", code, outlet)
	}

	bare := httptest.NewServer(New(st, Options{}))
	defer bare.Close()
	if code, _, page := get(t, bare, "/blindspots"); code != 200 || !strings.Contains(page, "--outlets") {
		t.Errorf("without an outlet file the page should say how to give one: %d", code)
	}
}

// TestFeedsPage: the feeds chorus watch polls, with a failing one shown as
// such.
func TestFeedsPage(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	if _, _, page := get(t, srv, "/feeds"); !strings.Contains(page, "chorus watch add URL") {
		t.Errorf("an empty list should say how to add a feed")
	}
	ctx := context.Background()
	if _, err := st.Subscribe(ctx, []store.Subscription{{URL: "https://a.example/rss", Title: "A News"}, {URL: "https://b.example/feed"}}); err != nil {
		t.Fatal(err)
	}
	polled := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	if err := st.SaveFeedStates(ctx, []store.Subscription{{URL: "https://b.example/feed", LastFetch: polled, NextFetch: polled.Add(time.Hour),
		Failures: 2, LastError: "HTTP 500 <b>"}}); err != nil {
		t.Fatal(err)
	}
	code, _, page := get(t, srv, "/feeds")
	for _, want := range []string{"2 feeds · 1 failing", "A News", "https://a.example/rss", "not polled yet", `class="failing"`,
		"2 failures in a row: HTTP 500 &lt;b&gt;", "1 March 2026, 08:00 UTC", "1 March 2026, 09:00 UTC"} {
		if code != 200 || !strings.Contains(page, want) {
			t.Errorf("feeds page (%d) lacks %q", code, want)
		}
	}
}
