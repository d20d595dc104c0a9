package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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

func (w *watched) PutStories(ctx context.Context, stories []news.Story) error {
	for _, s := range stories {
		w.written = append(w.written, s.ID)
	}
	return w.Store.PutStories(ctx, stories)
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
