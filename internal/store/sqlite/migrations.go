package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied once each, in order, each in its own transaction;
// migration i (from 0) is schema version i+1. Never edit or reorder one that
// has shipped: append a new one.
var migrations = []string{
	// 1: raw inputs, articles, stories, full-text search.
	`
CREATE TABLE raw (
	id       TEXT PRIMARY KEY,          -- hex SHA-256 of body
	source   TEXT NOT NULL,
	format   TEXT NOT NULL,
	body     BLOB NOT NULL,
	size     INTEGER NOT NULL,
	added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE articles (
	n             INTEGER PRIMARY KEY,  -- stable rowid for the FTS index
	id            TEXT NOT NULL UNIQUE,
	source        TEXT NOT NULL,
	url           TEXT NOT NULL,
	outlet        TEXT NOT NULL,
	title         TEXT NOT NULL,
	authors       TEXT NOT NULL,        -- JSON array
	published     TEXT NOT NULL,
	language      TEXT NOT NULL,
	text          TEXT NOT NULL,
	duplicate_of  TEXT NOT NULL,
	dateline      TEXT NOT NULL,
	quotes        TEXT NOT NULL,        -- JSON
	entities      TEXT NOT NULL,        -- JSON
	facts         TEXT NOT NULL,        -- JSON
	updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_source ON articles (source);

CREATE TABLE stories (
	n               INTEGER PRIMARY KEY,
	id              TEXT NOT NULL UNIQUE,
	title           TEXT NOT NULL,
	summary         TEXT NOT NULL,      -- summary sentences joined, for search
	first_published TEXT NOT NULL,
	last_published  TEXT NOT NULL,
	n_articles      INTEGER NOT NULL,
	n_outlets       INTEGER NOT NULL,
	doc             TEXT NOT NULL,      -- the whole story as JSON
	updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX stories_newest ON stories (last_published DESC, first_published DESC, id);
CREATE INDEX stories_covered ON stories (n_outlets DESC, n_articles DESC, last_published DESC, id);

-- Which story each article belongs to (at most one), as the stories list
-- them; an article may be listed before it is stored.
CREATE TABLE story_articles (
	article_id TEXT PRIMARY KEY,
	story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'n',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text);
END;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
	title, summary,
	content = 'stories', content_rowid = 'n',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER stories_ai AFTER INSERT ON stories BEGIN
	INSERT INTO stories_fts (rowid, title, summary) VALUES (new.n, new.title, new.summary);
END;
CREATE TRIGGER stories_ad AFTER DELETE ON stories BEGIN
	INSERT INTO stories_fts (stories_fts, rowid, title, summary) VALUES ('delete', old.n, old.title, old.summary);
END;
CREATE TRIGGER stories_au AFTER UPDATE OF title, summary ON stories BEGIN
	INSERT INTO stories_fts (stories_fts, rowid, title, summary) VALUES ('delete', old.n, old.title, old.summary);
	INSERT INTO stories_fts (rowid, title, summary) VALUES (new.n, new.title, new.summary);
END;
`,
	// 2: the articles no story lists yet, kept by triggers, so that stories
	// are brought up to date around new articles without reading them all.
	`
CREATE TABLE pending (
	article_id TEXT PRIMARY KEY
);
INSERT INTO pending (article_id)
	SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles);
CREATE TRIGGER pending_article AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM story_articles WHERE article_id = new.id) BEGIN
	INSERT OR IGNORE INTO pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER pending_article_gone AFTER DELETE ON articles BEGIN
	DELETE FROM pending WHERE article_id = old.id;
END;
CREATE TRIGGER pending_claimed AFTER INSERT ON story_articles BEGIN
	DELETE FROM pending WHERE article_id = new.article_id;
END;
CREATE TRIGGER pending_released AFTER DELETE ON story_articles
WHEN EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN
	INSERT OR IGNORE INTO pending (article_id) VALUES (old.article_id);
END;
`,
	// 3: an article stored again with the same title and text (a copy
	// newly marked, an input delivered twice) is not indexed again.
	`
DROP TRIGGER articles_au;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text);
END;
`,
	// 4: the full-text indexes merge their segments sixteen at a time,
	// not four. Merging was the part of storing an article that grew with
	// the store (5.7% of an ingest's CPU at 10k articles, 9% at 100k);
	// at sixteen an ingest of 100k takes 12% less CPU, and a query reads
	// at most sixteen segments a level, a few levels deep. An archive
	// that is mostly read can be merged whole:
	// INSERT INTO articles_fts (articles_fts) VALUES ('optimize').
	`
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO stories_fts (stories_fts, rank) VALUES ('automerge', 16);
`,
	// 5: each story keeps the fingerprint of the options it was formed
	// with, so that stories formed with other options are found (through
	// the index, in the order Requeue takes them) and formed again. Stories
	// stored before have '', which no options give: they are formed again
	// once. An article put back among the waiting (Requeue) is still listed
	// by its story, so a claim that moves it to another story (an upsert of
	// its row, not an insert) takes it out of waiting too.
	`
ALTER TABLE stories ADD COLUMN options TEXT NOT NULL DEFAULT '';
CREATE INDEX stories_options ON stories (options, last_published, id);
CREATE TRIGGER pending_moved AFTER UPDATE OF story_id ON story_articles BEGIN
	DELETE FROM pending WHERE article_id = new.article_id;
END;
`,
	// 6: what stories are filtered by and the store's stamp. story_facets
	// keeps each story's outlets, languages and entity names (and
	// aliases), lower-cased, for filters that an index answers.
	// store_state holds the installation's random id, which feeds
	// name themselves by, and a generation and time that every story write
	// moves on, which pages are cached by (ETag, Last-Modified). The
	// story writes keep both (UpdateStories); this fills the facets of the
	// stories stored before.
	`
CREATE TABLE story_facets (
	kind     TEXT NOT NULL,
	value    TEXT NOT NULL,
	story_id TEXT NOT NULL,
	PRIMARY KEY (kind, value, story_id)
) WITHOUT ROWID;
CREATE INDEX story_facets_story ON story_facets (story_id);
INSERT OR IGNORE INTO story_facets (kind, value, story_id)
	SELECT 'outlet', lower(trim(o.value)), st.id FROM stories st, json_each(st.doc, '$.outlets') o WHERE trim(o.value) <> ''
	UNION SELECT 'language', lower(l.key), st.id FROM stories st, json_each(st.doc, '$.languages') l WHERE l.key IS NOT NULL
	UNION SELECT 'entity', lower(trim(json_extract(e.value, '$.name'))), st.id FROM stories st, json_each(st.doc, '$.entities') e
		WHERE trim(json_extract(e.value, '$.name')) <> ''
	UNION SELECT 'entity', lower(trim(a.value)), st.id FROM stories st, json_each(st.doc, '$.entities') e, json_each(e.value, '$.aliases') a
		WHERE trim(a.value) <> '';

CREATE TABLE store_state (
	one          INTEGER PRIMARY KEY CHECK (one = 1),
	installation TEXT NOT NULL,
	generation   INTEGER NOT NULL,
	changed_at   TEXT NOT NULL
);
INSERT INTO store_state (one, installation, generation, changed_at)
	VALUES (1, lower(hex(randomblob(16))), 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
`,
	// 7: the feeds chorus watch polls, with each one's state, kept with the
	// articles they fed rather than in a file beside the store.
	`
CREATE TABLE subscriptions (
	url        TEXT PRIMARY KEY,
	title      TEXT NOT NULL DEFAULT '',
	added_at   TEXT NOT NULL,
	last_fetch TEXT NOT NULL DEFAULT '',
	next_fetch TEXT NOT NULL DEFAULT '',
	failures   INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	watch      BLOB NOT NULL DEFAULT x''  -- the watcher's own record, JSON
);
`,
}

// migrate brings db's schema up to the last migration.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)`); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	have, err := schemaVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this program knows (%d)", have, len(migrations))
	}
	for i, m := range migrations {
		version := i + 1
		if err := applyMigration(ctx, db, version, m); err != nil {
			return fmt.Errorf("migration %d: %w", version, err)
		}
	}
	return nil
}

// applyMigration runs one migration unless it already ran. The check and
// the change share one (immediate) transaction, so two processes opening
// the same new file apply it once.
func applyMigration(ctx context.Context, db *sql.DB, version int, stmt string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES (?)`, version); err != nil {
		return err
	}
	return tx.Commit()
}

// schemaVersion is the highest migration applied.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}
