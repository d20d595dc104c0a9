package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// PutRaw keeps raw under the hex SHA-256 of its bytes; see store.Store.
func (s *Store) PutRaw(ctx context.Context, source string, raw []byte, format string) (string, bool, error) {
	id := news.ContentID(raw)
	if raw == nil {
		raw = []byte{} // body is NOT NULL; an empty input is still an input
	}
	tag, err := s.pool.Exec(ctx,
		`INSERT INTO raw (id, source, format, body, size) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
		id, clean(source), clean(format), raw, len(raw))
	if err != nil {
		return "", false, fmt.Errorf("store: put raw %s: %w", source, err)
	}
	return id, tag.RowsAffected() > 0, nil
}

// PutRaws keeps many inputs in one transaction, sent as one batch; see
// store.Store.
func (s *Store) PutRaws(ctx context.Context, raws []store.RawInput) error {
	if len(raws) == 0 {
		return nil
	}
	// In id order, so that two workers keeping overlapping inputs (one
	// delivered twice) lock them in the same order and cannot deadlock.
	type row struct {
		id, source, format string
		body               []byte
	}
	rows := make([]row, len(raws))
	for i, r := range raws {
		body := r.Body
		if body == nil {
			body = []byte{}
		}
		rows[i] = row{news.ContentID(body), r.Source, r.Format, body}
	}
	slices.SortStableFunc(rows, func(a, b row) int { return strings.Compare(a.id, b.id) })
	return s.inTx(ctx, noWriteLock, func(tx pgx.Tx) error {
		var b pgx.Batch
		for _, r := range rows {
			b.Queue(`INSERT INTO raw (id, source, format, body, size) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
				r.id, clean(r.source), clean(r.format), r.body, len(r.body))
		}
		res := tx.SendBatch(ctx, &b)
		for _, r := range rows {
			if _, err := res.Exec(); err != nil {
				res.Close()
				return fmt.Errorf("store: put raw %s: %w", r.source, err)
			}
		}
		return res.Close()
	})
}

// Raw returns the input kept under id; see store.Store.
func (s *Store) Raw(ctx context.Context, id string) (store.Raw, error) {
	if !storable(id) {
		return store.Raw{}, fmt.Errorf("store: raw %q: %w", id, store.ErrNotFound)
	}
	r := store.Raw{ID: id}
	err := s.pool.QueryRow(ctx, `SELECT source, format, body FROM raw WHERE id = $1`, id).
		Scan(&r.Source, &r.Format, &r.Body)
	if errors.Is(err, pgx.ErrNoRows) {
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
	var asked []string
	for _, id := range ids {
		if storable(id) {
			asked = append(asked, id)
		}
	}
	if len(asked) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT id FROM raw WHERE id = ANY($1)`, asked)
	if err != nil {
		return nil, fmt.Errorf("store: has raw: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: has raw: %w", err)
		}
		out[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: has raw: %w", err)
	}
	return out, nil
}
