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

// PutRaws keeps many inputs in one transaction, chunkSize of them to a
// statement; see store.Store. An insert that meets a row another
// transaction has inserted but not committed waits for it, and counts it
// as added only if that transaction rolls back.
func (s *Store) PutRaws(ctx context.Context, raws []store.RawInput) (int, error) {
	if len(raws) == 0 {
		return 0, nil
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
		rows[i] = row{news.ContentID(body), clean(r.Source), clean(r.Format), body}
	}
	slices.SortStableFunc(rows, func(a, b row) int { return strings.Compare(a.id, b.id) })
	added := 0
	err := s.inTx(ctx, noWriteLock, func(tx pgx.Tx) error {
		for start := 0; start < len(rows); start += chunkSize {
			chunk := rows[start:min(start+chunkSize, len(rows))]
			ids, sources, formats := make([]string, len(chunk)), make([]string, len(chunk)), make([]string, len(chunk))
			bodies, sizes := make([][]byte, len(chunk)), make([]int64, len(chunk))
			for i, r := range chunk {
				ids[i], sources[i], formats[i], bodies[i], sizes[i] = r.id, r.source, r.format, r.body, int64(len(r.body))
			}
			// DO NOTHING, unlike DO UPDATE, takes an id twice in one
			// statement: the second is a conflict like any other.
			tag, err := tx.Exec(ctx, `INSERT INTO raw (id, source, format, body, size)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::bigint[])
ON CONFLICT (id) DO NOTHING`, ids, sources, formats, bodies, sizes)
			if err != nil {
				return fmt.Errorf("store: put raw inputs %s to %s: %w", chunk[0].source, chunk[len(chunk)-1].source, err)
			}
			added += int(tag.RowsAffected())
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
