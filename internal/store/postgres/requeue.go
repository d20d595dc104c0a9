package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/chorusnews/chorus/internal/store"
)

// Requeue puts the articles of stories formed with other options back
// among the waiting ones; see store.Store. When every story was formed
// with options, it costs two seeks in the index on (options,
// last_published, id). It takes the write lock shared, as article writes
// do: it only ever adds waiting articles.
func (s *Store) Requeue(ctx context.Context, options string, limit int) (int, error) {
	options = clean(options)
	var stale bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM stories WHERE options < $1)
	OR EXISTS (SELECT 1 FROM stories WHERE options > $1)`, options).Scan(&stale); err != nil {
		return 0, fmt.Errorf("store: requeue: %w", err)
	}
	if !stale {
		return 0, nil
	}
	var n int
	err := s.inTx(ctx, sharedWriteLock, func(tx pgx.Tx) error {
		ids, err := staleStories(ctx, tx, options, limit)
		if err != nil || len(ids) == 0 {
			return err
		}
		n = len(ids)
		// In id order, as article writes add theirs.
		_, err = tx.Exec(ctx, `INSERT INTO pending (article_id)
SELECT sa.article_id FROM story_articles sa
WHERE sa.story_id = ANY($1) AND EXISTS (SELECT 1 FROM articles a WHERE a.id = sa.article_id)
ORDER BY sa.article_id
ON CONFLICT DO NOTHING`, ids)
		return err
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
func staleStories(ctx context.Context, tx pgx.Tx, options string, limit int) ([]string, error) {
	var ids []string
	articles := 0
	for _, side := range []string{"<", ">"} {
		var after *string
		for {
			// The next fingerprint on this side: a seek in the index.
			q, args := `SELECT options FROM stories WHERE options `+side+` $1`, []any{options}
			if after != nil {
				q, args = q+` AND options > $2`, append(args, *after)
			}
			var v string
			err := tx.QueryRow(ctx, q+` ORDER BY options LIMIT 1`, args...).Scan(&v)
			if errors.Is(err, pgx.ErrNoRows) {
				break
			}
			if err != nil {
				return nil, err
			}
			after = &v
			var most *int // NULL: no limit
			if limit > 0 {
				most = new(limit - articles)
			}
			rows, err := tx.Query(ctx, `SELECT s.id, s.n_articles FROM stories s
WHERE s.options = $1 AND EXISTS (
	SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = s.id)
ORDER BY s.last_published, s.id LIMIT $2`, v, most)
			if err != nil {
				return nil, err
			}
			ids, articles, err = store.TakeStories(rows, ids, articles, limit)
			rows.Close()
			if err == nil {
				err = rows.Err()
			}
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
