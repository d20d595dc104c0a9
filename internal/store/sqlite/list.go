package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// newQuery builds a statement's parameters as ?1, ?2, ….
func newQuery() *store.Query {
	return &store.Query{Placeholder: func(n int) string { return "?" + strconv.Itoa(n) }}
}

// Stories lists stories; see store.Store.
func (s *Store) Stories(ctx context.Context, opts store.ListOptions) ([]news.Story, error) {
	q := newQuery()
	stmt, reversed, err := q.StoriesSQL(opts, -1) // SQLite: no limit
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, stmt, q.Args...)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	defer rows.Close()
	out, err := store.Collect(rows, store.ScanStory)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	if reversed {
		slices.Reverse(out)
	}
	return out, nil
}

// CountStories counts the stories a filter keeps; see store.Store.
func (s *Store) CountStories(ctx context.Context, f store.StoryFilter) (int, error) {
	q := newQuery()
	where, err := q.FilterSQL(f, "st")
	if err != nil {
		return 0, fmt.Errorf("store: count stories: %w", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM stories st WHERE `+where, q.Args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count stories: %w", err)
	}
	return n, nil
}

// Stamp tells where the store is in its history; see store.Store.
func (s *Store) Stamp(ctx context.Context) (store.Stamp, error) {
	var st store.Stamp
	var changed string
	err := s.db.QueryRowContext(ctx, `SELECT installation, generation, changed_at FROM store_state WHERE one = 1`).
		Scan(&st.Installation, &st.Generation, &changed)
	if err != nil {
		return st, fmt.Errorf("store: stamp: %w", err)
	}
	if st.Changed, err = time.Parse(time.RFC3339Nano, changed); err != nil {
		return st, fmt.Errorf("store: stamp: %w", err)
	}
	return st, nil
}
