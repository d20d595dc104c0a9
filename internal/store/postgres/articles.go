package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// selectArticles reads articles with their story; callers add WHERE/ORDER.
const selectArticles = `SELECT a.id, a.source, a.url, a.outlet, a.title, a.authors, a.published,
	a.language, a.text, a.duplicate_of, a.dateline, a.quotes, a.entities, a.facts,
	coalesce(sa.story_id, '')
FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id `

// putArticles upserts a chunk of articles in one statement, one array per
// column: the statement-level trigger that records waiting articles then
// runs once per chunk, not once per article. The search vector comes
// built (searchVector), or else as folded title and text for the server.
const putArticles = `INSERT INTO articles (
	id, source, url, outlet, title, authors, published, language, text,
	duplicate_of, dateline, quotes, entities, facts, search
) SELECT id, source, url, outlet, title, authors, published, language, text,
	duplicate_of, dateline, quotes, entities, facts, ` + searchVectorSQL + `
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
	$9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::tsvector[], $16::text[], $17::text[])
	AS t(id, source, url, outlet, title, authors, published, language, text,
	duplicate_of, dateline, quotes, entities, facts, search_vector, search_title, search_text)
ON CONFLICT (id) DO UPDATE SET
	source = excluded.source, url = excluded.url, outlet = excluded.outlet,
	title = excluded.title, authors = excluded.authors, published = excluded.published,
	language = excluded.language, text = excluded.text, duplicate_of = excluded.duplicate_of,
	dateline = excluded.dateline, quotes = excluded.quotes, entities = excluded.entities,
	facts = excluded.facts, search = excluded.search, updated_at = now()`

// chunkSize is how many rows one statement carries.
const chunkSize = 256

// PutArticles upserts articles by id in one transaction; see store.Store.
// Text PostgreSQL cannot hold (NUL, invalid UTF-8) is cleaned; an id it
// cannot hold fails the call, as a missing one does. An id given twice
// keeps its last article, as separate upserts would.
func (s *Store) PutArticles(ctx context.Context, articles []news.Analyzed) error {
	if len(articles) == 0 {
		return nil
	}
	last := make(map[string]int, len(articles))
	for i := range articles {
		a := &articles[i]
		if a.ID == "" {
			return fmt.Errorf("store: put articles: article from %q has no id", a.Source)
		}
		if !storable(a.ID) {
			return fmt.Errorf("store: put articles: article from %q: id %q is not valid UTF-8 text", a.Source, a.ID)
		}
		last[a.ID] = i
	}
	// Rows go in id order, so that two workers storing overlapping
	// chunks (an input delivered twice) lock them in the same order and
	// cannot deadlock.
	order := make([]int, 0, len(last))
	for _, i := range last {
		order = append(order, i) // one statement cannot change a row twice
	}
	slices.SortFunc(order, func(i, j int) int { return strings.Compare(articles[i].ID, articles[j].ID) })
	var cols [16][]string
	var vectors []pgtype.TSVector
	for _, i := range order {
		a := &articles[i]
		var js [4]string
		for j, v := range []any{a.Authors, a.Quotes, a.Entities, a.Facts} {
			b, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("store: put articles: %s: %w", a.ID, err)
			}
			js[j] = string(b)
		}
		vector, title, text := searchColumns(a.Title, a.Text)
		for k, v := range []string{a.ID, clean(a.Source), clean(a.URL), clean(a.Outlet), clean(a.Title),
			js[0], clean(a.Published), clean(a.Language), clean(a.Text), clean(a.DuplicateOf),
			clean(a.Dateline), js[1], js[2], js[3], title, text} {
			cols[k] = append(cols[k], v)
		}
		vectors = append(vectors, vector)
	}
	err := s.inTx(ctx, sharedWriteLock, func(tx pgx.Tx) error {
		for start := 0; start < len(cols[0]); start += chunkSize {
			end := min(start+chunkSize, len(cols[0]))
			args := make([]any, 0, len(cols)+1)
			for k := range cols {
				if k == 14 {
					args = append(args, vectors[start:end])
				}
				args = append(args, cols[k][start:end])
			}
			if _, err := tx.Exec(ctx, putArticles, args...); err != nil {
				return fmt.Errorf("articles %s to %s: %w", cols[0][start], cols[0][end-1], err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: put articles: %w", err)
	}
	return nil
}

// MarkCopies sets which article each one copies, in one statement; see
// store.Store. Rows whose mark stays as it is are not touched, and the
// rest keep their stored text, vectors and compressed values: a whole
// article written again would be compressed and indexed again.
func (s *Store) MarkCopies(ctx context.Context, copyOf map[string]string) error {
	if len(copyOf) == 0 {
		return nil
	}
	ids := slices.Sorted(maps.Keys(copyOf)) // the order PutArticles locks rows in
	ids = storableIDs(ids)
	marks := make([]string, len(ids))
	for i, id := range ids {
		marks[i] = clean(copyOf[id])
	}
	err := s.inTx(ctx, sharedWriteLock, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE articles a SET duplicate_of = t.mark, updated_at = now()
FROM unnest($1::text[], $2::text[]) AS t(id, mark)
WHERE a.id = t.id AND a.duplicate_of IS DISTINCT FROM t.mark`, ids, marks)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: mark copies: %w", err)
	}
	return nil
}

// Article returns one article; see store.Store.
func (s *Store) Article(ctx context.Context, id string) (news.StoryArticle, error) {
	if !storable(id) {
		return news.StoryArticle{}, fmt.Errorf("store: article %q: %w", id, store.ErrNotFound)
	}
	a, err := store.ScanArticle(s.pool.QueryRow(ctx, selectArticles+`WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return news.StoryArticle{}, fmt.Errorf("store: article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.StoryArticle{}, fmt.Errorf("store: article %s: %w", id, err)
	}
	return a, nil
}

// Articles returns the stored articles among ids, in the order of ids; see
// store.Store.
func (s *Store) Articles(ctx context.Context, ids []string) ([]news.StoryArticle, error) {
	want := storableIDs(ids)
	if len(want) == 0 {
		return []news.StoryArticle{}, nil
	}
	rows, err := s.pool.Query(ctx, selectArticles+`WHERE a.id = ANY($1)`, want)
	if err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	found := make(map[string]news.StoryArticle, len(want))
	for rows.Next() {
		a, err := store.ScanArticle(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: articles: %w", err)
		}
		found[a.ID] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	out := make([]news.StoryArticle, 0, len(found))
	for _, id := range want {
		if a, ok := found[id]; ok {
			out = append(out, a)
			delete(found, id) // each article once
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
// the undated ones; see store.Store. published is COLLATE "C", so the
// bounds compare as bytes, as in SQLite.
func (s *Store) ArticlesPublished(ctx context.Context, from, to string, fn func(news.StoryArticle) error) error {
	const what = "articles published"
	from, to = clean(from), clean(to)
	// Undated articles (published '') sort before all others. Unless the
	// range holds them, they are read on their own, before it: a range
	// OR-ed with them is read through a bitmap of every row left in the
	// span, sorted again, texts and all, for each page.
	if from != "" || to == "" {
		if err := s.pagedArticles(ctx, what, "", `a.published <= ''`, nil, fn); err != nil {
			return err
		}
	}
	if from >= to {
		return nil
	}
	return s.pagedArticles(ctx, what, from, `a.published < $3`, []any{to}, fn)
}

// Waiting lists the articles waiting for a story; see store.Store. The
// pending table, kept by triggers, finds them without reading every
// article.
func (s *Store) Waiting(ctx context.Context) ([]store.ArticleRef, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.published FROM pending p JOIN articles a ON a.id = p.article_id ORDER BY a.published, a.id`)
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

// pageSize is how many articles pagedArticles reads at a time.
const pageSize = 256

// pagedArticles calls fn for the articles published at or after from and
// within upper (a condition on $3 on, with its arguments; "" for none) by
// publication date then id, reading a page at a time so that fn may use
// the store. Each page starts where the last one ended, in the index on
// (published, id), so that a page costs its own rows only.
func (s *Store) pagedArticles(ctx context.Context, what, from, upper string, upperArgs []any, fn func(news.StoryArticle) error) error {
	// Every id is at least "": the first page starts at from itself.
	lower, args := `(a.published, a.id) >= ($1, $2)`, []any{from, ""}
	for {
		where, params := lower, slices.Clone(args)
		if upper != "" {
			where += ` AND ` + upper
			params = append(params, upperArgs...)
		}
		params = append(params, pageSize)
		rows, err := s.pool.Query(ctx, selectArticles+`WHERE `+where+` ORDER BY a.published, a.id LIMIT $`+strconv.Itoa(len(params)), params...)
		if err != nil {
			return fmt.Errorf("store: %s: %w", what, err)
		}
		batch := make([]news.StoryArticle, 0, pageSize)
		for rows.Next() {
			a, err := store.ScanArticle(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("store: %s: %w", what, err)
			}
			batch = append(batch, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: %s: %w", what, err)
		}
		for _, a := range batch {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(batch) < pageSize {
			return nil
		}
		last := batch[len(batch)-1]
		lower, args = `(a.published, a.id) > ($1, $2)`, []any{last.Published, last.ID}
	}
}
