package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
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
