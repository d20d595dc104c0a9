package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// PutRaws keeps many inputs in one transaction; see store.Store. Each
// write of the store flushes its pages, so one per batch rather than one
// per input saves most of the cost. The transaction takes the write lock
// first (BEGIN IMMEDIATE), so each insert sees every input another process
// committed before it, and counts as added only those it inserted.
func (s *Store) PutRaws(ctx context.Context, raws []store.RawInput) (int, error) {
	if len(raws) == 0 {
		return 0, nil
	}
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO raw (id, source, format, body, size) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
		if err != nil {
			return fmt.Errorf("store: put raw: %w", err)
		}
		defer stmt.Close()
		for _, r := range raws {
			body := r.Body
			if body == nil {
				body = []byte{}
			}
			res, err := stmt.ExecContext(ctx, news.ContentID(body), r.Source, r.Format, body, len(body))
			if err != nil {
				return fmt.Errorf("store: put raw %s: %w", r.Source, err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("store: put raw %s: %w", r.Source, err)
			}
			added += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// Raw returns the input kept under id; see store.Store.
func (s *Store) Raw(ctx context.Context, id string) (store.Raw, error) {
	r := store.Raw{ID: id}
	err := s.db.QueryRowContext(ctx, `SELECT source, format, body FROM raw WHERE id = ?`, id).
		Scan(&r.Source, &r.Format, &r.Body)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Raw{}, fmt.Errorf("store: raw %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Raw{}, fmt.Errorf("store: raw %s: %w", id, err)
	}
	if r.Body == nil {
		r.Body = []byte{}
	}
	return r, nil
}

// HasRaw tells which of ids are kept; see store.Store.
func (s *Store) HasRaw(ctx context.Context, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	err := eachByID(ctx, s.db, `SELECT id FROM raw WHERE id IN`, ids, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		out[id] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: has raw: %w", err)
	}
	return out, nil
}
