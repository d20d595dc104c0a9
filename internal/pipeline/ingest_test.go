package pipeline

import (
	"context"
	"fmt"
	"iter"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/ingest"
	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// watched records which stories a run writes.
type watched struct {
	store.Store
	written []string
}

func (w *watched) UpdateStories(ctx context.Context, put []news.Story, remove []string) error {
	for _, s := range put {
		w.written = append(w.written, s.ID)
	}
	return w.Store.UpdateStories(ctx, put, remove)
}

func TestIngestTouchesOnlyItsStories(t *testing.T) {
	shareddata.Seeds(t)
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := &watched{Store: st}
	ctx := context.Background()
	res, err := Ingest(ctx, w, []string{shareddata.Path("seeds")}, nil, DefaultOptions(), DefaultStoryOptions())
	if err != nil || res.Added != 5 || res.Stories != 1 || len(w.written) != 1 {
		t.Fatalf("seeds: %+v, %v, wrote %v", res, err, w.written)
	}
	seedStory := w.written[0]
	w.written = nil
	other := `{"id":"bridge","title":"Council approves bridge","published":"2023-05-02","text":"The town council approved the new bridge over the river on Tuesday after a debate that lasted for more than ten years, and the mayor said work would start in the spring."}`
	res, err = Ingest(ctx, w, []string{"-"}, strings.NewReader(other), DefaultOptions(), DefaultStoryOptions())
	if err != nil || res.Added != 1 || res.Stories != 1 {
		t.Fatalf("second ingest: %+v, %v", res, err)
	}
	if len(w.written) != 1 || slices.Contains(w.written, seedStory) {
		t.Errorf("an unrelated article rewrote stories %v (the seeds' is %s)", w.written, seedStory)
	}
	w.written = nil
	res, err = Ingest(ctx, w, []string{shareddata.Path("seeds")}, nil, DefaultOptions(), DefaultStoryOptions())
	if err != nil || res.Added != 0 || res.Known != 5 || len(w.written) != 0 {
		t.Errorf("the same inputs again: %+v, %v, wrote %v", res, err, w.written)
	}
}

// TestConcurrentIngestsCountWhatTheyKept runs two ingests of the same
// inputs into one store at once, each having found none of them stored: each
// counts as added only the inputs it kept, so that together they add each
// input once, and each accounts for every input (added or known).
func TestConcurrentIngestsCountWhatTheyKept(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const n = 120
	var body strings.Builder
	for i := range n {
		fmt.Fprintf(&body, `{"id":"c%d","title":"Council item %d","published":"2023-05-%02d","text":"The town council of Tolna voted on item %d on Tuesday after a debate that lasted for more than an hour, and the mayor said work would start in the spring."}`+"\n", i, i, i%28+1, i)
	}
	// Both runs read all their inputs before either looks them up in the
	// store, so that both are likely to find none stored, as two `chorus
	// ingest` of one file do: then only the store can tell who kept what.
	var ready sync.WaitGroup
	ready.Add(2)
	docs := func() iter.Seq2[news.RawDoc, error] {
		return func(yield func(news.RawDoc, error) bool) {
			var all []news.RawDoc
			for d, err := range ingest.Read([]string{"-"}, strings.NewReader(body.String()), ingest.Options{}) {
				if err != nil {
					t.Error(err)
					continue
				}
				all = append(all, d)
			}
			ready.Done()
			ready.Wait()
			for _, d := range all {
				if !yield(d, nil) {
					return
				}
			}
		}
	}
	var res [2]IngestResult
	var errs [2]error
	var wg sync.WaitGroup
	for i := range res {
		wg.Go(func() { res[i], errs[i] = IngestDocs(t.Context(), st, docs(), DefaultOptions(), DefaultStoryOptions()) })
	}
	wg.Wait()
	for i, r := range res {
		if errs[i] != nil || r.Added+r.Known != n {
			t.Errorf("run %d: %+v, %v; want %d inputs added or known", i, r, errs[i], n)
		}
	}
	if added := res[0].Added + res[1].Added; added != n {
		t.Errorf("the runs report %d and %d added: %d in all, want %d", res[0].Added, res[1].Added, added, n)
	}
	if waiting, err := st.Waiting(t.Context()); err != nil || len(waiting) != 0 {
		t.Errorf("%d articles wait for a story (%v)", len(waiting), err)
	}
}

// TestStoryUpdater: articles StoreDocs left waiting go into their stories
// when an update is asked for; requests made while an update cannot run
// (another process holds the stories lock) are answered together by one
// update, once it can; a closed updater answers at once.
func TestStoryUpdater(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	in := `{"id":"u1","title":"Flood closes bridge","published":"2024-03-03","text":"The river bridge in Tolna was closed on Sunday after flood water rose above the deck, and engineers said it would stay shut for a week."}
{"id":"u2","title":"Chess club wins","published":"2024-03-09","text":"The chess club of Varna won the national title on Saturday, beating the holders in the last round of the league."}
`
	if res, err := StoreDocs(ctx, st, ingest.Read([]string{"-"}, strings.NewReader(in), ingest.Options{}), DefaultOptions(), DefaultStoryOptions()); err != nil || res.Added != 2 || res.Stories != 0 {
		t.Fatalf("StoreDocs: %+v, %v; want 2 added, no story written", res, err)
	}
	var ran int
	u := NewStoryUpdater(ctx, st, DefaultStoryOptions(), func(StoryUpdate) { ran++ })
	locked, release := make(chan struct{}), make(chan struct{})
	go st.Exclusive(ctx, storiesLock, func(context.Context) error {
		close(locked)
		<-release
		return nil
	})
	<-locked
	var asked []<-chan StoryUpdate
	for range 5 {
		asked = append(asked, u.Update())
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	written := 0
	for _, c := range asked {
		r := <-c
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		written = max(written, r.Stories)
	}
	u.Close()
	if ran > 2 || written != 2 {
		t.Errorf("5 requests answered by %d updates writing %d stories; want one or two updates (one per request made before an update began), 2 stories", ran, written)
	}
	if waiting, err := st.Waiting(ctx); err != nil || len(waiting) != 0 {
		t.Errorf("%d articles wait after the updates (%v)", len(waiting), err)
	}
	select {
	case r := <-u.Update():
		if r.Err == nil {
			t.Error("a closed updater ran an update")
		}
	case <-time.After(5 * time.Second):
		t.Error("a closed updater did not answer")
	}
}
