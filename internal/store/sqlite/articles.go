package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// selectArticles reads articles with their story; callers add WHERE/ORDER.
const selectArticles = `SELECT a.id, a.source, a.url, a.outlet, a.title, a.authors, a.published,
	a.language, a.text, a.duplicate_of, a.dateline, a.quotes, a.entities, a.facts,
	coalesce(sa.story_id, '')
FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id `

// putRows is how many articles one INSERT statement writes: the full-text
// index flushes once per statement, so rows written together cost far
// less than rows written one by one.
const putRows = 64

// PutArticles upserts articles by id in one transaction; see store.Store.
func (s *Store) PutArticles(ctx context.Context, articles []news.Analyzed) error {
	if len(articles) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for start := 0; start < len(articles); start += putRows {
			part := articles[start:min(start+putRows, len(articles))]
			args := make([]any, 0, 14*len(part))
			for i := range part {
				row, err := articleRow(&part[i])
				if err != nil {
					return err
				}
				args = append(args, row...)
			}
			values := valueRows(len(part), 14)
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles (
	id, source, url, outlet, title, authors, published, language, text,
	duplicate_of, dateline, quotes, entities, facts
) VALUES `+values+`
ON CONFLICT (id) DO UPDATE SET
	source = excluded.source, url = excluded.url, outlet = excluded.outlet,
	title = excluded.title, authors = excluded.authors, published = excluded.published,
	language = excluded.language, text = excluded.text, duplicate_of = excluded.duplicate_of,
	dateline = excluded.dateline, quotes = excluded.quotes, entities = excluded.entities,
	facts = excluded.facts, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`, args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: put articles: %w", err)
	}
	return nil
}

// MarkCopies sets which article each one copies, in one transaction; see
// store.Store. Only duplicate_of is written, so the full-text index, kept
// by triggers on title and text, is left alone.
func (s *Store) MarkCopies(ctx context.Context, copyOf map[string]string) error {
	if len(copyOf) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		mark, err := tx.PrepareContext(ctx, `UPDATE articles SET duplicate_of = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND duplicate_of IS NOT ?`)
		if err != nil {
			return err
		}
		defer mark.Close()
		for _, id := range slices.Sorted(maps.Keys(copyOf)) {
			if _, err := mark.ExecContext(ctx, copyOf[id], id, copyOf[id]); err != nil {
				return fmt.Errorf("%s: %w", id, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: mark copies: %w", err)
	}
	return nil
}

// articleRow is an article's column values in the order PutArticles lists
// them.
func articleRow(a *news.Analyzed) ([]any, error) {
	if a.ID == "" {
		return nil, fmt.Errorf("article from %q has no id", a.Source)
	}
	var js [4]string
	for k, v := range []any{a.Authors, a.Quotes, a.Entities, a.Facts} {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
		js[k] = string(b)
	}
	return []any{a.ID, a.Source, a.URL, a.Outlet, a.Title, js[0], a.Published, a.Language, a.Text,
		a.DuplicateOf, a.Dateline, js[1], js[2], js[3]}, nil
}

// Article returns one article; see store.Store.
func (s *Store) Article(ctx context.Context, id string) (news.StoryArticle, error) {
	a, err := store.ScanArticle(s.db.QueryRowContext(ctx, selectArticles+`WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.StoryArticle{}, fmt.Errorf("store: article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.StoryArticle{}, fmt.Errorf("store: article %s: %w", id, err)
	}
	return a, nil
}

// chunk is how many ids go into one IN (...) list.
const chunk = 500

// placeholders returns "?, ?, ..." for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// querier runs a query: the database, or a transaction open on it.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// eachByID runs query, which ends in "IN", with ids in chunks of the
// most placeholders one statement takes, and calls each for every row.
func eachByID(ctx context.Context, q querier, query string, ids []string, each func(*sql.Rows) error) error {
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		rows, err := q.QueryContext(ctx, query+` (`+placeholders(len(part))+`)`, anys(part)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := each(rows); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// execByID runs stmt, which ends in "IN", with ids in chunks of the most
// placeholders one statement takes.
func execByID(ctx context.Context, tx *sql.Tx, stmt string, ids []string) error {
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		if _, err := tx.ExecContext(ctx, stmt+` (`+placeholders(len(part))+`)`, anys(part)...); err != nil {
			return err
		}
	}
	return nil
}

// valueRows writes the VALUES list of n rows of cols parameters each:
// "(?, ?), (?, ?)".
func valueRows(n, cols int) string {
	return strings.TrimSuffix(strings.Repeat("("+placeholders(cols)+"), ", n), ", ")
}

// Articles returns the stored articles among ids, in the order of ids; see
// store.Store.
func (s *Store) Articles(ctx context.Context, ids []string) ([]news.StoryArticle, error) {
	found := make(map[string]news.StoryArticle, len(ids))
	err := eachByID(ctx, s.db, selectArticles+`WHERE a.id IN`, ids, func(rows *sql.Rows) error {
		a, err := store.ScanArticle(rows)
		if err == nil {
			found[a.ID] = a
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	out := make([]news.StoryArticle, 0, len(found))
	seen := make(map[string]bool, len(found))
	for _, id := range ids {
		if a, ok := found[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, a)
		}
	}
	return out, nil
}

// AllArticles calls fn for every article by publication date then id; see
// store.Store. It reads in pages, so fn may itself use the store.
func (s *Store) AllArticles(ctx context.Context, fn func(news.StoryArticle) error) error {
	return s.pagedArticles(ctx, "all articles", "", "", nil, fn)
}

// ArticlesPublished calls fn for the articles published in [from, to) and
// the undated ones; see store.Store.
func (s *Store) ArticlesPublished(ctx context.Context, from, to string, fn func(news.StoryArticle) error) error {
	const what = "articles published"
	// Undated articles (published '') sort before all others. Unless the
	// range holds them, they are read on their own, before it: a range
	// OR-ed with them is not read in order from the index, and SQLite
	// then sorted every article left in the span, texts and all, for
	// each page it returned.
	if from != "" || to == "" {
		if err := s.pagedArticles(ctx, what, "", `a.published <= ''`, nil, fn); err != nil {
			return err
		}
	}
	if from >= to {
		return nil
	}
	return s.pagedArticles(ctx, what, from, `a.published < ?`, []any{to}, fn)
}

// Waiting lists the articles waiting for a story; see store.Store. The
// pending table, kept by triggers, finds them without reading every
// article.
func (s *Store) Waiting(ctx context.Context) ([]store.ArticleRef, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.published FROM pending p JOIN articles a ON a.id = p.article_id ORDER BY a.published, a.id`)
	if err != nil {
		return nil, fmt.Errorf("store: waiting articles: %w", err)
	}
	defer rows.Close()
	out, err := store.Collect(rows, store.ScanRef)
	if err != nil {
		return nil, fmt.Errorf("store: waiting articles: %w", err)
	}
	return out, nil
}

// pagedArticles calls fn for the articles published at or after from
// and within upper (a condition with its arguments; "" for none) by
// publication date then id, reading a page at a time so that fn may use
// the store. Each page starts where the last one ended, in the index on
// (published, id), so that a page costs its own rows only.
func (s *Store) pagedArticles(ctx context.Context, what, from, upper string, upperArgs []any, fn func(news.StoryArticle) error) error {
	const page = 256
	lower, args := `a.published >= ?`, []any{from}
	for {
		where, params := lower, slices.Clone(args)
		if upper != "" {
			where += ` AND ` + upper
			params = append(params, upperArgs...)
		}
		rows, err := s.db.QueryContext(ctx, selectArticles+`WHERE `+where+` ORDER BY a.published, a.id LIMIT ?`, append(params, page)...)
		if err != nil {
			return fmt.Errorf("store: %s: %w", what, err)
		}
		var batch []news.StoryArticle
		for rows.Next() {
			a, err := store.ScanArticle(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("store: %s: %w", what, err)
			}
			batch = append(batch, a)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("store: %s: %w", what, err)
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
		last := batch[len(batch)-1]
		lower, args = `(a.published, a.id) > (?, ?)`, []any{last.Published, last.ID}
	}
}
