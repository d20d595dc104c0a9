package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
	"github.com/chorusnews/chorus/internal/store/storetest"
)

// defaultDSN is the server the tests use unless $CHORUS_TEST_POSTGRES
// names another: a local PostgreSQL with trust authentication and a
// database called test. Each test works in a schema of its own, dropped
// when it ends.
const defaultDSN = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

var server struct {
	once sync.Once
	dsn  string
	err  error
}

// baseDSN returns the test server's DSN, skipping the test when the server
// cannot be reached, except under CI, where PostgreSQL is there and a skip
// would hide breakage.
func baseDSN(t *testing.T) string {
	t.Helper()
	server.once.Do(func() {
		server.dsn = os.Getenv("CHORUS_TEST_POSTGRES")
		if server.dsn == "" {
			server.dsn = defaultDSN
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, server.dsn)
		if err != nil {
			server.err = err
			return
		}
		server.err = conn.Ping(ctx)
		conn.Close(ctx)
	})
	if server.err != nil {
		msg := "PostgreSQL not reachable (set $CHORUS_TEST_POSTGRES to a DSN of a server with a database to create schemas in): " + server.err.Error()
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return server.dsn
}

// withSearchPath returns dsn with its search_path set to schema.
func withSearchPath(t *testing.T, dsn, schema string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " search_path=" + schema
}

// exec runs one statement on the test server, outside any store.
func exec(t *testing.T, sql string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, baseDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// freshSchema creates an empty schema for t, dropped when t ends, and
// returns a DSN whose search_path is it.
func freshSchema(t *testing.T) string {
	t.Helper()
	dsn := baseDSN(t)
	var b [6]byte
	rand.Read(b[:])
	schema := "chorus_test_" + hex.EncodeToString(b[:])
	exec(t, `CREATE SCHEMA `+schema)
	t.Cleanup(func() { exec(t, `DROP SCHEMA `+schema+` CASCADE`) })
	return withSearchPath(t, dsn, schema)
}

func open(t *testing.T, dsn string) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	baseDSN(t) // one skip for the suite, not one per subtest
	storetest.Run(t, func(t *testing.T) store.Store {
		return open(t, freshSchema(t))
	})
}

// migrationRows counts schema_migrations rows in s's schema.
func migrationRows(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.pool.QueryRow(t.Context(), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMigrationsIdempotent(t *testing.T) {
	dsn := freshSchema(t)
	for range 2 {
		s := open(t, dsn)
		if n := migrationRows(t, s); n != len(migrations) {
			t.Errorf("%d migration rows, want %d", n, len(migrations))
		}
		s.Close()
	}

	// Processes opening one new database at once apply each migration once.
	dsn = freshSchema(t)
	var wg sync.WaitGroup
	stores := make([]*Store, 4)
	errs := make([]error, len(stores))
	for i := range stores {
		wg.Go(func() { stores[i], errs[i] = Open(t.Context(), dsn) })
	}
	wg.Wait()
	for i, s := range stores {
		if errs[i] != nil {
			t.Fatalf("concurrent Open %d: %v", i, errs[i])
		}
		defer s.Close()
	}
	if n := migrationRows(t, stores[0]); n != len(migrations) {
		t.Errorf("%d migration rows after concurrent opens, want %d", n, len(migrations))
	}
	v, err := stores[0].schemaVersion(t.Context())
	if err != nil || v != len(migrations) {
		t.Errorf("schema version %d, %v; want %d", v, err, len(migrations))
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	dsn := freshSchema(t)
	s := open(t, dsn)
	if _, err := s.pool.Exec(t.Context(), `INSERT INTO schema_migrations (version) VALUES ($1)`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(t.Context(), dsn); err == nil {
		s.Close()
		t.Fatal("Open of a database from a newer version: no error")
	}
}

func TestOpenCreatesSchema(t *testing.T) {
	dsn := baseDSN(t)
	var b [6]byte
	rand.Read(b[:])
	schema := "chorus_test_new_" + hex.EncodeToString(b[:])
	t.Cleanup(func() { exec(t, `DROP SCHEMA IF EXISTS `+schema+` CASCADE`) })
	s := open(t, withSearchPath(t, dsn, schema+", public"))
	defer s.Close()
	if s.Schema() != schema {
		t.Errorf("store in schema %q, want %q", s.Schema(), schema)
	}
	var n int
	if err := s.pool.QueryRow(t.Context(),
		`SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename IN ('articles', 'stories', 'raw', 'pending')`, schema).Scan(&n); err != nil || n != 4 {
		t.Errorf("%d tables in the new schema, %v; want 4", n, err)
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	dsn := freshSchema(t)
	reopened := storetest.Reopen(t, []byte("<p>raw \xff bytes \x00</p>\r\n"), func(t *testing.T) store.Store { return open(t, dsn) })
	defer reopened.Close()
	s := reopened.(*Store)
	if n := migrationRows(t, s); n != len(migrations) {
		t.Errorf("%d migration rows, want %d", n, len(migrations))
	}
}

// TestExclusiveAcrossStores has two stores on one schema, as two processes
// would have, take turns.
func TestExclusiveAcrossStores(t *testing.T) {
	dsn := freshSchema(t)
	a, b := open(t, dsn), open(t, dsn)
	defer a.Close()
	defer b.Close()
	ctx := t.Context()

	var inside, most atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 4 {
		s := []*Store{a, b}[i%2]
		wg.Go(func() {
			for range 5 {
				errs <- s.Exclusive(ctx, "stories", func(context.Context) error {
					n := inside.Add(1)
					if n > most.Load() {
						most.Store(n)
					}
					time.Sleep(2 * time.Millisecond)
					inside.Add(-1)
					return nil
				})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if most.Load() != 1 {
		t.Fatalf("%d callers held the lock at once", most.Load())
	}

	// b waits on a's lock until its deadline; the cancelled wait leaves
	// nothing held, so both can take the lock right after.
	held, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- a.Exclusive(ctx, "stories", func(context.Context) error {
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := b.Exclusive(short, "stories", func(context.Context) error { return errors.New("ran while a held the lock") })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("b waiting on a's lock: %v, want DeadlineExceeded", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("the cancelled wait took %v", waited)
	}
	// Another name is another lock, across stores too.
	if err := b.Exclusive(ctx, "other", func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Store{b, a} {
		quick, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := s.Exclusive(quick, "stories", func(context.Context) error { return nil })
		cancel()
		if err != nil {
			t.Fatalf("lock after the wait was cancelled: %v", err)
		}
	}
	if n := advisoryLocksHeld(t, a, "lock:stories"); n != 0 {
		t.Errorf("%d sessions still hold the lock", n)
	}

	// The lock is per schema: a store on another schema does not wait.
	c := open(t, freshSchema(t))
	defer c.Close()
	if err := a.Exclusive(ctx, "stories", func(context.Context) error {
		quick, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		return c.Exclusive(quick, "stories", func(context.Context) error { return nil })
	}); err != nil {
		t.Fatalf("lock of another schema: %v", err)
	}
}

// advisoryLocksHeld counts the sessions holding s's lock called name.
func advisoryLocksHeld(t *testing.T, s *Store, name string) int {
	t.Helper()
	key := uint64(lockKey(s.schema, name))
	var n int
	if err := s.pool.QueryRow(t.Context(), `SELECT count(*) FROM pg_locks
WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2 AND objsubid = 1`,
		uint32(key>>32), uint32(key)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestExclusivePanicUnlocks checks that fn panicking still gives the lock
// back.
func TestExclusivePanicUnlocks(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	func() {
		defer func() { recover() }()
		s.Exclusive(t.Context(), "stories", func(context.Context) error { panic("boom") })
	}()
	if n := advisoryLocksHeld(t, s, "lock:stories"); n != 0 {
		t.Fatalf("%d sessions hold the lock after fn panicked", n)
	}
	quick, cancel := context.WithTimeout(t.Context(), time.Second)
	defer cancel()
	if err := s.Exclusive(quick, "stories", func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.Exclusive(t.Context(), "Bad Name", func(context.Context) error { return nil }); err == nil {
		t.Error("Exclusive with a bad name: no error")
	}
}

// TestUnstorableText: PostgreSQL text holds neither NUL nor invalid UTF-8;
// such text is cleaned rather than failing a batch, and such ids are
// refused (when written) or not found (when read).
func TestUnstorableText(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	ctx := t.Context()
	a := storetest.Article("a1", "x.com", "2022-01-01", "Caf\xe9 \x00news", "Text with a NUL\x00 and caf\xe9.")
	a.Source = "dir/caf\xe9.html"
	a.Quotes[0].Text = "a \x00 quote"
	if err := s.PutArticles(ctx, []news.Analyzed{a}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Caf\uFFFD news" || got.Text != "Text with a NUL and caf\uFFFD." || got.Source != "dir/caf\uFFFD.html" {
		t.Errorf("cleaned article = %q, %q, %q", got.Title, got.Text, got.Source)
	}
	if got.Quotes[0].Text != "a \x00 quote" {
		t.Errorf("quote = %q, want the NUL kept (JSON escapes it)", got.Quotes[0].Text)
	}
	if got := storetest.SearchKeys(t, s, "news\x00", 5); len(got) != 1 {
		t.Errorf("SearchStories with a NUL = %v", got)
	}
	if _, err := s.PutRaws(ctx, []store.RawInput{{Source: "caf\xe9\x00.txt", Body: []byte("x"), Format: "text"}}); err != nil {
		t.Errorf("PutRaws with an unclean source: %v", err)
	}
	bad := storetest.Article("a\x00", "x.com", "2022-01-01", "T", "t")
	if err := s.PutArticles(ctx, []news.Analyzed{bad}); err == nil {
		t.Error("PutArticles with a NUL in an id: no error")
	}
	for _, id := range []string{"a\x00", "a1\xff"} {
		if _, err := s.Article(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Article(%q) = %v, want ErrNotFound", id, err)
		}
		if _, err := s.Story(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Story(%q) = %v, want ErrNotFound", id, err)
		}
		if _, err := s.Raw(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Raw(%q) = %v, want ErrNotFound", id, err)
		}
	}
	if as, err := s.Articles(ctx, []string{"a\x00", "a1"}); err != nil || len(as) != 1 {
		t.Errorf("Articles with an unstorable id = %d, %v", len(as), err)
	}
	if err := s.UpdateStories(ctx, nil, []string{"s\x00"}); err != nil {
		t.Errorf("UpdateStories removing an unstorable id: %v", err)
	}
}

// TestSearchLongText: a text longer than the index cap is stored whole and
// found by its words up to the cap, and snippets come from the text around
// the match.
func TestSearchLongText(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	ctx := t.Context()
	long := "Zeppelin " + strings.Repeat("filler words go here ", 16000) + " tailword" // 336 KB, past the cap
	must(t, s.PutArticles(ctx, []news.Analyzed{
		storetest.Article("long", "z.com", "2022-01-01", "Long read", long),
		storetest.Article("short", "x.com", "2022-01-01", "Markets",
			"Shares fell on Monday. Later that day, as the sanctions began to bite, traders sold more."),
	}))
	if got := storetest.SearchKeys(t, s, "zeppelin", 0); !slices.Equal(got, []string{"article:long"}) {
		t.Errorf("SearchStories(zeppelin) = %v", got)
	}
	if got := storetest.SearchKeys(t, s, "tailword", 0); len(got) != 0 {
		t.Errorf("word past the index cap: %v", got)
	}
	if a, err := s.Article(ctx, "long"); err != nil || a.Text != long {
		t.Errorf("long text not kept whole: %d bytes, %v", len(a.Text), err)
	}
	page, err := s.SearchStories(ctx, "sanctions", store.SearchOptions{})
	must(t, err)
	unmarked := strings.NewReplacer(store.MarkStart, "", store.MarkEnd, "")
	if len(page.Results) != 1 || !strings.Contains(unmarked.Replace(page.Results[0].Snippet), "sanctions began to bite") {
		t.Errorf("snippet = %+v", page.Results)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestSearchText(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"Café owners":               "Cafe owners",
		"<script>alert(1)</script>": " script alert 1   script ",
		"title:blinken":             "title blinken",
		"naïve Ærø Łódź":            "naive Ærø Łodz",
		"Ukraine's 100,000":         "Ukraine s 100 000",
		"Привет, мир":               "Привет  мир",
		"caf\xe9\x00":               "caf ",
	} {
		if got := searchText(in); got != want {
			t.Errorf("searchText(%q) = %q, want %q", in, got, want)
		}
	}
	q := newQuery()
	if got := tsQuery(strings.Repeat("w ", 100), q); len(q.Args) != store.MaxSearchTerms || got == "" {
		t.Errorf("tsQuery kept %d words, want %d", len(q.Args), store.MaxSearchTerms)
	}
	for _, text := range []string{"", "  ", `" ( ) * - ^ :`, "<>&", "-only -negated"} {
		if got := tsQuery(text, newQuery()); got != "" {
			t.Errorf("tsQuery(%q) = %q, want none", text, got)
		}
	}
}

// TestExists: a schema without Chorus's tables is no store, and Exists
// makes none; once opened, it is one.
func TestExists(t *testing.T) {
	dsn := freshSchema(t)
	if ok, where, err := Exists(t.Context(), dsn); err != nil || ok || !strings.Contains(where, "search_path=chorus_test_") {
		t.Fatalf("Exists before Open: %v %q %v", ok, where, err)
	}
	if ok, _, err := Exists(t.Context(), dsn); err != nil || ok {
		t.Fatalf("Exists made the store: %v %v", ok, err)
	}
	open(t, dsn).Close()
	if ok, _, err := Exists(t.Context(), dsn); err != nil || !ok {
		t.Errorf("Exists after Open: %v %v", ok, err)
	}
}

func TestNameHidesPassword(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://chorus:s3cret@db.example:5433/news?search_path=chorus&sslmode=disable": "postgres://chorus@db.example:5433/news?search_path=chorus",
		"host=db.example user=chorus password=s3cret dbname=news":                          "postgres://chorus@db.example:5432/news",
	} {
		cfg, err := pgxpool.ParseConfig(dsn)
		if err != nil {
			t.Fatal(err)
		}
		if got := displayName(cfg); got != want || strings.Contains(got, "s3cret") {
			t.Errorf("displayName(%q) = %q, want %q", dsn, got, want)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	// Nothing listens on port 1.
	_, err := Open(ctx, "postgres://chorus:s3cret@127.0.0.1:1/news?connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "store: open postgres://chorus@127.0.0.1:1/news") {
		t.Errorf("Open of an unreachable server: %v", err)
	}
	if _, err := Open(ctx, ""); err == nil {
		t.Error("Open(\"\"): no error")
	}
}

func TestFirstSchema(t *testing.T) {
	for sp, want := range map[string]string{
		"":                 "",
		"chorus":           "chorus",
		" Chorus , public": "chorus",
		`"My ""S""", x`:    `My "S"`,
		`"$user", public`:  "",
		`$user`:            "",
	} {
		got, ok := firstSchema(sp)
		if got != want && ok || ok != (want != "") {
			t.Errorf("firstSchema(%q) = %q, %v; want %q", sp, got, ok, want)
		}
	}
}

func TestErrorsWrapped(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	_, err := s.Article(t.Context(), "nope")
	if !errors.Is(err, store.ErrNotFound) || err.Error() == store.ErrNotFound.Error() || !strings.HasPrefix(err.Error(), "store: article nope") {
		t.Errorf("error %q should wrap ErrNotFound with context", err)
	}
	err = s.PutArticles(t.Context(), []news.Analyzed{{}})
	if err == nil || !strings.HasPrefix(err.Error(), "store: put articles: ") {
		t.Errorf("PutArticles without id: %v", err)
	}
}

// TestByteOrder: keys and dates compare as bytes, as in SQLite, whatever
// the database's collation (this server's may already be byte order, so
// the columns are checked too).
func TestByteOrder(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	ctx := t.Context()
	rows, err := s.pool.Query(ctx, `SELECT c.relname || '.' || a.attname, coalesce(co.collname, '')
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
LEFT JOIN pg_collation co ON co.oid = a.attcollation
WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' AND a.attnum > 0
AND (a.attname IN ('id', 'article_id', 'story_id') OR a.attname LIKE '%published')`, s.Schema())
	must(t, err)
	cols, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (c [2]string, err error) {
		err = r.Scan(&c[0], &c[1])
		return c, err
	})
	must(t, err)
	if len(cols) != 10 {
		t.Errorf("%d key columns, want 10: %v", len(cols), cols)
	}
	for _, c := range cols {
		if c[1] != "C" {
			t.Errorf("%s has collation %q, want C", c[0], c[1])
		}
	}
	var as []news.Analyzed
	for _, id := range []string{"b", "B", "a-b", "ab", "a_b", "é", "Z"} {
		as = append(as, storetest.Article(id, "x.com", "2022-01-01", id, "t"))
	}
	as = append(as, storetest.Article("lower-t", "x.com", "2022-01-01t00:00", "x", "t"))
	must(t, s.PutArticles(ctx, as))
	var got []string
	must(t, s.AllArticles(ctx, func(a news.StoryArticle) error {
		got = append(got, a.ID)
		return nil
	}))
	want := []string{"B", "Z", "a-b", "a_b", "ab", "b", "é", "lower-t"}
	if !slices.Equal(got, want) {
		t.Errorf("AllArticles = %v, want byte order %v", got, want)
	}
	got = nil
	must(t, s.ArticlesPublished(ctx, "2022-01-01T", "2022-01-02", func(a news.StoryArticle) error {
		got = append(got, a.ID)
		return nil
	}))
	if !slices.Equal(got, []string{"lower-t"}) {
		t.Errorf("ArticlesPublished(2022-01-01T, 2022-01-02) = %v, want [lower-t]", got)
	}
}

func TestCountAndDropSchema(t *testing.T) {
	dsn := baseDSN(t)
	var b [6]byte
	rand.Read(b[:])
	schema := "chorus_test_" + hex.EncodeToString(b[:])
	s := open(t, withSearchPath(t, dsn, schema)) // Open makes the schema
	t.Cleanup(func() { exec(t, `DROP SCHEMA IF EXISTS `+schema+` CASCADE`) })
	ctx := t.Context()
	if err := s.PutArticles(ctx, []news.Analyzed{storetest.Article("a1", "x.com", "2022-01-01", "A", "one"), storetest.Article("a2", "y.com", "2022-01-02", "B", "two")}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.CountArticles(ctx); err != nil || n != 2 {
		t.Fatalf("CountArticles = %d, %v; want 2", n, err)
	}
	if err := s.DropSchema(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var left int
	conn := open(t, freshSchema(t))
	defer conn.Close()
	if err := conn.pool.QueryRow(ctx, `SELECT count(*) FROM pg_namespace WHERE nspname = $1`, schema).Scan(&left); err != nil || left != 0 {
		t.Fatalf("schema %s still there (%d, %v)", schema, left, err)
	}
}

// TestConcurrentArticleWrites stores overlapping chunks from two processes'
// worth of connections at once, in opposite orders, as two workers given
// the same inputs twice would: article writes share the write lock, so
// they run side by side, and must neither deadlock nor lose a waiting
// article.
func TestConcurrentArticleWrites(t *testing.T) {
	dsn := freshSchema(t)
	a, b := open(t, dsn), open(t, dsn)
	defer a.Close()
	defer b.Close()
	const n = 300
	var arts []news.Analyzed
	for i := range n {
		id := fmt.Sprintf("article-%03d", i)
		arts = append(arts, storetest.Article(id, "Outlet", "2022-01-26", "Title "+id, "Talks were held in Paris on the crisis "+id))
	}
	reversed := slices.Clone(arts)
	slices.Reverse(reversed)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for round := range 4 {
		wg.Go(func() { errs <- a.PutArticles(t.Context(), arts[round*50:]) })
		wg.Go(func() { errs <- b.PutArticles(t.Context(), reversed[:n-round*50]) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	waiting, err := a.Waiting(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(waiting) != n {
		t.Errorf("%d articles wait for a story, want %d", len(waiting), n)
	}
}

// TestLargeValuesCompressedWithLZ4 checks that the large columns take LZ4
// on a server that has it (migration 3).
func TestLargeValuesCompressedWithLZ4(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	if _, err := s.pool.Exec(t.Context(), `SET default_toast_compression = 'lz4'`); err != nil {
		t.Skipf("this server has no LZ4: %v", err)
	}
	var pglz []string
	rows, err := s.pool.Query(t.Context(), `SELECT attrelid::regclass::text || '.' || attname FROM pg_attribute
WHERE attrelid IN ('raw'::regclass, 'articles'::regclass, 'stories'::regclass)
AND attname IN ('body', 'text', 'quotes', 'entities', 'facts', 'search', 'summary', 'doc')
AND attcompression <> 'l'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var col string
		if err := rows.Scan(&col); err != nil {
			t.Fatal(err)
		}
		pglz = append(pglz, col)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(pglz) > 0 {
		t.Errorf("columns not compressed with LZ4: %v", pglz)
	}
}

// TestFacetBackfill: the facets migration 6 reads from the documents of
// the stories stored before it are those a story write keeps now.
func TestFacetBackfill(t *testing.T) {
	s := open(t, freshSchema(t))
	defer s.Close()
	ctx := t.Context()
	st := storetest.Story("s1", "T", "2022-01-02", []string{"a1", "a2"}, []string{"BBC", "Der Spiegel"}, "x")
	st.Languages = map[string]int{"en": 1, "de": 1}
	st.Entities = append(st.Entities, news.StoryEntity{Name: "Olaf Scholz", Aliases: []string{"Scholz", "Kanzler Scholz"}})
	bare := news.Story{ID: "s2", Title: "nothing listed", Articles: []string{"a3"}}
	must(t, s.UpdateStories(ctx, []news.Story{st, bare}, nil))
	facets := func() string {
		rows, err := s.pool.Query(ctx, `SELECT kind || '=' || value || '@' || story_id FROM story_facets ORDER BY 1`)
		must(t, err)
		got, err := pgx.CollectRows(rows, pgx.RowTo[string])
		must(t, err)
		return strings.Join(got, " ")
	}
	written := facets()
	if !strings.Contains(written, "entity=kanzler scholz@s1") || !strings.Contains(written, "outlet=der spiegel@s1") {
		t.Fatalf("facets written: %s", written)
	}
	m := migrations[5]
	backfill := m[strings.Index(m, "WITH docs AS"):strings.Index(m, "CREATE TABLE store_state")]
	_, err := s.pool.Exec(ctx, `DELETE FROM story_facets`)
	must(t, err)
	_, err = s.pool.Exec(ctx, backfill)
	must(t, err)
	if got := facets(); got != written {
		t.Errorf("backfilled facets:\n%s\nwritten:\n%s", got, written)
	}
}
