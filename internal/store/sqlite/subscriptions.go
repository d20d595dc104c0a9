package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chorusnews/chorus/internal/store"
)

// Subscriptions lists the watched feeds; see store.Subscriptions.
func (s *Store) Subscriptions(ctx context.Context) ([]store.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, title, added_at, last_fetch, next_fetch, failures, last_error, watch
FROM subscriptions ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	defer rows.Close()
	var out []store.Subscription
	for rows.Next() {
		var sub store.Subscription
		var added, last, next string
		if err := rows.Scan(&sub.URL, &sub.Title, &added, &last, &next, &sub.Failures, &sub.LastError, &sub.Watch); err != nil {
			return nil, fmt.Errorf("store: subscriptions: %w", err)
		}
		sub.Added, sub.LastFetch, sub.NextFetch = parseStamp(added), parseStamp(last), parseStamp(next)
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
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		added = 0
		for _, f := range feeds {
			when := f.Added
			if when.IsZero() {
				when = time.Now()
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO subscriptions (url, title, added_at) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING`,
				f.URL, f.Title, stamp(when))
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			if n > 0 {
				added++
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE subscriptions SET title = ? WHERE url = ? AND title = ''`, f.Title, f.URL); err != nil {
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
	removed := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		removed = 0
		for _, u := range urls {
			res, err := tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE url = ?`, u)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			removed += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: unsubscribe: %w", err)
	}
	return removed, nil
}

// SaveFeedStates writes the watcher's state of feeds; see
// store.Subscriptions.
func (s *Store) SaveFeedStates(ctx context.Context, feeds []store.Subscription) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, f := range feeds {
			watch := f.Watch
			if watch == nil {
				watch = []byte{}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE subscriptions SET last_fetch = ?, next_fetch = ?, failures = ?, last_error = ?, watch = ?
WHERE url = ?`, stamp(f.LastFetch), stamp(f.NextFetch), f.Failures, f.LastError, watch, f.URL); err != nil {
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

// stamp writes a time as sortable text in UTC; "" for the zero time.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
