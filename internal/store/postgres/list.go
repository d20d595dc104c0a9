package postgres

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// newQuery builds a statement's parameters as $1, $2, ….
func newQuery() *store.Query {
	return &store.Query{Placeholder: func(n int) string { return "$" + strconv.Itoa(n) }}
}

// Stories lists stories; see store.Store.
func (s *Store) Stories(ctx context.Context, opts store.ListOptions) ([]news.Story, error) {
	opts.Filter = cleanFilter(opts.Filter)
	if opts.After != nil {
		opts.After = cleanKey(*opts.After)
	}
	if opts.Before != nil {
		opts.Before = cleanKey(*opts.Before)
	}
	q := newQuery()
	stmt, reversed, err := q.StoriesSQL(opts, (*int)(nil)) // NULL: no limit
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	rows, err := s.pool.Query(ctx, stmt, q.Args...)
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

// cleanFilter makes f's text storable, as the values it is compared with
// were stored.
func cleanFilter(f store.StoryFilter) store.StoryFilter {
	f.From, f.To = clean(f.From), clean(f.To)
	f.Outlet, f.Language, f.Entity = clean(f.Outlet), clean(f.Language), clean(f.Entity)
	return f
}

func cleanKey(k store.StoryKey) *store.StoryKey {
	k.LastPublished, k.FirstPublished, k.ID = clean(k.LastPublished), clean(k.FirstPublished), clean(k.ID)
	return &k
}

// CountStories counts the stories a filter keeps; see store.Store.
func (s *Store) CountStories(ctx context.Context, f store.StoryFilter) (int, error) {
	q := newQuery()
	where, err := q.FilterSQL(cleanFilter(f), "st")
	if err != nil {
		return 0, fmt.Errorf("store: count stories: %w", err)
	}
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM stories st WHERE `+where, q.Args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count stories: %w", err)
	}
	return n, nil
}

// Stamp tells where the store is in its history; see store.Store.
func (s *Store) Stamp(ctx context.Context) (store.Stamp, error) {
	var st store.Stamp
	err := s.pool.QueryRow(ctx, `SELECT installation, generation, changed_at FROM store_state WHERE one = 1`).
		Scan(&st.Installation, &st.Generation, &st.Changed)
	if err != nil {
		return st, fmt.Errorf("store: stamp: %w", err)
	}
	return st, nil
}
