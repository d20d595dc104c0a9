package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// migrations are applied once each, in order, each in its own transaction;
// migration i (from 0) is schema version i+1. Never edit or reorder one that
// has shipped: append a new one. Names are unqualified: they land in the
// store's schema, the first of the connection's search_path.
var migrations = []string{
	// 1: raw inputs, articles, stories, full-text search.
	//
	// Keys and dates are COLLATE "C" so that they order (and compare, for
	// ArticlesPublished) as bytes, as SQLite's text does, whatever the
	// database's collation. JSON is kept as text, not jsonb: jsonb refuses
	// \u0000, which encoding/json writes for a NUL in a quote.
	//
	// Search: each row keeps a tsvector (title weight A, body weight B)
	// made with the chorus_search configuration, the simple parser with an
	// English Snowball stemmer that drops no stop words (a query for "not"
	// must find "not"). The text is folded by Go before it gets there
	// (search.go: Latin diacritics removed, everything but letters and
	// digits turned into spaces), so that no extension is needed.
	`
CREATE TABLE raw (
	id       text COLLATE "C" PRIMARY KEY,   -- hex SHA-256 of body
	source   text NOT NULL,
	format   text NOT NULL,
	body     bytea NOT NULL,
	size     bigint NOT NULL,
	added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TEXT SEARCH DICTIONARY chorus_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION chorus_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION chorus_search
	ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH chorus_stem;

CREATE TABLE articles (
	id           text COLLATE "C" PRIMARY KEY,
	source       text NOT NULL,
	url          text NOT NULL,
	outlet       text NOT NULL,
	title        text NOT NULL,
	authors      text NOT NULL,              -- JSON array
	published    text COLLATE "C" NOT NULL,
	language     text NOT NULL,
	text         text NOT NULL,
	duplicate_of text NOT NULL,
	dateline     text NOT NULL,
	quotes       text NOT NULL,              -- JSON
	entities     text NOT NULL,              -- JSON
	facts        text NOT NULL,              -- JSON
	search       tsvector NOT NULL,          -- title (A) and text (B)
	updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE stories (
	id              text COLLATE "C" PRIMARY KEY,
	title           text NOT NULL,
	summary         text NOT NULL,           -- summary sentences joined, for search
	first_published text COLLATE "C" NOT NULL,
	last_published  text COLLATE "C" NOT NULL,
	n_articles      integer NOT NULL,
	n_outlets       integer NOT NULL,
	doc             text NOT NULL,           -- the whole story as JSON
	search          tsvector NOT NULL,       -- title (A) and summary (B)
	updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stories_newest ON stories (last_published DESC, first_published DESC, id);
CREATE INDEX stories_covered ON stories (n_outlets DESC, n_articles DESC, last_published DESC, id);
CREATE INDEX stories_search ON stories USING gin (search);

-- Which story each article belongs to (at most one), as the stories list
-- them; an article may be listed before it is stored.
CREATE TABLE story_articles (
	article_id text COLLATE "C" PRIMARY KEY,
	story_id   text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles (story_id);
`,
	// 2: the articles no story lists yet, kept by triggers, so that stories
	// are brought up to date around new articles without reading them all.
	// The triggers are per statement, reading the rows each statement
	// changed, so that a story claiming a thousand articles costs one
	// statement. Writers take the store's write lock (inTx), so each
	// trigger sees every change committed before its transaction's.
	`
CREATE TABLE pending (
	article_id text COLLATE "C" PRIMARY KEY
);
INSERT INTO pending (article_id)
	SELECT a.id FROM articles a
	WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id);

CREATE FUNCTION chorus_pending_article() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	INSERT INTO pending (article_id)
		SELECT n.id FROM new_articles n
		WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = n.id)
		ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;
CREATE TRIGGER pending_article AFTER INSERT ON articles
	REFERENCING NEW TABLE AS new_articles
	FOR EACH STATEMENT EXECUTE FUNCTION chorus_pending_article();

CREATE FUNCTION chorus_pending_article_gone() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	DELETE FROM pending WHERE article_id IN (SELECT o.id FROM old_articles o);
	RETURN NULL;
END $$;
CREATE TRIGGER pending_article_gone AFTER DELETE ON articles
	REFERENCING OLD TABLE AS old_articles
	FOR EACH STATEMENT EXECUTE FUNCTION chorus_pending_article_gone();

CREATE FUNCTION chorus_pending_claimed() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	DELETE FROM pending WHERE article_id IN (SELECT n.article_id FROM claimed n);
	RETURN NULL;
END $$;
CREATE TRIGGER pending_claimed AFTER INSERT ON story_articles
	REFERENCING NEW TABLE AS claimed
	FOR EACH STATEMENT EXECUTE FUNCTION chorus_pending_claimed();

CREATE FUNCTION chorus_pending_released() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	INSERT INTO pending (article_id)
		SELECT o.article_id FROM released o
		WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = o.article_id)
		AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = o.article_id)
		ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;
CREATE TRIGGER pending_released AFTER DELETE ON story_articles
	REFERENCING OLD TABLE AS released
	FOR EACH STATEMENT EXECUTE FUNCTION chorus_pending_released();
`,
	// 3: large values compressed with LZ4 where the server has it. pglz
	// was a quarter of the server's time as workers stored articles; LZ4
	// compresses several times faster, nearly as small. Values stored
	// before keep their compression (both are read alike), and a server
	// built without LZ4 keeps pglz.
	`
DO $$
BEGIN
	EXECUTE 'ALTER TABLE raw ALTER COLUMN body SET COMPRESSION lz4';
	EXECUTE 'ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4,
		ALTER COLUMN quotes SET COMPRESSION lz4, ALTER COLUMN entities SET COMPRESSION lz4,
		ALTER COLUMN facts SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4';
	EXECUTE 'ALTER TABLE stories ALTER COLUMN summary SET COMPRESSION lz4,
		ALTER COLUMN doc SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error THEN
	NULL; -- no LZ4 in this server (or before PostgreSQL 14): pglz stays
END $$;
`,
	// 4: room in each page of articles for a changed copy mark. Marking
	// copies changes no indexed column, so with room on the page the new
	// row version is a heap-only tuple; without it, every index of the
	// row — the search GIN's hundreds of entries among them — got the new
	// version too, and marking the copies of a story update cost the
	// server 1.0 s in 20,000 articles; with room, 0.6 s.
	`ALTER TABLE articles SET (fillfactor = 85)`,
	// 5: each story keeps the fingerprint of the options it was formed
	// with, so that stories formed with other options are found (through
	// the index, in the order Requeue takes them) and formed again. Stories
	// stored before have '', which no options give: they are formed again
	// once. An article put back among the waiting (Requeue) is still listed
	// by its story, so a claim that moves it to another story (the update
	// of an upsert, not an insert) takes it out of waiting too.
	`
ALTER TABLE stories ADD COLUMN options text COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX stories_options ON stories (options, last_published, id);

CREATE FUNCTION chorus_pending_moved() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	DELETE FROM pending WHERE article_id IN (SELECT n.article_id FROM moved n);
	RETURN NULL;
END $$;
CREATE TRIGGER pending_moved AFTER UPDATE ON story_articles
	REFERENCING NEW TABLE AS moved
	FOR EACH STATEMENT EXECUTE FUNCTION chorus_pending_moved();
`,
	// 6: what stories are filtered by, and the store's stamp. story_facets
	// keeps each story's outlets, languages and entity names (and
	// aliases), lower-cased (ASCII, as lower() under COLLATE "C"), for
	// filters an index answers; story writes keep it (storyWrite), and
	// the stories stored before get theirs from their documents here.
	// store_state holds the installation's random id, which feeds name
	// themselves by, and a generation and time that every story write
	// moves on, under the write lock, which pages are cached by.
	`
CREATE TABLE story_facets (
	kind     text COLLATE "C" NOT NULL,
	value    text COLLATE "C" NOT NULL,
	story_id text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	PRIMARY KEY (kind, value, story_id)
);
CREATE INDEX story_facets_story ON story_facets (story_id);
WITH docs AS (SELECT id, replace(doc, '\u0000', '')::json AS doc FROM stories),
parts AS (
	SELECT id,
		CASE WHEN json_typeof(doc->'outlets') = 'array' THEN doc->'outlets' ELSE '[]' END AS outlets,
		CASE WHEN json_typeof(doc->'languages') = 'object' THEN doc->'languages' ELSE '{}' END AS languages,
		CASE WHEN json_typeof(doc->'entities') = 'array' THEN doc->'entities' ELSE '[]' END AS entities
	FROM docs
),
names AS (
	SELECT 'outlet' AS kind, o AS value, id FROM parts, json_array_elements_text(outlets) o
	UNION ALL SELECT 'language', l, id FROM parts, json_object_keys(languages) l
	UNION ALL SELECT 'entity', e->>'name', id FROM parts, json_array_elements(entities) e
	UNION ALL SELECT 'entity', a, id FROM parts, json_array_elements(entities) e,
		json_array_elements_text(CASE WHEN json_typeof(e->'aliases') = 'array' THEN e->'aliases' ELSE '[]' END) a
)
INSERT INTO story_facets (kind, value, story_id)
	SELECT DISTINCT kind, lower(trim(value) COLLATE "C"), id FROM names WHERE trim(value) <> '';

CREATE TABLE store_state (
	one          integer PRIMARY KEY CHECK (one = 1),
	installation text NOT NULL,
	generation   bigint NOT NULL,
	changed_at   timestamptz NOT NULL
);
INSERT INTO store_state VALUES (1, md5(random()::text || clock_timestamp()::text), 0, now());
`,
	// 7: the feeds chorus watch polls, with each one's state, kept with the
	// articles they fed rather than in a file beside the store.
	`
CREATE TABLE subscriptions (
	url        text COLLATE "C" PRIMARY KEY,
	title      text NOT NULL DEFAULT '',
	added_at   timestamptz NOT NULL,
	last_fetch timestamptz,
	next_fetch timestamptz,
	failures   integer NOT NULL DEFAULT 0,
	last_error text NOT NULL DEFAULT '',
	watch      bytea NOT NULL DEFAULT ''  -- the watcher's own record, JSON
);
`,
}

// migrate brings the schema up to the last migration.
func (s *Store) migrate(ctx context.Context) error {
	key := lockKey(s.schema, "migrate")
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, key); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    integer PRIMARY KEY,
	applied_at timestamptz NOT NULL DEFAULT now()
)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	have, err := s.schemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this program knows (%d)", have, len(migrations))
	}
	for i, m := range migrations {
		version := i + 1
		if version <= have {
			continue
		}
		if err := s.applyMigration(ctx, key, version, m); err != nil {
			return fmt.Errorf("migration %d: %w", version, err)
		}
	}
	return nil
}

// applyMigration runs one migration unless it already ran. The check and
// the change share one transaction that holds the schema's migration lock
// until it ends, so two processes opening the same new database apply it
// once.
func (s *Store) applyMigration(ctx context.Context, key int64, version int, stmt string) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, key); err != nil {
			return err
		}
		var done bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, version).Scan(&done); err != nil {
			return err
		}
		if done {
			return nil
		}
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, version)
		return err
	})
}

// schemaVersion is the highest migration applied.
func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var v *int
	err := s.pool.QueryRow(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	if v == nil {
		return 0, err
	}
	return *v, err
}
