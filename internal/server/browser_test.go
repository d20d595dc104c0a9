package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// browser starts headless Chromium (Debian's, which .ci/run installs) and
// fails the test if the page ever opens a JavaScript dialog.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHORUS_CHROMIUM")
	if path == "" {
		var err error
		if path, err = exec.LookPath("chromium"); err != nil {
			t.Skip("no chromium on this machine: apt-get install chromium")
		}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	dialogs := make(chan string, 8)
	if err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			select {
			case dialogs <- d.Message:
			default:
			}
		}
	}); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	t.Cleanup(func() {
		select {
		case m := <-dialogs:
			t.Errorf("the page opened a JavaScript dialog: %q", m)
		default:
		}
	})
	return ctx
}

// visit opens a page and returns the text of the element sel matches.
func visit(t *testing.T, ctx context.Context, url string, sel string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("%s: reading %s: %v", url, sel, err)
	}
	return text
}

// href returns the link target of the first element sel matches.
func href(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(sel), "href"))
	if err != nil || !v.Exists {
		t.Fatalf("no link at %s: %v", sel, err)
	}
	return v.Value
}

func TestBrowserStoryPage(t *testing.T) {
	shareddata.Seeds(t)
	st := seeded(t, filepath.Join(t.TempDir(), "chorus.db"))
	defer st.Close()
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	ctx := browser(t)

	visit(t, ctx, srv.URL+"/", "ol.stories")
	text := visit(t, ctx, srv.URL+href(t, ctx, "ol.stories a"), "article.story")
	cites, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("ul.summary a.cite").length`))
	if err != nil || cites == 0 {
		t.Errorf("no citations in the summary (%v)", err)
	}
	for _, want := range []string{"Summary", "Quotes by speaker", "Antony Blinken", "We will uphold the principle", "Jens Stoltenberg"} {
		if !strings.Contains(text, want) {
			t.Errorf("story page shows no %q", want)
		}
	}
	disagree, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("section.disagree")))
	if err != nil || !strings.Contains(disagree, "120,000 troops") || !strings.Contains(disagree, "100,000 troops") {
		t.Errorf("disagreement shown as %q (%v)", disagree, err)
	}
	above, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.querySelector("#sources").getBoundingClientRect().bottom <= document.querySelector("#summary").getBoundingClientRect().top`))
	if err != nil || !above {
		t.Errorf("the sources panel is not above the summary (%v)", err)
	}
	screenshots(t, ctx, "seeds-story")

	// A citation opens its article scrolled to the cited sentence, marked.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("ul.summary a.cite")), chromedp.WaitVisible(chromedp.CSS("mark#cited"))); err != nil {
		t.Fatalf("following a citation: %v", err)
	}
	seen, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const r = document.querySelector("mark#cited").getBoundingClientRect();
		return location.hash === "#cited" && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 })()`))
	if err != nil || !seen {
		t.Errorf("the cited sentence is not in view after the click (%v)", err)
	}
	marked, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("mark#cited")))
	if len(strings.Fields(marked)) < 5 {
		t.Errorf("marked %q: want a whole sentence", marked)
	}
	visit(t, ctx, srv.URL+"/", "ol.stories")
	screenshots(t, ctx, "story-list")
}

// screenshots keeps full-page shots of the open page at a desktop and a
// phone width, for a person to look at: in $CHORUS_SCREENSHOTS, else in
// chorus-screenshots under the system's temporary folder. They are test
// artefacts, never committed. PNG: quality 100 is what makes Chromium
// write PNG rather than JPEG.
func screenshots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("CHORUS_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "chorus-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{1400, 390} {
		opts := []chromedp.EmulateViewportOption{}
		if width < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900, opts...)); err != nil {
			t.Fatalf("setting the viewport to %d px: %v", width, err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil || wide {
			t.Errorf("%s at %d px scrolls sideways (%v)", name, width, err)
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot at %d px: %v", width, err)
		}
		path := filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width))
		if err := os.WriteFile(path, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1400, 900)); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserScriptTitleIsText(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	line := `{"id":"x","title":"<script>alert(1)</script>","text":"The council approved the new bridge on Tuesday after a long debate that lasted ten years, the mayor said."}`
	if _, err := pipeline.Ingest(context.Background(), st, []string{"-"}, strings.NewReader(line), pipeline.DefaultOptions(), pipeline.DefaultStoryOptions()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	ctx := browser(t)
	visit(t, ctx, srv.URL+"/", "ol.stories")
	storyH1 := visit(t, ctx, srv.URL+href(t, ctx, "ol.stories a"), "h1")
	articleH1 := visit(t, ctx, srv.URL+href(t, ctx, "#sources a.title"), "h1")
	for name, h1 := range map[string]string{"story": storyH1, "article": articleH1} {
		if h1 != "<script>alert(1)</script>" {
			t.Errorf("%s page heading = %q, want the title as text", name, h1)
		}
	}
}

// listedStories returns the story links of the list page shown, and the
// link of its next page ("" on the last).
func listedStories(t *testing.T, ctx context.Context) (stories []string, next string) {
	t.Helper()
	stories, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("ol.stories > li > a")).map(a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatalf("reading the list: %v", err)
	}
	next, err = chromedp.Run(ctx, chromedp.Evaluate[string](
		`(document.querySelector("nav.pages a[rel=next]") || {getAttribute: () => ""}).getAttribute("href")`))
	if err != nil {
		t.Fatalf("reading the next link: %v", err)
	}
	return stories, next
}

// TestBrowserNextReachesEveryStory: from the first page of the story
// list of the seeds and AllSides, following "next" shows every story
// once, as many as the total says.
func TestBrowserNextReachesEveryStory(t *testing.T) {
	st := fullStore(t)
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	want, err := st.CountStories(t.Context(), storeFilterNone)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	total := visit(t, ctx, srv.URL+"/", "#total")
	seen := map[string]bool{}
	for pages := 1; ; pages++ {
		stories, next := listedStories(t, ctx)
		for _, s := range stories {
			if seen[s] {
				t.Fatalf("page %d shows %s again", pages, s)
			}
			seen[s] = true
		}
		if next == "" {
			break
		}
		if pages > want {
			t.Fatal("next links do not end")
		}
		visit(t, ctx, srv.URL+next, "#total")
	}
	if len(seen) != want || total != strconv.Itoa(want) {
		t.Errorf("following next showed %d stories, the page said %s, the store holds %d", len(seen), total, want)
	}
}

// TestBrowserFilterSurvivesReload: filtering the list by language and by
// date with the form narrows it, and a reload keeps the filters (they are
// in the URL) and the list they gave.
func TestBrowserFilterSurvivesReload(t *testing.T) {
	shareddata.Seeds(t)
	corpus := shareddata.Path("data", "stories", "multilingual-dev.articles.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("the multilingual dev set is read from ../shared")
	}
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := pipeline.Ingest(t.Context(), st, []string{shareddata.Path("seeds"), corpus}, nil, pipeline.DefaultOptions(), pipeline.DefaultStoryOptions()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, Options{}))
	defer srv.Close()
	ctx := browser(t)
	count := func() int {
		t.Helper()
		total, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#total")))
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.Atoi(total)
		if err != nil {
			t.Fatalf("total %q", total)
		}
		return n
	}
	// filter fills the form's field and sends it, and waits for the page
	// of the filtered list.
	filter := func(field, value string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`form.filters [name=`+field+`]`), value),
			chromedp.Click(chromedp.CSS(`form.filters button`))); err != nil {
			t.Fatalf("filter %s=%s: %v", field, value, err)
		}
		for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
			loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
			if err == nil && strings.Contains(loc, field+"="+value) {
				break
			}
			if time.Since(start) > 10*time.Second {
				t.Fatalf("filter %s=%s: the page did not change (%q, %v)", field, value, loc, err)
			}
		}
		if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("#total"))); err != nil {
			t.Fatal(err)
		}
	}
	visit(t, ctx, srv.URL+"/", "#total")
	all := count()
	filter("language", "de")
	german := count()
	if german == 0 || german >= all {
		t.Fatalf("language=de: %d of %d stories", german, all)
	}
	filter("from", "2024-06-01")
	germanJune := count()
	if germanJune >= german {
		t.Errorf("language=de from 2024-06-01: %d of %d", germanJune, german)
	}
	listed, _ := listedStories(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("#total"))); err != nil {
		t.Fatal(err)
	}
	for field, want := range map[string]string{"language": "de", "from": "2024-06-01"} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form.filters [name=`+field+`]").value`))
		if err != nil || got != want {
			t.Errorf("after a reload the form's %s is %q (%v), want %q", field, got, err, want)
		}
	}
	relisted, _ := listedStories(t, ctx)
	if count() != germanJune || strings.Join(relisted, " ") != strings.Join(listed, " ") {
		t.Errorf("after a reload: %d stories %v, want %d %v", count(), relisted, germanJune, listed)
	}
	t.Logf("%d stories, %d with an article in German, %d of them from June 2024", all, german, germanJune)
}
