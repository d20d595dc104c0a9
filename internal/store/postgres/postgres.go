// Package postgres is the Store on a PostgreSQL server, through pgx's
// connection pool, with full-text search by tsvector and GIN indexes and
// locks by advisory locks.
//
// The tables live in the first schema of the DSN's search_path
// ("postgres://host/db?search_path=chorus"), which Open creates when it is
// missing; without one they go where the server's default search_path puts
// them (normally public). Several Chorus databases can thus share one
// PostgreSQL database, each in its own schema, and their locks are kept
// apart too.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/chorusnews/chorus/internal/store"
)

// Store is a store.Store kept in one PostgreSQL schema.
type Store struct {
	pool   *pgxpool.Pool
	name   string // the DSN without its password, for messages
	schema string // the schema the tables are in

	// locks holds one channel per Exclusive name, so that callers in this
	// process queue here (each waiting without a connection) and only one
	// of them at a time contends for the server's lock.
	mu    sync.Mutex
	locks map[string]chan struct{}
}

var _ store.Store = (*Store)(nil)

// Open connects to the database that dsn names (a URL,
// "postgres://user@host:5432/db?search_path=schema", or keyword=value
// pairs) and brings its schema up to date. Pool settings such as
// pool_max_conns may be given in dsn too.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("store: empty PostgreSQL DSN")
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx redacts the password from its parse errors.
		return nil, fmt.Errorf("store: %w", err)
	}
	name := displayName(cfg)
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "chorus"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", name, err)
	}
	s := &Store{pool: pool, name: name, locks: make(map[string]chan struct{})}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: open %s: %w", name, err)
	}
	if err := s.ensureSchema(ctx, cfg.ConnConfig.RuntimeParams["search_path"]); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: open %s: %w", name, err)
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: %s: %w", name, err)
	}
	return s, nil
}

// Name names the database (user, host, port, database and search_path,
// never the password), for messages.
func (s *Store) Name() string { return s.name }

// String is Name.
func (s *Store) String() string { return s.name }

// Schema is the schema the store's tables are in.
func (s *Store) Schema() string { return s.schema }

// Close closes the pool, waiting for connections in use to come back.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// displayName renders cfg as a URL without the password.
func displayName(cfg *pgxpool.Config) string {
	cc := cfg.ConnConfig
	u := url.URL{Scheme: "postgres", Path: "/" + cc.Database}
	if cc.User != "" {
		u.User = url.User(cc.User)
	}
	host := cc.Host
	if strings.HasPrefix(host, "/") { // a Unix socket directory
		u.Host = ""
		q := url.Values{"host": {host}}
		if sp := cc.RuntimeParams["search_path"]; sp != "" {
			q.Set("search_path", sp)
		}
		u.RawQuery = q.Encode()
		return u.String()
	}
	u.Host = net.JoinHostPort(host, strconv.Itoa(int(cc.Port)))
	if sp := cc.RuntimeParams["search_path"]; sp != "" {
		u.RawQuery = url.Values{"search_path": {sp}}.Encode()
	}
	return u.String()
}

// ensureSchema finds the schema the tables go in, creating the first
// schema of searchPath when it does not exist yet.
func (s *Store) ensureSchema(ctx context.Context, searchPath string) error {
	var current *string
	if err := s.pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&current); err != nil {
		return fmt.Errorf("current schema: %w", err)
	}
	want, ok := firstSchema(searchPath)
	if current != nil && (!ok || *current == want) {
		s.schema = *current
		return nil
	}
	if !ok {
		return fmt.Errorf("no schema to create tables in (search_path %q names none that exists)", searchPath)
	}
	// Create it, under the same lock as migrations so that two processes
	// opening a new database do not race.
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockKey(want, "migrate")); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{want}.Sanitize())
		return err
	})
	if err != nil {
		return fmt.Errorf("create schema %s: %w", want, err)
	}
	if err := s.pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&current); err != nil {
		return fmt.Errorf("current schema: %w", err)
	}
	if current == nil || *current != want {
		return fmt.Errorf("schema %s created but not first on the search_path %q", want, searchPath)
	}
	s.schema = want
	return nil
}

// firstSchema is the first schema named in a search_path setting, as the
// server would read it: unquoted names fold to lower case, quoted ones are
// taken as they are. ok is false when there is none, or the first is
// "$user".
func firstSchema(searchPath string) (name string, ok bool) {
	sp := strings.TrimSpace(searchPath)
	if sp == "" {
		return "", false
	}
	if sp[0] == '"' {
		var b strings.Builder
		for i := 1; i < len(sp); i++ {
			if sp[i] == '"' {
				if i+1 < len(sp) && sp[i+1] == '"' {
					b.WriteByte('"')
					i++
					continue
				}
				name = b.String()
				return name, name != "" && name != "$user"
			}
			b.WriteByte(sp[i])
		}
		return "", false // unterminated
	}
	name, _, _ = strings.Cut(sp, ",")
	name = strings.ToLower(strings.TrimSpace(name))
	return name, name != "" && name != "$user"
}

// lockKey is the advisory lock key of name in schema: 64 bits of FNV-1a, so
// that different schemas (different Chorus databases sharing one server
// database) never share a lock except by a 2⁻⁶⁴ chance.
func lockKey(schema, name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("chorus\x00"))
	h.Write([]byte(schema))
	h.Write([]byte{0})
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// writeLock is the part of the store's write lock a transaction takes.
// The writes that decide which articles wait for a story (articles,
// stories, their membership) must not interleave, or the pending table
// could miss an article two concurrent transactions decided about, each
// without seeing the other. Article writes only add waiting articles,
// never take them away, so several may run at once (in shared mode);
// story writes run alone (exclusive), as every write does in SQLite.
type writeLock int

const (
	noWriteLock writeLock = iota
	sharedWriteLock
	exclusiveWriteLock
)

// inTx runs fn in one transaction, committing when fn returns nil, after
// taking the write lock as asked.
func (s *Store) inTx(ctx context.Context, lock writeLock, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := s.lockWrites(ctx, tx, lock); err != nil {
			return err
		}
		return fn(tx)
	})
}

// lockWrites takes the write lock in tx until it ends, in the mode asked.
func (s *Store) lockWrites(ctx context.Context, tx pgx.Tx, lock writeLock) error {
	take := ""
	switch lock {
	case sharedWriteLock:
		take = `SELECT pg_advisory_xact_lock_shared($1)`
	case exclusiveWriteLock:
		take = `SELECT pg_advisory_xact_lock($1)`
	}
	if take == "" {
		return nil
	}
	_, err := tx.Exec(ctx, take, lockKey(s.schema, "writes"))
	return err
}

// clean makes s storable in a PostgreSQL text value, which can hold
// neither NUL nor invalid UTF-8: NULs are dropped and each run of invalid
// bytes becomes U+FFFD (encoding/json makes the same replacement when Chorus
// writes the text out). Valid text without NUL, the usual case, is returned
// as it is.
func clean(s string) string {
	if storable(s) {
		return s
	}
	return strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\uFFFD")
}

// storable reports whether s can be kept in a text value as it is: ids
// must be, since cleaning one would make it another id.
func storable(s string) bool {
	return utf8.ValidString(s) && !strings.Contains(s, "\x00")
}

// storableIDs returns the ids that can be stored; the others cannot match
// any stored record.
func storableIDs(ids []string) []string {
	out := ids[:0:0]
	for _, id := range ids {
		if storable(id) {
			out = append(out, id)
		}
	}
	return out
}

// DropSchema removes the store's schema and everything in it, for the
// tests and benchmarks that made a schema of their own; the store must not
// be used afterwards.
func (s *Store) DropSchema(ctx context.Context) error {
	if s.schema == "" || s.schema == "public" {
		return fmt.Errorf("store: %s: will not drop schema %q", s.name, s.schema)
	}
	if _, err := s.pool.Exec(ctx, `DROP SCHEMA `+pgx.Identifier{s.schema}.Sanitize()+` CASCADE`); err != nil {
		return fmt.Errorf("store: %s: drop schema: %w", s.name, err)
	}
	return nil
}

// Checkpoint asks the server for a checkpoint, so that a benchmark starts
// with no dirty pages and no WAL of an earlier run: without it, a run that
// begins just before the server's own checkpoint pays for the writes of the
// run before it (and full-page images after it). It needs a superuser or
// the pg_checkpoint role.
func (s *Store) Checkpoint(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `CHECKPOINT`); err != nil {
		return fmt.Errorf("store: %s: checkpoint: %w", s.name, err)
	}
	return nil
}

// CountArticles returns how many articles are stored.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: %s: count articles: %w", s.name, err)
	}
	return n, nil
}

// Exists tells whether dsn names a store that was made already: one whose
// schema (the first of its search_path, else the server's current one)
// holds Chorus's tables. where names it, without the password, for
// messages. It creates nothing.
func Exists(ctx context.Context, dsn string) (exists bool, where string, err error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return false, "", fmt.Errorf("store: %w", err)
	}
	where = displayName(cfg)
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		return false, where, fmt.Errorf("store: open %s: %w", where, err)
	}
	defer conn.Close(ctx)
	schema, ok := firstSchema(cfg.ConnConfig.RuntimeParams["search_path"])
	if !ok {
		var current *string
		if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&current); err != nil {
			return false, where, fmt.Errorf("store: %s: %w", where, err)
		}
		if current == nil {
			return false, where, nil
		}
		schema = *current
	}
	err = conn.QueryRow(ctx, `SELECT to_regclass(format('%I.schema_migrations', $1::text)) IS NOT NULL`, schema).Scan(&exists)
	if err != nil {
		return false, where, fmt.Errorf("store: %s: %w", where, err)
	}
	return exists, where, nil
}
