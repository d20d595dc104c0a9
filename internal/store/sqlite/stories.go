package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/chorusnews/chorus/internal/news"
	"github.com/chorusnews/chorus/internal/store"
)

// PutStories upserts stories by id and points their articles at them, in
// one transaction; see store.Store.
func (s *Store) PutStories(ctx context.Context, stories []news.Story) error {
	if len(stories) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return putStories(ctx, tx, stories) })
	if err != nil {
		return fmt.Errorf("store: put stories: %w", err)
	}
	return nil
}

// UpdateStories removes and puts stories in one transaction; see
// store.Store.
func (s *Store) UpdateStories(ctx context.Context, put []news.Story, remove []string) error {
	if len(put) == 0 && len(remove) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := deleteStories(ctx, tx, remove); err != nil {
			return err
		}
		return putStories(ctx, tx, put)
	})
	if err != nil {
		return fmt.Errorf("store: update stories: %w", err)
	}
	return nil
}

func putStories(ctx context.Context, tx *sql.Tx, stories []news.Story) error {
	put, err := tx.PrepareContext(ctx, `INSERT INTO stories (
id, title, summary, first_published, last_published, n_articles, n_outlets, doc
) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
title = excluded.title, summary = excluded.summary,
first_published = excluded.first_published, last_published = excluded.last_published,
n_articles = excluded.n_articles, n_outlets = excluded.n_outlets, doc = excluded.doc,
updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)
	if err != nil {
		return err
	}
	defer put.Close()
	// First release every article of these stories, then claim the
	// listed ones, so an article moving between two stories of the
	// same call ends up in the one that lists it.
	release, err := tx.PrepareContext(ctx, `DELETE FROM story_articles WHERE story_id = ?`)
	if err != nil {
		return err
	}
	defer release.Close()
	for i := range stories {
		st := &stories[i]
		if st.ID == "" {
			return fmt.Errorf("story %q has no id", st.Title)
		}
		doc, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("%s: %w", st.ID, err)
		}
		if _, err := put.ExecContext(ctx, st.ID, st.Title, store.SummaryText(st), st.FirstPublished,
			st.LastPublished, len(st.Articles), len(st.Outlets), string(doc)); err != nil {
			return fmt.Errorf("%s: %w", st.ID, err)
		}
		if _, err := release.ExecContext(ctx, st.ID); err != nil {
			return fmt.Errorf("%s: %w", st.ID, err)
		}
	}
	claim, err := tx.PrepareContext(ctx, `INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)
ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`)
	if err != nil {
		return err
	}
	defer claim.Close()
	for i := range stories {
		st := &stories[i]
		for _, id := range st.Articles {
			if _, err := claim.ExecContext(ctx, id, st.ID); err != nil {
				return fmt.Errorf("%s: article %s: %w", st.ID, id, err)
			}
		}
	}
	return nil
}

// DeleteStories removes stories by id; see store.Store.
func (s *Store) DeleteStories(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return deleteStories(ctx, tx, ids) })
	if err != nil {
		return fmt.Errorf("store: delete stories: %w", err)
	}
	return nil
}

func deleteStories(ctx context.Context, tx *sql.Tx, ids []string) error {
	for start := 0; start < len(ids); start += chunk {
		part := anys(ids[start:min(start+chunk, len(ids))])
		in := placeholders(len(part))
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_articles WHERE story_id IN (`+in+`)`, part...); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id IN (`+in+`)`, part...); err != nil {
			return err
		}
	}
	return nil
}

// Story returns one story; see store.Store.
func (s *Store) Story(ctx context.Context, id string) (news.Story, error) {
	var doc string
	err := s.db.QueryRowContext(ctx, `SELECT doc FROM stories WHERE id = ?`, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Story{}, fmt.Errorf("store: story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return news.Story{}, fmt.Errorf("store: story %s: %w", id, err)
	}
	st, err := store.DecodeStory(id, doc)
	if err != nil {
		return news.Story{}, fmt.Errorf("store: %w", err)
	}
	return st, nil
}

// Stories lists stories; see store.Store.
func (s *Store) Stories(ctx context.Context, opts store.ListOptions) ([]news.Story, error) {
	order, err := store.OrderBy(opts.Order)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	offset := max(opts.Offset, 0)
	rows, err := s.db.QueryContext(ctx, `SELECT id, doc FROM stories ORDER BY `+order+` LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	defer rows.Close()
	out, err := store.Collect(rows, store.ScanStory)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	return out, nil
}
