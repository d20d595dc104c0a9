package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/shareddata"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/postgres"
	"github.com/chorusnews/chorus/internal/store/sqlite"
)

// failStories fails every story write, as a story update killed after
// marking copies would leave the store.
type failStories struct{ store.Store }

var errKilled = errors.New("killed")

func (f failStories) UpdateStories(context.Context, []news.Story, []string) error { return errKilled }

// storedState is what a store holds of its stories: every story, and each
// article's story and copy mark.
type storedState struct {
	stories  []news.Story
	articles map[string][2]string
}

func stateOf(t *testing.T, st store.Store) storedState {
	t.Helper()
	ctx := t.Context()
	stories, err := st.Stories(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := storedState{stories: stories, articles: map[string][2]string{}}
	if err := st.AllArticles(ctx, func(a news.StoryArticle) error {
		s.articles[a.ID] = [2]string{a.Story, a.DuplicateOf}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// check fails unless every article is in exactly one story, none waits,
// and every story was formed with options fp.
func (s storedState) check(t *testing.T, st store.Store, fp, when string) {
	t.Helper()
	listed := map[string]string{}
	for _, story := range s.stories {
		if story.Options != fp {
			t.Fatalf("%s: story %s formed with %q, want %q", when, story.ID, story.Options, fp)
		}
		for _, id := range story.Articles {
			if prev, ok := listed[id]; ok {
				t.Fatalf("%s: article %s in stories %s and %s", when, id, prev, story.ID)
			}
			listed[id] = story.ID
		}
	}
	for id, a := range s.articles {
		if a[0] == "" || listed[id] != a[0] {
			t.Fatalf("%s: article %s in story %q, listed by %q", when, id, a[0], listed[id])
		}
	}
	if len(listed) != len(s.articles) {
		t.Fatalf("%s: stories list %d articles, %d stored", when, len(listed), len(s.articles))
	}
	refs, err := st.Waiting(t.Context())
	if err != nil || len(refs) != 0 {
		t.Fatalf("%s: %d articles waiting, %v", when, len(refs), err)
	}
}

// TestRestoryFormsAgainWithOtherOptions stores AllSides dev and forms its
// stories with the default options, then brings the store up to date with
// another clustering threshold: every story is formed again, and the store
// holds what a store that only ever knew the new options holds. A story
// update killed midway, or one whose stories were put back by a run with
// other options, is finished by the next; an update with nothing to do
// writes nothing. In SQLite, and in PostgreSQL when it is there.
func TestRestoryFormsAgainWithOtherOptions(t *testing.T) {
	shareddata.AllSides(t) // skips without ../shared
	var arts []news.Analyzed
	for a, err := range Analyzed([]string{shareddata.Path("data", "stories", "allsides-dev.articles.jsonl")}, nil, DefaultOptions()) {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	t.Run("sqlite", func(t *testing.T) {
		testFormsAgain(t, arts, func(t *testing.T) store.Store {
			st, err := sqlite.Open(filepath.Join(t.TempDir(), "chorus.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv("CHORUS_TEST_POSTGRES")
		if dsn == "" {
			dsn = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
		}
		if conn, err := pgx.Connect(t.Context(), dsn); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal(err)
			}
			t.Skipf("PostgreSQL not reachable: %v", err)
		} else {
			conn.Close(t.Context())
		}
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		testFormsAgain(t, arts, func(t *testing.T) store.Store {
			var b [6]byte
			rand.Read(b[:])
			q := u.Query()
			q.Set("search_path", "chorus_test_"+hex.EncodeToString(b[:]))
			u.RawQuery = q.Encode()
			st, err := postgres.Open(t.Context(), u.String())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if err := st.DropSchema(context.Background()); err != nil {
					t.Error(err)
				}
				st.Close()
			})
			return st
		})
	})
}

// testFormsAgain runs TestRestoryFormsAgainWithOtherOptions on the stores
// openStore opens, each new and empty, closed when t ends.
func testFormsAgain(t *testing.T, arts []news.Analyzed, openStore func(t *testing.T) store.Store) {
	ctx := context.Background()
	open := func() store.Store {
		st := openStore(t)
		if err := st.PutArticles(ctx, slices.Clone(arts)); err != nil {
			t.Fatal(err)
		}
		return st
	}
	def, other := DefaultStoryOptions(), DefaultStoryOptions()
	other.Cluster.Threshold += 0.07
	if def.Fingerprint() == other.Fingerprint() || def.Fingerprint() != DefaultStoryOptions().Fingerprint() {
		t.Fatalf("fingerprints %s (default, twice %s) and %s (threshold changed)", def.Fingerprint(), DefaultStoryOptions().Fingerprint(), other.Fingerprint())
	}

	// The store that only ever knew the new options.
	fresh := open()
	if _, err := Restory(ctx, fresh, other); err != nil {
		t.Fatal(err)
	}
	want := stateOf(t, fresh)
	want.check(t, fresh, other.Fingerprint(), "a fresh store")

	st := open()
	if _, err := Restory(ctx, st, def); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, st)
	before.check(t, st, def.Fingerprint(), "with the default options")
	if reflect.DeepEqual(storyIDs(before.stories), storyIDs(want.stories)) {
		t.Fatal("the changed threshold forms the same stories: the test shows nothing")
	}

	// Killed after putting the stories back and marking copies, before
	// writing stories: nothing is lost, and the next run finishes.
	if _, err := Restory(ctx, failStories{st}, other); !errors.Is(err, errKilled) {
		t.Fatalf("a story update killed midway: %v", err)
	}
	w := &watched{Store: st}
	n, err := Restory(ctx, w, other)
	if err != nil {
		t.Fatal(err)
	}
	got := stateOf(t, st)
	got.check(t, st, other.Fingerprint(), "formed again with the new options")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("formed again, the store holds %d stories; a fresh store with the new options %d, and they differ", len(got.stories), len(want.stories))
	}
	same := 0 // stories the new options left as they were, written all the same
	old := map[string][]string{}
	for _, s := range before.stories {
		old[s.ID] = s.Articles
	}
	for _, s := range got.stories {
		if slices.Equal(old[s.ID], s.Articles) {
			same++
		}
	}
	t.Logf("formed again: %d stories written (%d before, %d after, %d of them unchanged but for their options)", n, len(before.stories), len(got.stories), same)
	if n != len(got.stories) || same == 0 {
		t.Errorf("formed again: %d stories written of %d, %d unchanged; want all written, some unchanged", n, len(got.stories), same)
	}

	// The same options again: nothing to do, nothing written.
	w.written = nil
	if n, err := Restory(ctx, w, other); err != nil || n != 0 || len(w.written) != 0 {
		t.Errorf("the same options again: %d stories, %v, wrote %d", n, err, len(w.written))
	}

	// A run with the default options put the stories back and was killed;
	// a run with the new options finds them waiting and writes them again,
	// as they were.
	if k, err := st.Requeue(ctx, def.Fingerprint(), 0); err != nil || k != len(got.stories) {
		t.Fatalf("Requeue(default) = %d, %v; want %d", k, err, len(got.stories))
	}
	if n, err := Restory(ctx, st, other); err != nil || n != len(got.stories) {
		t.Errorf("the stories put back: %d written, %v; want %d", n, err, len(got.stories))
	}
	again := stateOf(t, st)
	again.check(t, st, other.Fingerprint(), "after the stories were put back")
	if !reflect.DeepEqual(again, want) {
		t.Error("the stories put back and written again differ from the fresh store's")
	}

	// Back to the default options, a few articles' stories at a time, in
	// many turns: each turn groups its share with the days around it, so
	// the stories agree with one batch's up to those boundaries.
	small := &smallShares{Store: st}
	if _, err := Restory(ctx, small, def); err != nil {
		t.Fatal(err)
	}
	back := stateOf(t, st)
	back.check(t, st, def.Fingerprint(), "back to the default options in small shares")
	inShares, inBatch := map[string]string{}, map[string]string{}
	for id, a := range back.articles {
		inShares[id] = a[0]
		inBatch[id] = before.articles[id][0]
	}
	agree := pairF1(inShares, inBatch)
	t.Logf("back to the default options in %d turns: agreement with one batch F1 %.3f", small.turns, agree)
	if small.turns < 10 || agree < 0.95 {
		t.Errorf("back to the default options in %d turns (want ≥ 10): agreement with one batch F1 %.3f (want ≥ 0.95)", small.turns, agree)
	}
	w.written = nil
	if n, err := Restory(ctx, w, def); err != nil || n != 0 || len(w.written) != 0 {
		t.Errorf("the default options again: %d stories, %v, wrote %d", n, err, len(w.written))
	}
}

// smallShares puts stories back a few articles at a time, and counts the
// turns that put some back.
type smallShares struct {
	store.Store
	turns int
}

func (s *smallShares) Requeue(ctx context.Context, options string, limit int) (int, error) {
	n, err := s.Store.Requeue(ctx, options, 40)
	if n > 0 {
		s.turns++
	}
	return n, err
}

func storyIDs(stories []news.Story) [][]string {
	out := make([][]string, len(stories))
	for i, s := range stories {
		out[i] = s.Articles
	}
	return out
}
