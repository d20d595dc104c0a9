package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/chorusnews/chorus/internal/store"
)

// anyStale tells whether a story was formed with other options than the
// one given (twice): two seeks in the index on options.
const anyStale = `SELECT EXISTS (SELECT 1 FROM stories WHERE options < ?)
	OR EXISTS (SELECT 1 FROM stories WHERE options > ?)`

// Requeue puts the articles of stories formed with other options back
// among the waiting ones; see store.Store. When every story was formed
// with options, it costs two seeks in the index on (options,
// last_published, id).
func (s *Store) Requeue(ctx context.Context, options string, limit int) (int, error) {
	var stale bool
	if err := s.db.QueryRowContext(ctx, anyStale, options, options).Scan(&stale); err != nil {
		return 0, fmt.Errorf("store: requeue: %w", err)
	}
	if !stale {
		return 0, nil
	}
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := staleStories(ctx, tx, options, limit)
		if err != nil {
			return err
		}
		n = len(ids)
		return execByID(ctx, tx, `INSERT OR IGNORE INTO pending (article_id)
SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id
WHERE sa.story_id IN`, ids)
	})
	if err != nil {
		return 0, fmt.Errorf("store: requeue: %w", err)
	}
	return n, nil
}

// staleStories returns the stories Requeue puts back: fingerprint by
// fingerprint (those below options, then those above), the oldest stories
// that hold a stored article, until they list limit articles (all when
// limit ≤ 0).
func staleStories(ctx context.Context, tx *sql.Tx, options string, limit int) ([]string, error) {
	var ids []string
	articles := 0
	for _, side := range []string{"<", ">"} {
		var after *string
		for {
			// The next fingerprint on this side: a seek in the index.
			q, args := `SELECT options FROM stories WHERE options `+side+` ?`, []any{options}
			if after != nil {
				q, args = q+` AND options > ?`, append(args, *after)
			}
			var v string
			err := tx.QueryRowContext(ctx, q+` ORDER BY options LIMIT 1`, args...).Scan(&v)
			if errors.Is(err, sql.ErrNoRows) {
				break
			}
			if err != nil {
				return nil, err
			}
			after = &v
			rows, err := tx.QueryContext(ctx, `SELECT s.id, s.n_articles FROM stories s
WHERE s.options = ? AND EXISTS (
	SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = s.id)
ORDER BY s.last_published, s.id LIMIT ?`, v, budget(limit, articles))
			if err != nil {
				return nil, err
			}
			ids, articles, err = store.TakeStories(rows, ids, articles, limit)
			if err == nil {
				err = rows.Err()
			}
			rows.Close()
			if err != nil {
				return nil, err
			}
			if limit > 0 && articles >= limit {
				return ids, nil
			}
		}
	}
	return ids, nil
}

// budget is how many more stories may be needed to reach limit articles,
// each listing one at least: -1 (SQLite: no limit) when limit ≤ 0.
func budget(limit, articles int) int {
	if limit <= 0 {
		return -1
	}
	return limit - articles
}
