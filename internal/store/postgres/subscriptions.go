package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/chorusnews/chorus/internal/store"
)

// Subscriptions lists the watched feeds; see store.Subscriptions.
func (s *Store) Subscriptions(ctx context.Context) ([]store.Subscription, error) {
	rows, err := s.pool.Query(ctx, `SELECT url, title, added_at, last_fetch, next_fetch, failures, last_error, watch
FROM subscriptions ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	defer rows.Close()
	var out []store.Subscription
	for rows.Next() {
		var sub store.Subscription
		var last, next *time.Time
		if err := rows.Scan(&sub.URL, &sub.Title, &sub.Added, &last, &next, &sub.Failures, &sub.LastError, &sub.Watch); err != nil {
			return nil, fmt.Errorf("store: subscriptions: %w", err)
		}
		if last != nil {
			sub.LastFetch = *last
		}
		if next != nil {
			sub.NextFetch = *next
		}
		out = append(out, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	return out, nil
}

// Subscribe adds feeds; see store.Subscriptions.
func (s *Store) Subscribe(ctx context.Context, feeds []store.Subscription) (int, error) {
	added := 0
	err := s.inTx(ctx, noWriteLock, func(tx pgx.Tx) error {
		added = 0
		for _, f := range feeds {
			when := f.Added
			if when.IsZero() {
				when = time.Now()
			}
			tag, err := tx.Exec(ctx, `INSERT INTO subscriptions (url, title, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING`,
				clean(f.URL), clean(f.Title), when)
			if err != nil {
				return err
			}
			if tag.RowsAffected() > 0 {
				added++
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE subscriptions SET title = $2 WHERE url = $1 AND title = ''`, clean(f.URL), clean(f.Title)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: subscribe: %w", err)
	}
	return added, nil
}

// Unsubscribe removes feeds; see store.Subscriptions.
func (s *Store) Unsubscribe(ctx context.Context, urls []string) (int, error) {
	for i, u := range urls {
		urls[i] = clean(u)
	}
	tag, err := s.pool.Exec(ctx, `DELETE FROM subscriptions WHERE url = ANY($1)`, urls)
	if err != nil {
		return 0, fmt.Errorf("store: unsubscribe: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// SaveFeedStates writes the watcher's state of feeds; see
// store.Subscriptions.
func (s *Store) SaveFeedStates(ctx context.Context, feeds []store.Subscription) error {
	err := s.inTx(ctx, noWriteLock, func(tx pgx.Tx) error {
		for _, f := range feeds {
			watch := f.Watch
			if watch == nil {
				watch = []byte{}
			}
			if _, err := tx.Exec(ctx, `UPDATE subscriptions SET last_fetch = $2, next_fetch = $3, failures = $4, last_error = $5, watch = $6
WHERE url = $1`, clean(f.URL), optionalTime(f.LastFetch), optionalTime(f.NextFetch), f.Failures, clean(f.LastError), watch); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: saving feed states: %w", err)
	}
	return nil
}

// optionalTime is NULL for the zero time.
func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
