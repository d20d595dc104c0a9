package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/pipeline"
	"github.com/chorusnews/chorus/internal/server"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// failingStore is a real store whose story writes fail while fail is set.
type failingStore struct {
	*sqlite.Store
	fail atomic.Bool
}

func (s *failingStore) UpdateStories(ctx context.Context, put []news.Story, remove []string) error {
	if s.fail.Load() {
		return errors.New("disk full")
	}
	return s.Store.UpdateStories(ctx, put, remove)
}

// TestPostAnswersOnceInStories runs serve's Ingest behind the server over a
// real store: a POST answers once its articles are in their stories (201,
// with the stories written); when the story update cannot finish within the
// wait (another process holds the stories lock) or fails, it answers 202,
// pending, and the articles go into their stories later without another
// write (once the lock is free; when the update is tried again).
func TestPostAnswersOnceInStories(t *testing.T) {
	sq, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer sq.Close()
	st := &failingStore{Store: sq}
	ctx := t.Context()
	var failures atomic.Int32
	stories := pipeline.NewStoryUpdater(ctx, st, pipeline.DefaultStoryOptions(), func(u pipeline.StoryUpdate) {
		if u.Err != nil {
			failures.Add(1)
		}
	})
	defer stories.Close()
	const wait = 500 * time.Millisecond
	srv := httptest.NewServer(server.New(st, server.Options{Token: "t", Ingest: postIngest(env{cfg: defaultConfig()}, ctx, st, stories, wait)}))
	defer srv.Close()
	type answer struct {
		Added, Known, Stories int
		Pending               bool
		Status                string
	}
	post := func(body string) (int, answer, time.Duration) {
		t.Helper()
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer t")
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		var a answer
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%d %s: %v", resp.StatusCode, b, err)
		}
		return resp.StatusCode, a, time.Since(start)
	}
	article := func(id, title string) string {
		return fmt.Sprintf(`{"id":%q,"title":%q,"published":"2024-03-0%d","text":"%s The council of Tolna approved the plan on Tuesday after a debate that lasted for more than ten years, and work will start in spring."}`+"\n",
			id, title, len(id)%9+1, title)
	}
	// waiting is how many stored articles no story holds.
	waiting := func() int {
		t.Helper()
		refs, err := st.Waiting(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(refs)
	}
	healed := func(what string) time.Duration {
		t.Helper()
		start := time.Now()
		for waiting() > 0 {
			if time.Since(start) > 20*time.Second {
				t.Fatalf("%s: %d articles still wait for a story after 20 s", what, waiting())
			}
			time.Sleep(20 * time.Millisecond)
		}
		return time.Since(start)
	}

	code, a, _ := post(article("p1", "Bridge approved") + article("p2", "Bridge plan passes"))
	if code != http.StatusCreated || a.Added != 2 || a.Stories == 0 || a.Pending || waiting() != 0 {
		t.Fatalf("first post: %d %+v, %d waiting; want 201, 2 added, stories written, none waiting", code, a, waiting())
	}
	if code, a, _ := post(article("p1", "Bridge approved")); code != http.StatusOK || a.Known != 1 || a.Pending {
		t.Errorf("the same article again: %d %+v; want 200, known", code, a)
	}

	// Another process updates the stories, and takes longer than the wait.
	locked, release := make(chan struct{}), make(chan struct{})
	go st.Exclusive(ctx, "stories", func(context.Context) error {
		close(locked)
		<-release
		return nil
	})
	<-locked
	code, a, took := post(article("p3", "Chess club wins"))
	if code != http.StatusAccepted || a.Added != 1 || !a.Pending || !strings.Contains(a.Status, "stored") || took > wait+5*time.Second {
		t.Errorf("post while the stories are locked: %d %+v in %s; want 202 pending after %s", code, a, took, wait)
	}
	if n := waiting(); n != 1 {
		t.Errorf("%d articles wait while the stories are locked, want 1", n)
	}
	close(release)
	t.Logf("the lock released: in its story %s later", healed("after the lock").Round(time.Millisecond))

	// The story update fails: the answer says so; it is tried again.
	st.fail.Store(true)
	code, a, _ = post(article("p4", "Storm closes port"))
	if code != http.StatusAccepted || a.Added != 1 || !a.Pending || !strings.Contains(a.Status, "failed") {
		t.Errorf("post while story writes fail: %d %+v; want 202 pending, failed", code, a)
	}
	if failures.Load() == 0 || waiting() != 1 {
		t.Errorf("%d failures told, %d waiting; want the failure told and the article waiting", failures.Load(), waiting())
	}
	st.fail.Store(false)
	t.Logf("the store mended: in its story %s later", healed("after the failure").Round(time.Millisecond))
	n := 0
	if err := st.AllArticles(ctx, func(a news.StoryArticle) error {
		n++
		if a.Story == "" {
			t.Errorf("%s is in no story", a.ID)
		}
		return nil
	}); err != nil || n != 4 {
		t.Errorf("%d articles stored (%v), want 4", n, err)
	}
}
