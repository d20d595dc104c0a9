package store

import (
	"encoding/json"
	"fmt"

	"github.com/chorusnews/chorus/internal/news"
)

// Row is a database row to scan, as database/sql and pgx both give it.
type Row interface{ Scan(dest ...any) error }

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
