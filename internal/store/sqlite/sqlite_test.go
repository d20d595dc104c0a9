package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chorusnews/chorus/internal/news"

	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/storetest"
)

func openTemp(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "chorus.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, openTemp)
}

func TestReopenKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "dir", "chorus.db")
	reopened := storetest.Reopen(t, []byte("<p>raw \xff bytes</p>\r\n"), func(t *testing.T) store.Store {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
	defer reopened.Close()
	s := reopened.(*Store)
	v, err := schemaVersion(ctx, s.db)
	if err != nil || v != len(migrations) {
		t.Errorf("schema version %d, %v; want %d", v, err, len(migrations))
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(migrations) {
		t.Errorf("%d migration rows, %v; want %d", n, err, len(migrations))
	}
}

func TestPragmas(t *testing.T) {
	s := openTemp(t).(*Store)
	defer s.Close()
	ctx := context.Background()
	var mode string
	var fk, busy int
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	if err := s.db.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil || busy != busyTimeoutMS {
		t.Errorf("busy_timeout = %d, %v; want %d", busy, err, busyTimeoutMS)
	}
	for _, tt := range []struct {
		pragma string
		want   int64
	}{
		{"cache_size", -cacheKiB},
		{"mmap_size", mmapBytes()},
		{"wal_autocheckpoint", walCheckpointPages},
	} {
		// SQLite caps mmap_size silently at its build's maximum: read back
		// what each connection really got.
		var got int64
		if err := s.db.QueryRowContext(ctx, `PRAGMA `+tt.pragma).Scan(&got); err != nil || got != tt.want {
			t.Errorf("%s = %d, %v; want %d", tt.pragma, got, err, tt.want)
		}
	}
}

func TestFullTextMergesSixteen(t *testing.T) {
	s := openTemp(t).(*Store)
	defer s.Close()
	for _, table := range []string{"articles_fts", "stories_fts"} {
		var merge int
		if err := s.db.QueryRowContext(context.Background(), `SELECT v FROM `+table+`_config WHERE k = 'automerge'`).Scan(&merge); err != nil || merge != 16 {
			t.Errorf("%s automerge = %d, %v; want 16", table, merge, err)
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chorus.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO schema_migrations (version) VALUES (?)`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(path); err == nil {
		s.Close()
		t.Fatal("Open of a database from a newer version: no error")
	}
}

func TestOpenBadPath(t *testing.T) {
	for _, p := range []string{"", ":memory:", "file:x.db", filepath.Join(t.TempDir(), "a?mode=ro")} {
		if s, err := Open(p); err == nil {
			s.Close()
			t.Errorf("Open(%q): no error", p)
		}
	}
	// A directory where the file should be.
	dir := t.TempDir()
	if s, err := Open(dir); err == nil {
		s.Close()
		t.Errorf("Open(directory): no error")
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	want := filepath.Join(dir, "x", "my.db")
	t.Setenv("CHORUS_DB", want)
	got, err := DefaultPath()
	if err != nil || got != want {
		t.Fatalf("DefaultPath with CHORUS_DB = %q, %v; want %q", got, err, want)
	}
	if fi, err := os.Stat(filepath.Dir(want)); err != nil || !fi.IsDir() {
		t.Errorf("directory not made: %v", err)
	}

	t.Setenv("CHORUS_DB", "")
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("HOME", filepath.Join(dir, "home"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	got, err = DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(got) != FileName || filepath.Base(filepath.Dir(got)) != "chorus" {
		t.Errorf("DefaultPath = %q, want .../chorus/%s", got, FileName)
	}
	if fi, err := os.Stat(filepath.Dir(got)); err != nil || !fi.IsDir() {
		t.Errorf("directory not made: %v", err)
	}
	s, err := Open(got)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestFTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"  \t ":             "",
		`Blinken said`:      `"Blinken" "said"`,
		`say "hi"`:          `"say" "hi"`,
		`"open door" -shut`: `("open door") NOT "shut"`,
		`a OR "b c" d`:      `("a" OR "b c") "d"`,
		`OR a OR`:           `"OR" "a" "OR"`,
		`" ( ) * - ^ :`:     "",
		`title:x NEAR(a b`:  `"title:x" "NEAR(a" "b"`,
	} {
		if got := ftsQuery(in); got != want {
			t.Errorf("ftsQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorsWrapped(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	_, err := s.Article(context.Background(), "nope")
	if !errors.Is(err, store.ErrNotFound) || err.Error() == store.ErrNotFound.Error() {
		t.Errorf("error %q should wrap ErrNotFound with context", err)
	}
}

// TestUpgradeFormsOldStoriesAgain opens a store of schema version 4, from
// before stories kept the options they were formed with: its stories are
// then formed with no known options, and Requeue puts their articles back.
func TestUpgradeFormsOldStoriesAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chorus.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT '')`); err != nil {
		t.Fatal(err)
	}
	for i, m := range migrations[:4] {
		if err := applyMigration(ctx, db, i+1, m); err != nil {
			t.Fatal(err)
		}
	}
	a := storetest.Article("a1", "x.com", "2022-01-01", "A1", "one")
	if _, err := db.ExecContext(ctx, `INSERT INTO articles (id, source, url, outlet, title, authors, published, language, text, duplicate_of, dateline, quotes, entities, facts)
VALUES (?, '', '', '', '', '[]', ?, '', '', '', '', '[]', '[]', '[]')`, a.ID, a.Published); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO stories (id, title, summary, first_published, last_published, n_articles, n_outlets, doc)
VALUES ('s1', 'S1', '', '2022-01-01', '2022-01-01', 1, 0, '{"id":"s1","articles":["a1"]}');
INSERT INTO story_articles (article_id, story_id) VALUES ('a1', 's1')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Story(ctx, "s1"); err != nil || st.Options != "" {
		t.Fatalf("old story after the upgrade: formed with %q, %v; want \"\"", st.Options, err)
	}
	if n, err := s.Requeue(ctx, "0123456789abcdef", 0); err != nil || n != 1 {
		t.Fatalf("Requeue after the upgrade = %d, %v; want 1", n, err)
	}
	if refs, err := s.Waiting(ctx); err != nil || len(refs) != 1 || refs[0].ID != "a1" {
		t.Fatalf("waiting after Requeue = %v, %v; want a1", refs, err)
	}
}

// TestRequeueCheckIsASeek checks that finding no story formed with other
// options reads the index, not the stories.
func TestRequeueCheckIsASeek(t *testing.T) {
	s := openTemp(t).(*Store)
	defer s.Close()
	rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+anyStale, "x", "x")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	for _, d := range plan {
		if strings.HasPrefix(d, "SCAN stories") {
			t.Errorf("the check scans: %q (plan %q)", d, plan)
		}
	}
	if !strings.Contains(strings.Join(plan, "\n"), "stories_options") {
		t.Errorf("the check does not use stories_options: %q", plan)
	}
}

// TestFacetsAsGoKeepsThem: the facets a story write keeps, and those
// migration 6 reads from the documents of stories stored before it, are
// those store.Facets gives (what PostgreSQL's story write keeps).
func TestFacetsAsGoKeepsThem(t *testing.T) {
	s := openTemp(t).(*Store)
	defer s.Close()
	ctx := t.Context()
	st := storetest.Story("s1", "T", "2022-01-02", []string{"a1", "a2"}, []string{"BBC", "Der Spiegel"}, "x")
	st.Languages = map[string]int{"en": 1, "de": 1}
	st.Entities = append(st.Entities, news.StoryEntity{Name: "Olaf Scholz", Aliases: []string{"Scholz", "Kanzler Scholz"}})
	bare := news.Story{ID: "s2", Title: "nothing listed", Articles: []string{"a3"}}
	if err := s.UpdateStories(ctx, []news.Story{st, bare}, nil); err != nil {
		t.Fatal(err)
	}
	facets := func() string {
		rows, err := s.db.QueryContext(ctx, `SELECT kind || '=' || value || '@' || story_id FROM story_facets ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var f string
			rows.Scan(&f)
			got = append(got, f)
		}
		return strings.Join(got, " ")
	}
	var want []string
	for _, story := range []news.Story{st, bare} {
		kinds, values := store.Facets(&story)
		for i := range kinds {
			want = append(want, kinds[i]+"="+values[i]+"@"+story.ID)
		}
	}
	slices.Sort(want)
	written := facets()
	if written != strings.Join(want, " ") {
		t.Errorf("facets kept:\n%s\nstore.Facets:\n%s", written, strings.Join(want, " "))
	}
	m := migrations[5]
	backfill := m[strings.Index(m, "INSERT OR IGNORE INTO story_facets"):strings.Index(m, "CREATE TABLE store_state")]
	if _, err := s.db.ExecContext(ctx, `DELETE FROM story_facets`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, backfill); err != nil {
		t.Fatal(err)
	}
	if got := facets(); got != written {
		t.Errorf("backfilled facets:\n%s\nkept:\n%s", got, written)
	}
}
