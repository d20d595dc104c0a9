package store

import (
	"fmt"
	"strings"

	// The stores decode every article a story update reads: the v2
	// decoder does it in a fifth of the time and allocations of
	// encoding/json, on JSON that encoding/json wrote.
	json "github.com/go-json-experiment/json"

	"github.com/chorusnews/chorus/internal/news"
)

// Row is a database row to scan, as database/sql and pgx both give it.
type Row interface{ Scan(dest ...any) error }

// Rows is a result set, as database/sql and pgx both give it.
type Rows interface {
	Row
	Next() bool
	Err() error
}

// Collect reads every row of rows with scan; the caller closes rows.
func Collect[T any](rows Rows, scan func(Row) (T, error)) ([]T, error) {
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// TakeStories appends to ids the stories of rows (id, article count), as
// Requeue takes them: whole, until they list limit articles or more,
// counting on from articles, each story as one article at least (no bound
// when limit ≤ 0). It returns ids and the articles they list; the caller
// closes rows and checks rows.Err.
func TakeStories(rows Rows, ids []string, articles, limit int) ([]string, int, error) {
	for rows.Next() && (limit <= 0 || articles < limit) {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return ids, articles, err
		}
		ids = append(ids, id)
		articles += max(n, 1)
	}
	return ids, articles, nil
}

// ScanRef reads an article's id and publication date.
func ScanRef(row Row) (ArticleRef, error) {
	var r ArticleRef
	err := row.Scan(&r.ID, &r.Published)
	return r, err
}

// ScanStory reads a story kept as its id, JSON document and options
// fingerprint.
func ScanStory(row Row) (news.Story, error) {
	var id, doc, options string
	if err := row.Scan(&id, &doc, &options); err != nil {
		return news.Story{}, err
	}
	return DecodeStory(id, doc, options)
}

// ScanArticle reads an article as the stores keep it: id, source, url,
// outlet, title, authors (JSON), published, language, text, duplicate_of,
// dateline, quotes, entities and facts (JSON), then its story id.
func ScanArticle(row Row) (news.StoryArticle, error) {
	var a news.StoryArticle
	var authors, quotes, entities, facts string
	if err := row.Scan(&a.ID, &a.Source, &a.URL, &a.Outlet, &a.Title, &authors, &a.Published,
		&a.Language, &a.Text, &a.DuplicateOf, &a.Dateline, &quotes, &entities, &facts, &a.Story); err != nil {
		return a, err
	}
	for _, f := range []struct {
		name string
		js   string
		v    any
	}{
		{"authors", authors, &a.Authors},
		{"quotes", quotes, &a.Quotes},
		{"entities", entities, &a.Entities},
		{"facts", facts, &a.Facts},
	} {
		if err := json.Unmarshal([]byte(f.js), f.v); err != nil {
			return a, fmt.Errorf("article %s: %s: %w", a.ID, f.name, err)
		}
	}
	return a, nil
}

// DecodeStory reads a story kept as its JSON document and, beside it,
// the fingerprint of the options it was formed with.
func DecodeStory(id, doc, options string) (news.Story, error) {
	var st news.Story
	if err := json.Unmarshal([]byte(doc), &st); err != nil {
		return news.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	st.Options = options
	return st, nil
}

// ScanStoryArticles reads a story's id and, of its JSON document, only
// the articles it lists: the rest of the document is skipped, not built.
func ScanStoryArticles(row Row) (id string, articles []string, err error) {
	var doc string
	if err := row.Scan(&id, &doc); err != nil {
		return "", nil, err
	}
	var st struct {
		Articles []string `json:"articles"`
	}
	if err := json.Unmarshal([]byte(doc), &st); err != nil {
		return "", nil, fmt.Errorf("story %s: %w", id, err)
	}
	return id, st.Articles, nil
}

// SummaryText is what search reads of a story's summary: its sentences,
// a line each.
func SummaryText(st *news.Story) string {
	parts := make([]string, 0, len(st.Summary))
	for _, c := range st.Summary {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, "\n")
}

// OrderBy is the ORDER BY list of the stories table for o, the same in
// every store; an unknown order is an error.
func OrderBy(o Order) (string, error) {
	switch o {
	case "", OrderNewest:
		return `last_published DESC, first_published DESC, id`, nil
	case OrderMostCovered:
		return `n_outlets DESC, n_articles DESC, last_published DESC, id`, nil
	}
	return "", fmt.Errorf("unknown order %q", o)
}
