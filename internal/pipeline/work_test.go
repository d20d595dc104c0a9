package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/queue"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// TestWorkTellsIdle runs a worker over a queue of three pages until it is
// empty, and checks that the worker says it is idle once, when every page
// is stored and before the stories are brought up to date, and that it
// ends with every article in a story.
func TestWorkTellsIdle(t *testing.T) {
	ctx := t.Context()
	q, st := workFixture(t)
	pages := []string{
		"Flood closes river bridge\n\nBy Ann Lee\nMarch 3, 2024\n\nThe river bridge in Tolna was closed on Sunday after flood water rose above the deck. Engineers said it would stay shut for a week.\n",
		"Tolna bridge shut by flood\n\nBy Ben Kay\nMarch 3, 2024\n\nFlood water rose above the deck of the river bridge in Tolna, which was closed on Sunday. It will stay shut for a week, engineers said.\n",
		"Chess club wins title\n\nBy Cy Dee\nMarch 9, 2024\n\nThe chess club of Varna won the national title on Saturday, beating the holders in the last round.\n",
	}
	for i, p := range pages {
		if _, err := q.Publish(ctx, news.RawDoc{Source: fmt.Sprintf("page%d.txt", i), Body: []byte(p), Format: news.FormatText}); err != nil {
			t.Fatal(err)
		}
	}
	var told []bool
	storedWhenIdle := -1
	wo := WorkOptions{UntilEmpty: true, Idle: func(idle bool) {
		told = append(told, idle)
		if idle {
			n := 0
			if err := st.AllArticles(ctx, func(news.StoryArticle) error { n++; return nil }); err != nil {
				t.Error(err)
			}
			waiting, err := st.Waiting(ctx)
			if err != nil {
				t.Error(err)
			}
			storedWhenIdle = n
			if len(waiting) != n {
				t.Errorf("idle with %d of %d articles waiting: the stories were updated before the worker said it was idle", len(waiting), n)
			}
		}
	}}
	res, err := Work(ctx, st, q, DefaultOptions(), wo, DefaultStoryOptions())
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != len(pages) || !slices.Equal(told, []bool{true}) || storedWhenIdle != len(pages) {
		t.Fatalf("added %d, told idle %v with %d stored; want %d added, told [true] once all were stored", res.Added, told, storedWhenIdle, len(pages))
	}
	if waiting, err := st.Waiting(ctx); err != nil || len(waiting) != 0 {
		t.Fatalf("%d articles wait for a story after the worker ended (%v)", len(waiting), err)
	}
}

// TestWorkFinishesPendingStoriesFirst starts a worker on a store that an
// earlier run left mid-update (articles stored, their stories never
// brought up to date, as after a kill), with inputs queued: the waiting
// articles are in their stories before the worker stores anything new.
func TestWorkFinishesPendingStoriesFirst(t *testing.T) {
	ctx := t.Context()
	q, st := workFixture(t)
	left := `{"id":"l1","title":"Flood closes river bridge","published":"2024-03-03","text":"The river bridge in Tolna was closed on Sunday after flood water rose above the deck. Engineers said it would stay shut for a week."}
{"id":"l2","title":"Tolna bridge shut by flood","published":"2024-03-03","text":"Flood water rose above the deck of the river bridge in Tolna, which was closed on Sunday. It will stay shut for a week, engineers said."}
`
	// StoreDocs stops short of the last story update, as a kill would.
	if res, err := StoreDocs(ctx, st, ingest.Read([]string{"-"}, strings.NewReader(left), ingest.Options{}), DefaultOptions(), DefaultStoryOptions()); err != nil || res.Added != 2 {
		t.Fatalf("left behind: %+v, %v", res, err)
	}
	if waiting, err := st.Waiting(ctx); err != nil || len(waiting) != 2 {
		t.Fatalf("%d articles wait before the worker starts (%v), want 2", len(waiting), err)
	}
	for i := range 3 {
		page := fmt.Sprintf("Chess club wins round %d\n\nBy Cy Dee\nMarch 9, 2024\n\nThe chess club of Varna won round %d of the national league on Saturday, beating the holders.\n", i, i)
		if _, err := q.Publish(ctx, news.RawDoc{Source: fmt.Sprintf("page%d.txt", i), Body: []byte(page), Format: news.FormatText}); err != nil {
			t.Fatal(err)
		}
	}
	firstBatch := -1
	wo := WorkOptions{UntilEmpty: true, Progress: func(WorkResult) {
		if firstBatch >= 0 {
			return
		}
		waiting, err := st.Waiting(ctx)
		if err != nil {
			t.Error(err)
		}
		firstBatch = 0
		for _, r := range waiting {
			if !strings.HasPrefix(r.Published, "2024-03-09") {
				firstBatch++
			}
		}
	}}
	res, err := Work(ctx, st, q, DefaultOptions(), wo, DefaultStoryOptions())
	if err != nil || res.Added != 3 {
		t.Fatalf("worker: %+v, %v", res, err)
	}
	if firstBatch != 0 {
		t.Errorf("%d of the articles left waiting still waited when the worker stored its first inputs", firstBatch)
	}
	if waiting, err := st.Waiting(ctx); err != nil || len(waiting) != 0 {
		t.Errorf("%d articles wait for a story after the worker ended (%v)", len(waiting), err)
	}
}

// workFixture opens a queue of the test's own on NATS (skipping the test
// when NATS is not reachable, but under CI) and an empty SQLite store, both
// removed when the test ends.
func workFixture(t *testing.T) (*queue.Queue, *sqlite.Store) {
	t.Helper()
	q, err := queue.Open(t.Context(), "nats://127.0.0.1:4222", queue.Options{Stream: fmt.Sprintf("chorus_test_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)})
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skipf("NATS is not reachable: %v", err)
	}
	t.Cleanup(func() {
		q.Delete(context.Background()) // the test's context is done by now
		q.Close()
	})
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "work.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return q, st
}
