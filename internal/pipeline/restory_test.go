package pipeline

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// pairF1 scores partition got against want over every pair of articles
// both hold, as score_clusters.py does.
func pairF1(got, want map[string]string) float64 {
	ids := sortedKeys(want)
	tp, fp, fn := 0, 0, 0
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			g := got[a] != "" && got[a] == got[b]
			w := want[a] == want[b]
			switch {
			case g && w:
				tp++
			case g:
				fp++
			case w:
				fn++
			}
		}
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	return 2 * p * r / (p + r)
}

// windowed counts the articles Restory reads by publication window.
type windowed struct {
	store.Store
	read int
}

func (w *windowed) ArticlesPublished(ctx context.Context, from, to string, fn func(news.StoryArticle) error) error {
	return w.Store.ArticlesPublished(ctx, from, to, func(a news.StoryArticle) error {
		w.read++
		return fn(a)
	})
}

// TestIngestInPartsMatchesBatch feeds AllSides dev to the store in four
// parts, in shuffled order, and checks the stories it keeps agree with
// the stories of one batch and with the gold events; then that one more
// article reads only the articles of its days.
func TestIngestInPartsMatchesBatch(t *testing.T) {
	arts, gold := shareddata.AllSides(t)
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(7, 7))
	r.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	var parts []string
	for k := range 4 {
		var b strings.Builder
		for _, a := range arts[k*len(arts)/4 : (k+1)*len(arts)/4] {
			line, _ := json.Marshal(a)
			b.Write(line)
			b.WriteByte('\n')
		}
		p := filepath.Join(dir, "part"+string(rune('a'+k))+".jsonl")
		if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	st, err := sqlite.Open(filepath.Join(dir, "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := &windowed{Store: st}
	ctx := context.Background()
	for _, p := range parts {
		if _, err := Ingest(ctx, w, []string{p}, nil, DefaultOptions(), DefaultStoryOptions()); err != nil {
			t.Fatal(err)
		}
	}
	// Stored ids are Chorus's own; the source's id is the gold's key.
	event := map[string]string{}
	for _, a := range arts {
		event[a.URL] = gold[a.ID]
	}
	stored, storedGold := map[string]string{}, map[string]string{}
	if err := st.AllArticles(ctx, func(a news.StoryArticle) error {
		stored[a.ID] = a.Story
		storedGold[a.ID] = event[a.URL]
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	batch := map[string]string{}
	for _, a := range Digest(parts, nil, DefaultOptions(), DefaultStoryOptions()).Articles {
		batch[a.ID] = a.Story
	}
	if len(stored) != len(arts) || len(batch) != len(arts) {
		t.Fatalf("%d stored, %d in the batch, want %d", len(stored), len(batch), len(arts))
	}
	for id, s := range stored {
		if s == "" {
			t.Fatalf("article %s has no story", id)
		}
	}
	agree, vsGold := pairF1(stored, batch), pairF1(stored, storedGold)
	t.Logf("in four parts: agreement with the batch F1 %.3f, with gold F1 %.3f", agree, vsGold)
	if agree < 0.95 || vsGold < 0.88 {
		t.Errorf("in four parts: agreement with the batch F1 %.3f (want ≥ 0.95), with gold %.3f (want ≥ 0.88)", agree, vsGold)
	}

	// One more article, in July: only the articles of its weeks are read.
	inWindow := 0
	for _, a := range arts {
		if a.Published >= "2021-06-22" && a.Published < "2021-07-11" {
			inWindow++
		}
	}
	w.read = 0
	line := `{"id":"late","title":"Council approves bridge","published":"2021-07-01","text":"The town council approved the new bridge over the river on Tuesday after a debate that lasted for more than ten years, and the mayor said work would start in the spring."}`
	if _, err := Ingest(ctx, w, []string{"-"}, strings.NewReader(line), DefaultOptions(), DefaultStoryOptions()); err != nil {
		t.Fatal(err)
	}
	if w.read == 0 || w.read > inWindow+1 {
		t.Errorf("one new article read %d articles; %d are published within its window", w.read, inWindow)
	}
}

func TestWindows(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2022, 1, d, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		times   []time.Time
		perSpan int
		want    [][2]string
	}{
		// Close together: one span, padded by the window and a day.
		{[]time.Time{day(10), day(12), day(11)}, 100, [][2]string{{"2022-01-02", "2022-01-21"}}},
		// Far apart: two spans.
		{[]time.Time{day(1), day(30)}, 100, [][2]string{{"2021-12-24", "2022-01-10"}, {"2022-01-22", "2022-02-08"}}},
		// A backlog is cut into spans of at most perSpan articles.
		{[]time.Time{day(10), day(10), day(11), day(11)}, 2, [][2]string{{"2022-01-02", "2022-01-19"}, {"2022-01-03", "2022-01-20"}}},
	}
	for _, tt := range tests {
		if got := windows(tt.times, 7, tt.perSpan); !slices.Equal(got, tt.want) {
			t.Errorf("windows(%v, %d) = %v, want %v", tt.times, tt.perSpan, got, tt.want)
		}
	}
}
